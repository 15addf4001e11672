package dev.cloakroom.internal;

/**
 * What a commit does, by express-session's rules ({@code shouldSave}, {@code shouldTouch},
 * {@code shouldSetCookie}), as a function of named facts. Cloakroom differs in two ways: a change
 * to a stored session's cookie (a new max age for "remember me", an attribute) is a modification,
 * saved and sent, where express leaves the cookie out of its hash and would only touch the store;
 * and a header token, which has no expiry or attributes to refresh, is sent only when the client
 * lacks it or holds one signed with a secret being rotated out.
 *
 * @param save   write the session to the store
 * @param touch  only move the stored expiry: the document is unchanged
 * @param cookie what becomes of the cookie (or token) in this response
 */
record CommitPlan(boolean save, boolean touch, Cookie cookie) {

    /** What becomes of the session cookie (or token) in this response. */
    enum Cookie {
        /** Sent. */
        SEND,
        /** Not sent: the rules do not call for it, or an earlier commit sent it for this id. */
        NONE,
        /** Called for, but a {@code Secure} cookie on a request that is not secure: never sent, and worth a warning. */
        WITHHELD
    }

    /**
     * The options the decision reads. {@code resave} is not one: it decides whether a load counts as
     * saved ({@link Saved#atLoad}), which {@link Facts#nothingSaved()} and {@link Facts#matchesSaved()} carry.
     */
    record Rules(boolean saveUninitialized, boolean rolling) {
    }

    /**
     * The session at commit.
     *
     * @param fromCookie    the request's cookie (or token) named this id: express's {@code cookieId === req.sessionID}
     * @param idChanged     regenerated since it arrived: express's {@code originalId !== sess.id}
     * @param valuesChanged its attributes differ from those it arrived with: express's {@code originalHash !== hash(sess)}
     * @param cookieChanged a stored session's cookie attributes differ from those it arrived with
     * @param nothingSaved  no save or load counts as stored ({@link Saved#OWED}): express's {@code !savedHash}
     * @param matchesSaved  its attributes and cookie are what the last save or load left in the store
     * @param cookieExpires the cookie has an expiry, so is not a browser-session cookie
     * @param touchDue      the stored expiry should move ({@link TouchPlan}) and no earlier commit moved it
     */
    record Facts(boolean fromCookie, boolean idChanged, boolean valuesChanged, boolean cookieChanged,
                 boolean nothingSaved, boolean matchesSaved, boolean cookieExpires, boolean touchDue) {

        /** express's {@code isModified}, with the cookie counted. */
        boolean modified() {
            return idChanged || valuesChanged || cookieChanged;
        }

        /** express's {@code isSaved}. */
        boolean saved() {
            return !idChanged && matchesSaved;
        }
    }

    /**
     * How the id reaches the client.
     *
     * @param token               a header token, not a cookie
     * @param tokenNeedsResigning the client's token was signed with a secret other than the first
     * @param secureOnPlainHttp   the cookie is {@code Secure} and the request is not secure (a token has no such rule)
     * @param alreadySent         an earlier commit of this request sent this id
     */
    record Delivery(boolean token, boolean tokenNeedsResigning, boolean secureOnPlainHttp, boolean alreadySent) {
    }

    static CommitPlan decide(Rules rules, Facts session, Delivery delivery) {
        boolean save = !rules.saveUninitialized() && session.nothingSaved() && !session.fromCookie()
                ? session.modified()
                : !session.saved();
        boolean touch = !save && session.fromCookie() && session.touchDue();
        return new CommitPlan(save, touch, cookie(rules, session, delivery));
    }

    private static Cookie cookie(Rules rules, Facts session, Delivery delivery) {
        boolean wanted;
        if (!session.fromCookie()) {
            wanted = rules.saveUninitialized() || session.modified();
        } else if (delivery.token()) {
            wanted = delivery.tokenNeedsResigning();
        } else {
            wanted = rules.rolling() || session.cookieChanged() || session.cookieExpires() && session.modified();
        }
        if (!wanted) {
            return Cookie.NONE;
        }
        if (!delivery.token() && delivery.secureOnPlainHttp()) {
            return Cookie.WITHHELD;
        }
        return delivery.alreadySent() ? Cookie.NONE : Cookie.SEND;
    }
}
