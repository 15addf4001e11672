package dev.cloakroom.demo;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /style.css}: the demo's one stylesheet, read from the jar once. */
final class Stylesheet {

    private static final String CSS = load();

    private Stylesheet() {
    }

    static void serve(Context ctx) {
        ctx.contentType("text/css; charset=utf-8").header("Cache-Control", "max-age=3600").result(CSS);
    }

    private static String load() {
        try (InputStream in = Stylesheet.class.getResourceAsStream("style.css")) {
            if (in == null) {
                throw new IllegalStateException("style.css is missing from the demo's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
