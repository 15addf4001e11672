/**
 * Cloakroom for Jakarta Servlet 6: {@code CloakroomFilter}. {@code dev.cloakroom.servlet.internal}
 * (the {@code HttpSession} and the request and response wrappers) is not exported and may change in
 * any release; applications see it only through the servlet API's own interfaces.
 */
module dev.cloakroom.servlet {
    requires transitive dev.cloakroom.core;
    requires transitive jakarta.servlet;
    requires org.slf4j;

    exports dev.cloakroom.servlet;
}
