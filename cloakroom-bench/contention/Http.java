import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@link Contention}'s HTTP/1.1 over a plain socket: one connection, one request at a time, no
 * pool or selector thread between a request and its timing.
 */
final class Http {
    /** A response: its status, its headers by lower-case name, its body. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        void expect(int wanted) throws IOException {
            if (status != wanted) {
                throw new IOException("answered " + status + ", not " + wanted + ": " + new String(body, StandardCharsets.UTF_8));
            }
        }

        String cookie() throws IOException {
            String h = headers.get("set-cookie");
            if (h == null) {
                throw new IOException("no Set-Cookie");
            }
            return h.split(";", 2)[0];
        }
    }

    private final String host;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Http(String host, int port) throws IOException {
        this.host = host;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(60_000);
        in = new java.io.BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    static Response once(String host, int port, String method, String path, String cookie, String body) throws IOException {
        Http h = new Http(host, port);
        try {
            return h.exchange(method, path, cookie, body, false);
        } finally {
            h.socket.close();
        }
    }

    /** One request and its whole response; with {@code keepAlive} false the connection is closed after it. */
    Response exchange(String method, String path, String cookie, String body, boolean keepAlive) throws IOException {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
        if (cookie != null) {
            head.append("Cookie: ").append(cookie).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: text/plain; charset=utf-8\r\nContent-Length: ").append(payload.length).append("\r\n");
        }
        head.append(keepAlive ? "" : "Connection: close\r\n").append("\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        request.write(payload);
        out.write(request.toByteArray());
        out.flush();
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(); l != null && !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            headers.putIfAbsent(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            content.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; line()) {
                content.write(in.readNBytes(size));
            }
            line();
        } else {
            content.write(in.readAllBytes());
        }
        return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, content.toByteArray());
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                return s.toString();
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.length() == 0 ? null : s.toString();
    }
}
