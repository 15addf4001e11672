package dev.cloakroom.demo;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

/**
 * Javalin routes a request by its {@code X-HTTP-Method-Override} header when there is one
 * ({@code Context.method()}), with no setting to turn that off: a {@code POST} carrying
 * {@code X-HTTP-Method-Override: PUT} reaches the {@code PUT} handler. The JSON API relies on
 * {@code PUT} and {@code DELETE} being methods another site cannot send without a CORS preflight, so
 * the demo refuses the header outright rather than let a {@code POST} stand in for them. (A page on
 * another site cannot set that header anyway, as it is no CORS-safelisted header; this makes the rule
 * not depend on that.)
 */
final class MethodOverride {

    static final String HEADER = "X-HTTP-Method-Override";

    private MethodOverride() {
    }

    static void refuse(Context ctx) {
        if (ctx.header(HEADER) != null) {
            throw new BadRequestResponse(HEADER + " is not accepted here; send the method itself");
        }
    }
}
