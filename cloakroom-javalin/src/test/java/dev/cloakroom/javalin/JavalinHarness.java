package dev.cloakroom.javalin;

import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.RunningServer;
import dev.cloakroom.testkit.TestCall;
import dev.cloakroom.testkit.TestRoutes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;

import java.util.List;

/**
 * Javalin with {@link CloakroomPlugin} on a free loopback port, every method and path going to
 * {@link TestRoutes#handlerFor}. {@code /<path>} is Javalin's path parameter that spans slashes;
 * {@code /} gets a route of its own so the root is served whatever that parameter matches.
 */
final class JavalinHarness implements AdapterHarness {

    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    private final boolean trustsForwarding;

    JavalinHarness() {
        this(false);
    }

    /** {@code trustsForwarding}: Jetty gets a {@link ForwardedRequestCustomizer}, as behind a proxy it is told to trust. */
    JavalinHarness(boolean trustsForwarding) {
        this.trustsForwarding = trustsForwarding;
    }

    @Override
    public RunningServer start(SessionOptions options, TestRoutes routes) {
        return start("/", options, routes);
    }

    /** Javalin's own context path; {@code ctx.path()} still gives the full request path. */
    @Override
    public RunningServer startMountedAt(String mountPath, SessionOptions options, TestRoutes routes) {
        return start(mountPath, options, routes);
    }

    /**
     * Not possible: {@link CloakroomPlugin} is not repeatable, so Javalin refuses a second one at
     * startup with {@code PluginAlreadyRegisteredException} ({@code CloakroomPluginTest} checks it).
     */
    @Override
    public RunningServer startRegisteredTwice(SessionOptions first, SessionOptions second, TestRoutes routes) {
        throw new UnsupportedOperationException("Javalin refuses a second CloakroomPlugin at startup");
    }

    private RunningServer start(String contextPath, SessionOptions options, TestRoutes routes) {
        Handler dispatch = ctx -> routes.handlerFor(ctx.path()).handle(new JavalinCall(ctx));
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.router.contextPath = contextPath;
            cfg.registerPlugin(new CloakroomPlugin(options));
            if (trustsForwarding) {
                cfg.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new ForwardedRequestCustomizer()));
            }
            for (HandlerType method : METHODS) {
                cfg.routes.addHttpHandler(method, "/", dispatch);
                cfg.routes.addHttpHandler(method, "/<path>", dispatch);
            }
        }).start("127.0.0.1", 0);
        return RunningServer.onLoopback(app.port(), app::stop);
    }

    /** A {@link TestCall} over a Javalin context. */
    private record JavalinCall(Context ctx) implements TestCall {

        @Override
        public String path() {
            return ctx.path();
        }

        @Override
        public String query(String name) {
            return ctx.queryParam(name);
        }

        @Override
        public String header(String name) {
            return ctx.header(name);
        }

        @Override
        public SessionContext sessions() {
            return Cloakroom.context(ctx);
        }

        @Override
        public void status(int code) {
            ctx.status(code);
        }

        @Override
        public void addHeader(String name, String value) {
            ctx.res().addHeader(name, value);
        }

        @Override
        public void body(String text) {
            ctx.contentType("text/plain; charset=utf-8");
            ctx.result(text);
        }
    }
}
