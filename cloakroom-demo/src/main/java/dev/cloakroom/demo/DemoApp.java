package dev.cloakroom.demo;

import dev.cloakroom.SessionOptions;
import dev.cloakroom.javalin.CloakroomPlugin;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** The Cloakroom demo: the Express tutorial's login app on Javalin. {@code --help} lists the options. */
public final class DemoApp {

    private static final Logger LOG = LoggerFactory.getLogger(DemoApp.class);
    private static final int MAX_REQUEST_SIZE = 64 * 1024;

    private DemoApp() {
    }

    /**
     * Starts the demo as the command line says. A bad command line or {@code --store} value prints
     * the usage and exits with status 2 ({@code --help}: the usage, status 0); a store that cannot
     * start exits with status 1.
     *
     * @param args the command line; {@code --help} lists the flags
     */
    public static void main(String[] args) {
        DemoConfig config;
        try {
            config = DemoArgs.parse(args, System.getenv());
        } catch (UsageException e) {
            if (e.isHelp()) {
                System.out.print(DemoArgs.USAGE);
                System.exit(0);
            }
            System.err.println("cloakroom-demo: " + e.getMessage());
            System.err.println();
            System.err.print(DemoArgs.USAGE);
            System.exit(2);
            return;
        }
        warnAboutDefaults(config);
        Javalin app;
        try {
            app = start(config, null);
        } catch (IllegalArgumentException e) {
            // The store parsed the --store value and found it malformed (an unparsable URI, say).
            System.err.println("cloakroom-demo: --store '" + config.store() + "': " + e.getMessage());
            System.err.println();
            System.err.print(DemoArgs.USAGE);
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("cloakroom-demo: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        LOG.info("Cloakroom demo listening on http://localhost:{}/", app.port());
    }

    /**
     * Builds the app, routes and session plugin included, without starting it. The store is opened
     * here and closed when the server stops.
     *
     * @param config the demo's settings
     * @return the app, not started
     * @throws IllegalArgumentException when the store finds {@link DemoConfig#store()} malformed
     */
    public static Javalin create(DemoConfig config) {
        return create(config, Clock.systemUTC());
    }

    /** {@link #create(DemoConfig)} with the clock the login throttle counts its windows by; tests move it. */
    static Javalin create(DemoConfig config, Clock clock) {
        DemoStores.OpenStore store = DemoStores.open(config.store(), config.memory());
        SessionOptions options = SessionOptions.builder()
                .secrets(config.secrets())
                .name(config.cookieName())
                .rolling(config.rolling())
                .proxy(config.trustProxy())
                .cookie(c -> c.maxAge(config.maxAge()).secure(config.cookieSecure()))
                .idleTimeout(config.idleTimeout())
                .absoluteTimeout(config.absoluteTimeout())
                .store(store.store())
                .build();
        Users users = new Users(config.users(), new PasswordHasher(config.passwordIterations()));
        LoginThrottle throttle = new LoginThrottle(LoginThrottle.Limits.DEFAULTS, clock);
        AccountRoutes accounts = new AccountRoutes(users, throttle, config.trustProxy());
        SessionsRoutes sessions = new SessionsRoutes(store.store());
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            // The largest legitimate body is a 1 KiB preference or a login form; refuse big ones early (413).
            cfg.http.maxRequestSize = MAX_REQUEST_SIZE;
            DemoJetty.harden(cfg.jetty, MAX_REQUEST_SIZE, DemoJetty.IDLE_TIMEOUT);
            cfg.registerPlugin(new CloakroomPlugin(options));
            cfg.events.serverStopped(store::close);
            cfg.routes.before(MethodOverride::refuse);
            cfg.routes.get("/", ctx -> ctx.html(Pages.home()));
            cfg.routes.get("/style.css", Stylesheet::serve);
            cfg.routes.get("/login", accounts::loginForm);
            cfg.routes.post("/login", Csrf.guard(accounts::login, accounts::loginRefused));
            cfg.routes.get("/dashboard", accounts::dashboard);
            cfg.routes.post("/prefs", Csrf.guard(accounts::setPref));
            cfg.routes.post("/prefs/remove", Csrf.guard(accounts::removePref));
            // The Express tutorial's GET logout stays, though any site can trigger it (SECURITY.md).
            cfg.routes.get("/logout", accounts::logout);
            cfg.routes.post("/logout", Csrf.guard(accounts::logout));
            cfg.routes.get("/sessions", sessions::list);
            cfg.routes.post("/sessions/revoke-others", Csrf.guard(sessions::revokeOthers));
            cfg.routes.get("/inspect", sessions::inspect);
            cfg.routes.get("/set-session", VisitRoutes::set);
            cfg.routes.get("/get-session", VisitRoutes::get);
            cfg.routes.get("/api/prefs", PrefsApi::list);
            cfg.routes.put("/api/prefs/{name}", PrefsApi::put);
            cfg.routes.delete("/api/prefs/{name}", PrefsApi::delete);
            cfg.routes.get("/health", ctx -> ctx.result("ok"));
        });
    }

    /**
     * Builds and starts the app on {@link DemoConfig#port()} (0 picks a free port; read it from
     * {@link Javalin#port()}), bound to {@code host}, or to every interface when {@code host} is null.
     *
     * @param config the demo's settings
     * @param host   the address to bind, or {@code null}
     * @return the running app
     */
    public static Javalin start(DemoConfig config, String host) {
        Javalin app = create(config);
        return host == null ? app.start(config.port()) : app.start(host, config.port());
    }

    private static void warnAboutDefaults(DemoConfig config) {
        if (config.secretGenerated()) {
            LOG.warn("No --secret and no {} given: using a random secret, so sessions will not survive a restart",
                    DemoArgs.SECRET_ENV);
        }
        if (config.defaultUsers()) {
            LOG.warn("No --user given: the only account is admin:secret, fit for trying the demo out and nothing else");
        }
    }
}
