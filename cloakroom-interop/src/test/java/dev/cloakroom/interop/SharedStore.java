package dev.cloakroom.interop;

/** A store both apps can open: the URL the Java demo takes after {@code --store}, and the one the Express app takes. */
interface SharedStore extends AutoCloseable {

    String javaUrl();

    String nodeUrl();

    @Override
    void close();
}
