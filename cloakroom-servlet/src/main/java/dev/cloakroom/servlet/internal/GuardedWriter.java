package dev.cloakroom.servlet.internal;

import java.io.IOException;
import java.io.Writer;

/**
 * The container's writer, running {@code beforeCommit} ahead of every write, flush and close.
 * The application sees it through a {@link java.io.PrintWriter}, whose every method ends up here.
 */
final class GuardedWriter extends Writer {

    private final Writer out;
    private final Runnable beforeCommit;

    GuardedWriter(Writer out, Runnable beforeCommit) {
        super(out);
        this.out = out;
        this.beforeCommit = beforeCommit;
    }

    @Override
    public void write(char[] buffer, int off, int len) throws IOException {
        beforeCommit.run();
        out.write(buffer, off, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        beforeCommit.run();
        out.write(s, off, len);
    }

    @Override
    public void write(int c) throws IOException {
        beforeCommit.run();
        out.write(c);
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
}
