package dev.cloakroom.servlet.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import java.io.IOException;
import java.nio.ByteBuffer;

/** The container's body stream, running {@code beforeCommit} ahead of every write, flush and close. */
final class GuardedOutputStream extends ServletOutputStream {

    private final ServletOutputStream out;
    private final Runnable beforeCommit;

    GuardedOutputStream(ServletOutputStream out, Runnable beforeCommit) {
        this.out = out;
        this.beforeCommit = beforeCommit;
    }

    @Override
    public void write(int b) throws IOException {
        beforeCommit.run();
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        beforeCommit.run();
        out.write(b, off, len);
    }

    @Override
    public void write(ByteBuffer buffer) throws IOException {
        beforeCommit.run();
        out.write(buffer);
    }

    @Override
    public void flush() throws IOException {
        beforeCommit.run();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        beforeCommit.run();
        out.close();
    }

    @Override
    public boolean isReady() {
        return out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        out.setWriteListener(listener);
    }
}
