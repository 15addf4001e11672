package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionTransport;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SignedCookies;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header transport, for API clients: the signed id travels in {@code X-Session-Id} or in
 * {@code Authorization: Bearer}, never in a cookie. Tokens are {@code <id>.<signature>}.
 */
public abstract class HeaderTransportTests extends LifecycleTestBase {

    private static final String HEADER = "X-Session-Id";

    private SessionOptions.Builder named() {
        return options().transport(SessionTransport.header(HEADER));
    }

    private static String tokenIn(HttpResult response) {
        return response.header(HEADER).orElseThrow(() -> new AssertionError("expected a " + HEADER + " header but got "
                + response.headers() + " (status " + response.status() + ")"));
    }

    /** Creates a session holding user=ann and returns its token. */
    private static String login(HttpCaller http) {
        return tokenIn(http.get("/set?k=user&v=ann").send());
    }

    @Nested
    class WhenASessionIsCreated {

        @Test
        void returnsTheSignedIdInTheHeader() {
            HttpResult response = start(named(), LifecycleRoutes.standard()).get("/set?k=a&v=1").send();

            String token = tokenIn(response);
            assertThat(token).isEqualTo(SignedCookies.token(SignedCookies.idOfToken(token), SECRET));
            assertThat(stored(SignedCookies.idOfToken(token))).isPresent();
        }

        @Test
        void sendsNoCookie() {
            HttpResult response = start(named(), LifecycleRoutes.standard()).get("/set?k=a&v=1").send();

            assertThat(response.setCookies()).isEmpty();
        }

        @Test
        void forbidsCachingTheResponse() {
            HttpResult response = start(named(), LifecycleRoutes.standard()).get("/set?k=a&v=1").send();

            assertThat(response.header("Cache-Control")).contains("no-store");
        }

        @Test
        void sendsNoHeaderForASessionNothingWasPutIn() {
            HttpResult response = start(named(), LifecycleRoutes.standard()).get("/view").send();

            assertThat(response.header(HEADER)).isEmpty();
            assertThat(memory.ids()).isEmpty();
        }
    }

    @Nested
    class WhenTheClientSendsItsToken {

        @Test
        void loadsTheSession() {
            HttpCaller http = start(named(), LifecycleRoutes.standard());
            String token = login(http);

            assertThat(http.get("/get?k=user").header(HEADER, token).send().body()).isEqualTo("ann");
        }

        @Test
        void doesNotSendTheTokenAgain() {
            HttpCaller http = start(named(), LifecycleRoutes.standard());
            String token = login(http);

            HttpResult response = http.get("/set?k=user&v=bob").header(HEADER, token).send();

            assertThat(response.header(HEADER)).isEmpty();
            assertThat(http.get("/get?k=user").header(HEADER, token).send().body()).isEqualTo("bob");
        }

        @Test
        void ignoresASessionCookie() {
            HttpCaller http = start(named(), LifecycleRoutes.standard());
            String id = SignedCookies.idOfToken(login(http));

            HttpResult response = http.get("/get?k=user").cookie(NAME + "=" + SignedCookies.sign(id, SECRET)).send();

            assertThat(response.body()).isEqualTo("-");
        }
    }

    @Nested
    class WhenTheSessionIsRegenerated {

        @Test
        void returnsANewTokenAndTheOldOneIsDead() {
            HttpCaller http = start(named(), LifecycleRoutes.standard());
            String old = login(http);

            HttpResult response = http.get("/regenerate").header(HEADER, old).send();

            String renewed = tokenIn(response);
            assertThat(SignedCookies.idOfToken(renewed)).isNotEqualTo(SignedCookies.idOfToken(old));
            assertThat(response.header("Cache-Control")).contains("no-store");
            assertThat(stored(SignedCookies.idOfToken(old))).isEmpty();
            assertThat(http.get("/view").header(HEADER, renewed).send().body()).isEqualTo("loaded");
            assertThat(http.get("/view").header(HEADER, old).send().body()).isEqualTo("new");
        }
    }

    @Nested
    class WhenTheSessionIsDestroyed {

        @Test
        void sendsTheHeaderEmptySoTheClientForgetsIt() {
            HttpCaller http = start(named(), LifecycleRoutes.standard());
            String token = login(http);

            HttpResult response = http.get("/destroy").header(HEADER, token).send();

            assertThat(response.header(HEADER)).contains("");
            assertThat(response.header("Cache-Control")).contains("no-store");
            assertThat(http.get("/get?k=user").header(HEADER, token).send().body()).isEqualTo("-");
        }
    }

    @Nested
    class WhenTheTokenIsBad {

        @Test
        void aWrongSignatureStartsANewSessionWithoutAskingTheStore() {
            HttpCaller http = start(named(), LifecycleRoutes.standard());
            String id = SignedCookies.idOfToken(login(http));
            long gets = gets();

            HttpResult response = http.get("/view").header(HEADER, SignedCookies.token(id, "not the secret")).send();

            assertThat(response.body()).isEqualTo("new");
            assertThat(gets()).isEqualTo(gets);
        }

        @Test
        void anUnsignedIdStartsANewSessionWithoutAskingTheStore() {
            HttpCaller http = start(named(), LifecycleRoutes.standard());
            String id = SignedCookies.idOfToken(login(http));
            long gets = gets();

            assertThat(http.get("/view").header(HEADER, id).send().body()).isEqualTo("new");
            assertThat(gets()).isEqualTo(gets);
        }

        @Test
        void theCookieFormOfTheValueIsNotAToken() {
            HttpCaller http = start(named(), LifecycleRoutes.standard());
            String id = SignedCookies.idOfToken(login(http));
            long gets = gets();

            assertThat(http.get("/view").header(HEADER, "s:" + SignedCookies.token(id, SECRET)).send().body()).isEqualTo("new");
            assertThat(gets()).isEqualTo(gets);
        }

        @Test
        void twoDifferentTokensAreNoSession() {
            HttpCaller http = start(named(), LifecycleRoutes.standard());
            String first = login(http);
            String second = login(http);

            HttpResult response = http.get("/get?k=user").header(HEADER, first).header(HEADER, second).send();

            assertThat(response.body()).isEqualTo("-");
        }
    }

    @Nested
    class WhenSecretsRotate {

        private HttpCaller server(String... secrets) {
            return start(named().secrets(secrets), LifecycleRoutes.standard());
        }

        @Test
        void aTokenSignedWithAnOlderSecretIsAcceptedAndIssuedAgainWithTheFirst() {
            String old = login(server("old secret"));
            String id = SignedCookies.idOfToken(old);

            HttpResult response = server("new secret", "old secret").get("/get?k=user").header(HEADER, old).send();

            assertThat(response.body()).isEqualTo("ann");
            assertThat(response.header(HEADER)).contains(SignedCookies.token(id, "new secret"));
            assertThat(response.header("Cache-Control")).contains("no-store");
        }

        @Test
        void theReissuedTokenOutlivesTheOldSecret() {
            String old = login(server("old secret"));
            String reissued = tokenIn(server("new secret", "old secret").get("/get?k=user").header(HEADER, old).send());

            assertThat(server("new secret").get("/get?k=user").header(HEADER, reissued).send().body()).isEqualTo("ann");
        }

        @Test
        void aTokenSignedWithTheFirstSecretIsNotIssuedAgain() {
            HttpCaller http = server("new secret", "old secret");
            String token = login(http);

            assertThat(http.get("/get?k=user").header(HEADER, token).send().header(HEADER)).isEmpty();
        }
    }

    @Nested
    class WithBearerTokens {

        private HttpCaller bearer() {
            return start(options().transport(SessionTransport.bearer()), LifecycleRoutes.standard());
        }

        private static String issued(HttpResult response) {
            return response.header(SessionTransport.DEFAULT_BEARER_RESPONSE_HEADER).orElseThrow(() -> new AssertionError(
                    "expected a " + SessionTransport.DEFAULT_BEARER_RESPONSE_HEADER + " header but got " + response.headers()));
        }

        @Test
        void issuesARfc6750TokenWithoutTheCookiePrefix() {
            HttpResult response = bearer().get("/set?k=a&v=1").send();

            assertThat(issued(response)).matches("[A-Za-z0-9._~+/-]+=*");
            assertThat(response.setCookies()).isEmpty();
            assertThat(response.header("Cache-Control")).contains("no-store");
        }

        @Test
        void loadsTheSessionFromTheAuthorizationHeader() {
            HttpCaller http = bearer();
            String token = issued(http.get("/set?k=user&v=ann").send());

            assertThat(http.get("/get?k=user").header("Authorization", "Bearer " + token).send().body()).isEqualTo("ann");
        }

        @Test
        void readsTheSchemeInAnyCase() {
            HttpCaller http = bearer();
            String token = issued(http.get("/set?k=user&v=ann").send());

            assertThat(http.get("/get?k=user").header("Authorization", "bEARER " + token).send().body()).isEqualTo("ann");
        }

        @Test
        void anotherSchemeIsNoSessionAndTheStoreIsNotAsked() {
            HttpCaller http = bearer();
            String token = issued(http.get("/set?k=user&v=ann").send());
            long gets = gets();

            assertThat(http.get("/view").header("Authorization", "Basic " + token).send().body()).isEqualTo("new");
            assertThat(gets()).isEqualTo(gets);
        }
    }
}
