package dev.cloakroom.spring.boot;

import dev.cloakroom.micrometer.CloakroomMetrics;
import dev.cloakroom.testkit.SeenSessionIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.Cookie;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsAutoConfigurationTest {

    /** Counts visits in the session, as a servlet calling request.getSession() would. */
    static final class VisitServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) {
            Object n = request.getSession().getAttribute("n");
            request.getSession().setAttribute("n", n == null ? 1 : ((Number) n).intValue() + 1);
        }
    }

    private static MockHttpServletResponse visit(AssertableWebApplicationContext context, Cookie cookie) throws Exception {
        Filter filter = context.getBean("cloakroomFilterRegistration", FilterRegistrationBean.class).getFilter();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/visit");
        if (cookie != null) {
            request.setCookies(cookie);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new VisitServlet()));
        SeenSessionIds.recordSetCookies(response.getHeaders("Set-Cookie"));
        return response;
    }

    private static Cookie sessionCookie(MockHttpServletResponse response) {
        String header = response.getHeader("Set-Cookie");
        assertThat(header).startsWith("connect.sid=");
        String pair = header.substring(0, header.indexOf(';'));
        return new Cookie("connect.sid", pair.substring("connect.sid=".length()));
    }

    private static AutoConfigurations both() {
        return AutoConfigurations.of(CloakroomMetricsAutoConfiguration.class, CloakroomAutoConfiguration.class);
    }

    @Nested
    class WhenTheApplicationHasAMeterRegistry {

        @Test
        void requestsThroughTheFilterShowInItsMeters() {
            Contexts.runner().withConfiguration(both())
                    .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                    .run(context -> {
                        assertThat(context).hasSingleBean(CloakroomMetrics.class);
                        Cookie cookie = sessionCookie(visit(context, null));
                        visit(context, cookie);
                        MeterRegistry registry = context.getBean(MeterRegistry.class);
                        assertThat(registry.get("cloakroom.sessions.created").counter().count()).isEqualTo(1);
                        assertThat(registry.get("cloakroom.store.operations").tags("operation", "replace", "outcome", "success")
                                .timer().count()).isEqualTo(1);
                        assertThat(registry.get("cloakroom.session.size").summary().count()).isEqualTo(2);
                        assertThat(registry.get("cloakroom.sessions.active.current").gauge().value()).isEqualTo(1);
                    });
        }

        @Test
        void bindingTheSameRegistryAgainCountsOnce() {
            Contexts.runner().withConfiguration(both())
                    .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                    .run(context -> {
                        MeterRegistry registry = context.getBean(MeterRegistry.class);
                        context.getBean(CloakroomMetrics.class).bindTo(registry); // as Boot's MeterRegistryPostProcessor does
                        visit(context, null);
                        assertThat(registry.get("cloakroom.sessions.created").counter().count()).isEqualTo(1);
                    });
        }
    }

    @Nested
    class WhenThereIsNoRegistryOrNoMicrometer {

        @Test
        void withoutARegistryThereAreNoMetrics() {
            Contexts.runner().withConfiguration(both()).run(context -> {
                assertThat(context).hasNotFailed().doesNotHaveBean(CloakroomMetrics.class);
                assertThat(context.getBean(dev.cloakroom.SessionOptions.class).observers()).isEmpty();
            });
        }

        @Test
        void withoutCloakroomMicrometerTheStarterStillWorks() {
            Contexts.runner().withConfiguration(both())
                    .withClassLoader(new FilteredClassLoader(CloakroomMetrics.class))
                    .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                    .run(context -> {
                        assertThat(context).hasNotFailed().doesNotHaveBean(CloakroomMetrics.class);
                        assertThat(visit(context, null).getHeader("Set-Cookie")).startsWith("connect.sid=");
                    });
        }
    }
}
