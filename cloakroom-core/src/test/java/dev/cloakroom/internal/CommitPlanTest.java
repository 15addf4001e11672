package dev.cloakroom.internal;

import dev.cloakroom.internal.CommitPlan.Cookie;
import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.cloakroom.internal.CommitPlan.Cookie.NONE;
import static dev.cloakroom.internal.CommitPlan.Cookie.SEND;
import static dev.cloakroom.internal.CommitPlan.Cookie.WITHHELD;
import static dev.cloakroom.internal.CommitPlanTest.Step.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CommitPlan#decide}: express-session's save, touch and Set-Cookie rules one at a time, with
 * the session brought into each situation by the steps a request would take. Every test states the
 * whole plan: save or touch or neither, and what becomes of the cookie.
 */
@ExtendWith(NoSessionIdInLogs.class)
class CommitPlanTest {

    @Nested
    class WhenANewSessionIsUntouched {

        @Test
        void withSaveUninitializedOffItIsNeitherSavedNorSent() {
            assertThat(newSession()).isEqualTo(neither(NONE));
        }

        @Test
        void withSaveUninitializedOnItIsSavedAndSent() {
            assertThat(newSession(SAVE_UNINITIALIZED)).isEqualTo(save(SEND));
        }

        @Test
        void rollingDoesNotSendItWhileSaveUninitializedIsOff() {
            assertThat(newSession(ROLLING, MAX_AGE)).isEqualTo(neither(NONE));
        }
    }

    @Nested
    class WhenANewSessionIsModified {

        @Test
        void itIsSavedAndSentWithSaveUninitializedOff() {
            assertThat(newSession(SET_ATTRIBUTE)).isEqualTo(save(SEND));
        }

        @Test
        void aHandlersSaveIsNotRepeatedButTheCookieIsStillSent() {
            assertThat(newSession(SET_ATTRIBUTE, HANDLER_SAVES)).isEqualTo(neither(SEND));
        }

        @Test
        void aChangeAfterTheHandlersSaveIsSaved() {
            assertThat(newSession(SET_ATTRIBUTE, HANDLER_SAVES, SET_ATTRIBUTE)).isEqualTo(save(SEND));
        }

        @Test
        void aHandlersSaveOfAnEmptySessionSendsNoCookieWithSaveUninitializedOff() {
            assertThat(newSession(HANDLER_SAVES)).isEqualTo(neither(NONE));
        }
    }

    @Nested
    class WhenALoadedSessionIsUnchanged {

        @Test
        void withResaveOffItIsOnlyTouched() {
            assertThat(loadedSession(MAX_AGE)).isEqualTo(touch(NONE));
        }

        @Test
        void itIsNotTouchedWhenTheExpiryNeedNotMove() {
            assertThat(loadedSession(EXPIRY_NEED_NOT_MOVE)).isEqualTo(neither(NONE));
        }

        @Test
        void withResaveOnItIsSavedInsteadOfTouched() {
            assertThat(loadedSession(RESAVE)).isEqualTo(save(NONE));
        }

        @Test
        void withResaveOnAHandlersSaveIsNotRepeated() {
            assertThat(loadedSession(RESAVE, HANDLER_SAVES, EXPIRY_NEED_NOT_MOVE)).isEqualTo(neither(NONE));
        }

        @Test
        void withRollingTheCookieIsSentAndTheExpiryTouched() {
            assertThat(loadedSession(ROLLING)).isEqualTo(touch(SEND));
        }
    }

    @Nested
    class WhenALoadedSessionChanges {

        @Test
        void aCookieWithAnExpiryIsSavedAndSentAgain() {
            assertThat(loadedSession(MAX_AGE, SET_ATTRIBUTE)).isEqualTo(save(SEND));
        }

        @Test
        void aBrowserSessionCookieIsSavedButNotSentAgain() {
            assertThat(loadedSession(SET_ATTRIBUTE)).isEqualTo(save(NONE));
        }

        @Test
        void aChangeToTheCookieItselfIsSavedAndSentEvenWithoutAnExpiry() {
            assertThat(loadedSession(CHANGE_COOKIE)).isEqualTo(save(SEND));
        }
    }

    @Nested
    class WhenTheSessionWasRegenerated {

        @Test
        void theNewIdIsSavedAndSentThoughNothingElseChanged() {
            assertThat(loadedSession(REGENERATE)).isEqualTo(save(SEND));
        }

        @Test
        void aHandlersSaveOfTheNewIdIsFollowedByAnotherAsInExpress() {
            // express's isSaved also asks that the id be the one the session arrived with.
            assertThat(loadedSession(REGENERATE, HANDLER_SAVES)).isEqualTo(save(SEND));
        }
    }

    @Nested
    class WhenTheCookieIsSecureButTheRequestIsNot {

        @Test
        void aCookieTheRulesCallForIsWithheldAndTheSaveStillHappens() {
            assertThat(newSession(SET_ATTRIBUTE, SECURE_COOKIE_ON_PLAIN_HTTP)).isEqualTo(save(WITHHELD));
        }

        @Test
        void noCookieCalledForIsNoCookieWithheld() {
            assertThat(loadedSession(SECURE_COOKIE_ON_PLAIN_HTTP)).isEqualTo(touch(NONE));
        }
    }

    @Nested
    class WhenAnEarlierCommitSentThisId {

        @Test
        void theCookieIsNotSentTwice() {
            assertThat(newSession(SET_ATTRIBUTE, SENT_BY_EARLIER_COMMIT)).isEqualTo(save(NONE));
        }
    }

    @Nested
    class WithAHeaderToken {

        @Test
        void aModifiedNewSessionIsIssuedAToken() {
            assertThat(newSession(HEADER_TOKEN, SET_ATTRIBUTE)).isEqualTo(save(SEND));
        }

        @Test
        void aLoadedSessionIsNotIssuedOneAgainByRollingOrACookieChange() {
            assertThat(loadedSession(HEADER_TOKEN, MAX_AGE, ROLLING, CHANGE_COOKIE)).isEqualTo(save(NONE));
        }

        @Test
        void aTokenSignedWithAnOlderSecretIsIssuedAgain() {
            assertThat(loadedSession(HEADER_TOKEN, TOKEN_SIGNED_WITH_OLDER_SECRET)).isEqualTo(touch(SEND));
        }

        @Test
        void theSecureCookieRuleDoesNotApply() {
            assertThat(newSession(HEADER_TOKEN, SET_ATTRIBUTE, SECURE_COOKIE_ON_PLAIN_HTTP)).isEqualTo(save(SEND));
        }
    }

    private static CommitPlan save(Cookie cookie) {
        return new CommitPlan(true, false, cookie);
    }

    private static CommitPlan touch(Cookie cookie) {
        return new CommitPlan(false, true, cookie);
    }

    private static CommitPlan neither(Cookie cookie) {
        return new CommitPlan(false, false, cookie);
    }

    /** A session's steps through one request, in order, each keeping the facts consistent. */
    enum Step {
        RESAVE, SAVE_UNINITIALIZED, ROLLING, MAX_AGE, SET_ATTRIBUTE, CHANGE_COOKIE, REGENERATE, HANDLER_SAVES,
        EXPIRY_NEED_NOT_MOVE, HEADER_TOKEN, TOKEN_SIGNED_WITH_OLDER_SECRET, SECURE_COOKIE_ON_PLAIN_HTTP,
        SENT_BY_EARLIER_COMMIT
    }

    /** A session created for a request whose cookie named none the store has, or that had no cookie. */
    private static CommitPlan newSession(Step... steps) {
        return new Given(false).plan(steps);
    }

    /** A session loaded by the id the request's cookie named; with resave off what arrived counts as stored. */
    private static CommitPlan loadedSession(Step... steps) {
        return new Given(true).plan(steps);
    }

    private static final class Given {
        private boolean saveUninitialized;
        private boolean rolling;
        private boolean fromCookie;
        private boolean idChanged;
        private boolean valuesChanged;
        private boolean cookieChanged;
        private boolean nothingSaved;
        private boolean matchesSaved;
        private boolean cookieExpires;
        private boolean touchDue;
        private boolean token;
        private boolean tokenNeedsResigning;
        private boolean secureOnPlainHttp;
        private boolean alreadySent;

        Given(boolean loaded) {
            fromCookie = loaded;
            matchesSaved = loaded;
            touchDue = loaded;
            nothingSaved = !loaded;
        }

        CommitPlan plan(Step... steps) {
            for (Step step : steps) {
                take(step);
            }
            return CommitPlan.decide(new CommitPlan.Rules(saveUninitialized, rolling),
                    new CommitPlan.Facts(fromCookie, idChanged, valuesChanged, cookieChanged, nothingSaved,
                            matchesSaved, cookieExpires, touchDue),
                    new CommitPlan.Delivery(token, tokenNeedsResigning, secureOnPlainHttp, alreadySent));
        }

        private void take(Step step) {
            switch (step) {
                case RESAVE -> {
                    nothingSaved = true;
                    matchesSaved = false;
                }
                case SAVE_UNINITIALIZED -> saveUninitialized = true;
                case ROLLING -> rolling = true;
                case MAX_AGE -> cookieExpires = true;
                case SET_ATTRIBUTE -> {
                    valuesChanged = true;
                    matchesSaved = false;
                }
                case CHANGE_COOKIE -> {
                    cookieChanged = true;
                    matchesSaved = false;
                }
                case REGENERATE -> {
                    idChanged = true;
                    fromCookie = false;
                }
                case HANDLER_SAVES -> {
                    // Session.save(): what the session now holds is stored.
                    nothingSaved = false;
                    matchesSaved = true;
                }
                case EXPIRY_NEED_NOT_MOVE -> touchDue = false;
                case HEADER_TOKEN -> token = true;
                case TOKEN_SIGNED_WITH_OLDER_SECRET -> tokenNeedsResigning = true;
                case SECURE_COOKIE_ON_PLAIN_HTTP -> secureOnPlainHttp = true;
                case SENT_BY_EARLIER_COMMIT -> alreadySent = true;
                default -> throw new AssertionError(step);
            }
        }
    }
}
