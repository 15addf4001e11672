package dev.cloakroom.internal;

import dev.cloakroom.internal.CommitPlan.Cookie;
import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CommitPlan#decide}: express-session's save, touch and Set-Cookie rules one at a time, with
 * the session brought into each situation the way a request would bring it there.
 */
@ExtendWith(NoSessionIdInLogs.class)
class CommitPlanTest {

    @Nested
    class WhenANewSessionIsUntouched {

        @Test
        void withSaveUninitializedOffItIsNeitherSavedNorSentNorTouched() {
            CommitPlan plan = Given.newSession().plan();
            assertThat(plan.save()).isFalse();
            assertThat(plan.touch()).isFalse();
            assertThat(plan.cookie()).isEqualTo(Cookie.NONE);
        }

        @Test
        void withSaveUninitializedOnItIsSavedAndSent() {
            CommitPlan plan = Given.newSession().saveUninitialized().plan();
            assertThat(plan.save()).isTrue();
            assertThat(plan.cookie()).isEqualTo(Cookie.SEND);
        }

        @Test
        void rollingDoesNotSendItWhileSaveUninitializedIsOff() {
            CommitPlan plan = Given.newSession().rolling().maxAge().plan();
            assertThat(plan.save()).isFalse();
            assertThat(plan.cookie()).isEqualTo(Cookie.NONE);
        }
    }

    @Nested
    class WhenANewSessionIsModified {

        @Test
        void itIsSavedAndSentWithSaveUninitializedOff() {
            CommitPlan plan = Given.newSession().setAttribute().plan();
            assertThat(plan.save()).isTrue();
            assertThat(plan.touch()).isFalse();
            assertThat(plan.cookie()).isEqualTo(Cookie.SEND);
        }

        @Test
        void aHandlersSaveIsNotRepeatedButTheCookieIsStillSent() {
            CommitPlan plan = Given.newSession().setAttribute().savedByHandler().plan();
            assertThat(plan.save()).isFalse();
            assertThat(plan.cookie()).isEqualTo(Cookie.SEND);
        }

        @Test
        void aChangeAfterTheHandlersSaveIsSaved() {
            CommitPlan plan = Given.newSession().setAttribute().savedByHandler().setAttribute().plan();
            assertThat(plan.save()).isTrue();
        }

        @Test
        void aHandlersSaveOfAnEmptySessionSendsNoCookieWithSaveUninitializedOff() {
            CommitPlan plan = Given.newSession().savedByHandler().plan();
            assertThat(plan.save()).isFalse();
            assertThat(plan.cookie()).isEqualTo(Cookie.NONE);
        }
    }

    @Nested
    class WhenALoadedSessionIsUnchanged {

        @Test
        void withResaveOffItIsOnlyTouchedAndNoCookieIsSent() {
            CommitPlan plan = Given.loadedSession().maxAge().plan();
            assertThat(plan.save()).isFalse();
            assertThat(plan.touch()).isTrue();
            assertThat(plan.cookie()).isEqualTo(Cookie.NONE);
        }

        @Test
        void itIsNotTouchedWhenTheExpiryNeedNotMove() {
            CommitPlan plan = Given.loadedSession().touchNotDue().plan();
            assertThat(plan.save()).isFalse();
            assertThat(plan.touch()).isFalse();
        }

        @Test
        void withResaveOnItIsSavedInsteadOfTouched() {
            CommitPlan plan = Given.loadedSession().resave().plan();
            assertThat(plan.save()).isTrue();
            assertThat(plan.touch()).isFalse();
            assertThat(plan.cookie()).isEqualTo(Cookie.NONE);
        }

        @Test
        void withResaveOnAHandlersSaveIsNotRepeated() {
            assertThat(Given.loadedSession().resave().savedByHandler().plan().save()).isFalse();
        }

        @Test
        void withRollingTheCookieIsSentWithoutASave() {
            CommitPlan plan = Given.loadedSession().rolling().plan();
            assertThat(plan.save()).isFalse();
            assertThat(plan.cookie()).isEqualTo(Cookie.SEND);
        }
    }

    @Nested
    class WhenALoadedSessionChanges {

        @Test
        void itIsSavedNotTouched() {
            CommitPlan plan = Given.loadedSession().setAttribute().plan();
            assertThat(plan.save()).isTrue();
            assertThat(plan.touch()).isFalse();
        }

        @Test
        void aCookieWithAnExpiryIsSentAgain() {
            assertThat(Given.loadedSession().maxAge().setAttribute().plan().cookie()).isEqualTo(Cookie.SEND);
        }

        @Test
        void aBrowserSessionCookieIsNotSentAgain() {
            assertThat(Given.loadedSession().setAttribute().plan().cookie()).isEqualTo(Cookie.NONE);
        }

        @Test
        void aChangeToTheCookieItselfIsSavedAndSentEvenWithoutAnExpiry() {
            CommitPlan plan = Given.loadedSession().changeCookie().plan();
            assertThat(plan.save()).isTrue();
            assertThat(plan.cookie()).isEqualTo(Cookie.SEND);
        }
    }

    @Nested
    class WhenTheSessionWasRegenerated {

        @Test
        void theNewIdIsSavedAndSentThoughNothingElseChanged() {
            CommitPlan plan = Given.loadedSession().regenerate().plan();
            assertThat(plan.save()).isTrue();
            assertThat(plan.touch()).isFalse();
            assertThat(plan.cookie()).isEqualTo(Cookie.SEND);
        }

        @Test
        void aHandlersSaveOfTheNewIdIsFollowedByAnotherAsInExpress() {
            // express's isSaved also asks that the id be the one the session arrived with.
            CommitPlan plan = Given.loadedSession().regenerate().savedByHandler().plan();
            assertThat(plan.save()).isTrue();
        }
    }

    @Nested
    class WhenTheCookieIsSecureButTheRequestIsNot {

        @Test
        void aCookieTheRulesCallForIsWithheldAndTheSaveStillHappens() {
            CommitPlan plan = Given.newSession().setAttribute().plainHttpWithSecureCookie().plan();
            assertThat(plan.save()).isTrue();
            assertThat(plan.cookie()).isEqualTo(Cookie.WITHHELD);
        }

        @Test
        void noCookieCalledForIsNoCookieWithheld() {
            CommitPlan plan = Given.loadedSession().plainHttpWithSecureCookie().plan();
            assertThat(plan.cookie()).isEqualTo(Cookie.NONE);
        }
    }

    @Nested
    class WhenAnEarlierCommitSentThisId {

        @Test
        void theCookieIsNotSentTwice() {
            CommitPlan plan = Given.newSession().setAttribute().cookieAlreadySent().plan();
            assertThat(plan.save()).isTrue();
            assertThat(plan.cookie()).isEqualTo(Cookie.NONE);
        }
    }

    @Nested
    class WithAHeaderToken {

        @Test
        void aModifiedNewSessionIsIssuedAToken() {
            assertThat(Given.newSession().setAttribute().overToken().plan().cookie()).isEqualTo(Cookie.SEND);
        }

        @Test
        void aLoadedSessionIsNotIssuedOneAgainByRollingOrACookieChange() {
            CommitPlan plan = Given.loadedSession().maxAge().rolling().changeCookie().overToken().plan();
            assertThat(plan.save()).isTrue();
            assertThat(plan.cookie()).isEqualTo(Cookie.NONE);
        }

        @Test
        void aTokenSignedWithAnOlderSecretIsIssuedAgain() {
            assertThat(Given.loadedSession().overToken().tokenSignedWithOlderSecret().plan().cookie())
                    .isEqualTo(Cookie.SEND);
        }

        @Test
        void theSecureCookieRuleDoesNotApply() {
            assertThat(Given.newSession().setAttribute().overToken().plainHttpWithSecureCookie().plan().cookie())
                    .isEqualTo(Cookie.SEND);
        }
    }

    /** One commit's situation, reached by the steps a request takes; each step keeps the facts consistent. */
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

        /** A session created for a request whose cookie named none the store has (or that had no cookie). */
        static Given newSession() {
            Given g = new Given();
            g.nothingSaved = true;
            return g;
        }

        /** A session loaded by the id the request's cookie named, with resave off: what arrived counts as stored. */
        static Given loadedSession() {
            Given g = new Given();
            g.fromCookie = true;
            g.matchesSaved = true;
            g.touchDue = true;
            return g;
        }

        Given resave() {
            nothingSaved = true;
            matchesSaved = false;
            return this;
        }

        Given saveUninitialized() {
            saveUninitialized = true;
            return this;
        }

        Given rolling() {
            rolling = true;
            return this;
        }

        Given maxAge() {
            cookieExpires = true;
            return this;
        }

        Given setAttribute() {
            valuesChanged = true;
            matchesSaved = false;
            return this;
        }

        Given changeCookie() {
            cookieChanged = true;
            matchesSaved = false;
            return this;
        }

        Given regenerate() {
            idChanged = true;
            fromCookie = false;
            return this;
        }

        /** {@code Session.save()}: what the session now holds is stored. */
        Given savedByHandler() {
            nothingSaved = false;
            matchesSaved = true;
            return this;
        }

        Given touchNotDue() {
            touchDue = false;
            return this;
        }

        Given overToken() {
            token = true;
            return this;
        }

        Given tokenSignedWithOlderSecret() {
            tokenNeedsResigning = true;
            return this;
        }

        Given plainHttpWithSecureCookie() {
            secureOnPlainHttp = true;
            return this;
        }

        Given cookieAlreadySent() {
            alreadySent = true;
            return this;
        }

        CommitPlan plan() {
            return CommitPlan.decide(new CommitPlan.Rules(saveUninitialized, rolling),
                    new CommitPlan.Facts(fromCookie, idChanged, valuesChanged, cookieChanged, nothingSaved,
                            matchesSaved, cookieExpires, touchDue),
                    new CommitPlan.Delivery(token, tokenNeedsResigning, secureOnPlainHttp, alreadySent));
        }
    }
}
