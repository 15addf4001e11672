package dev.cloakroom.servlet;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The static helpers, called for a request CloakroomFilter never saw (it is mapped elsewhere, or not at all). */
class OutsideTheFilterTest {

    /** A request with no attributes, as one the filter did not handle arrives at a servlet. */
    private static HttpServletRequest unfilteredRequest() {
        return (HttpServletRequest) Proxy.newProxyInstance(OutsideTheFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> null;
                    case "toString" -> "unfiltered request";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Nested
    class ForARequestTheFilterDidNotHandle {

        @Test
        void sessionThrowsIllegalStateSayingToMapTheFilter() {
            assertThatThrownBy(() -> CloakroomFilter.session(unfilteredRequest()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("CloakroomFilter did not handle this request")
                    .hasMessageContaining("every dispatch type");
        }

        @Test
        void contextThrowsTheSame() {
            assertThatThrownBy(() -> CloakroomFilter.context(unfilteredRequest()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("CloakroomFilter did not handle this request");
        }
    }
}
