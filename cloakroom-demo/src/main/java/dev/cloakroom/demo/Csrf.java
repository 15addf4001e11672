package dev.cloakroom.demo;

import dev.cloakroom.CsrfTokens;
import dev.cloakroom.Session;
import dev.cloakroom.javalin.Cloakroom;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The demo's use of {@link CsrfTokens}: every form that changes state carries the session's token
 * in a hidden field, and its {@code POST} route runs only when the field matches. The JSON API
 * needs none (SECURITY.md says why).
 */
final class Csrf {

    private Csrf() {
    }

    /** {@return the hidden field carrying {@code session}'s token, made first if the session has none} */
    static String field(Session session) {
        return "<input type=\"hidden\" name=\"" + CsrfTokens.FIELD + "\" value=\""
                + Html.escape(CsrfTokens.token(session)) + "\">";
    }

    /** {@return {@code handler}, run only for a request whose form carries its session's token; others get 403} */
    static Handler guard(Handler handler) {
        return guard(handler, ctx -> ctx.status(403).html(Pages.forbidden()));
    }

    /** {@return {@code handler}, run only for a request whose form carries its session's token; {@code refused} answers the others} */
    static Handler guard(Handler handler, Handler refused) {
        return ctx -> {
            if (valid(ctx)) {
                handler.handle(ctx);
            } else {
                refused.handle(ctx);
            }
        };
    }

    /** A request without a session has no token to match, so it is refused too. */
    private static boolean valid(Context ctx) {
        String presented = ctx.formParam(CsrfTokens.FIELD);
        return Cloakroom.existing(ctx).map(s -> CsrfTokens.verify(s, presented)).orElse(false);
    }
}
