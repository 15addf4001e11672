package dev.cloakroom.internal;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The signer's memory of values it verified: what it answers without an HMAC, and what it never does. */
@ExtendWith(NoSessionIdInLogs.class)
class CookieSignerTest {

    private final CookieSigner signer = CookieSigner.ofStrings(List.of("keyboard cat"));

    /** {@code signed} with its signature's last character changed, so the length stays. */
    private static String forged(String signed) {
        char last = signed.charAt(signed.length() - 1);
        return signed.substring(0, signed.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    @Test
    void aValueVerifiedAgainIsAnsweredFromMemory() {
        String signed = signer.sign("apple");
        Optional<CookieSigner.Verified> first = signer.verify(signed);
        Optional<CookieSigner.Verified> again = signer.verify(new String(signed.toCharArray()));

        assertThat(first).contains(new CookieSigner.Verified("apple", 0));
        assertThat(again).as("the remembered answer, not a new one").isSameAs(first);
    }

    @Test
    void aForgedSignatureOfARememberedValueIsRefused() {
        String signed = signer.sign("apple");
        assertThat(signer.verify(signed)).isPresent();

        assertThat(signer.verify(forged(signed))).isEmpty();
        assertThat(signer.verify("apple.")).isEmpty();
        assertThat(signer.verify(signed + "A")).isEmpty();
        assertThat(signer.verify(signed)).as("the good one is still known").contains(new CookieSigner.Verified("apple", 0));
    }

    @Test
    void aRefusedValueIsNotRemembered() {
        String forged = forged(signer.sign("apple"));
        assertThat(signer.verify(forged)).isEmpty();
        assertThat(signer.verify(forged)).isEmpty();
    }

    @Test
    void valuesSharingASlotEachVerifyAsThemselves() {
        String a = signer.sign("first");
        String b = null;
        for (int i = 0; b == null; i++) {
            String candidate = signer.sign("other-" + i);
            if (CookieSigner.slotOf(candidate) == CookieSigner.slotOf(a)) {
                b = candidate;
            }
        }
        assertThat(signer.verify(a)).contains(new CookieSigner.Verified("first", 0));
        assertThat(signer.verify(forged(b))).isEmpty();
        assertThat(signer.verify(b)).map(CookieSigner.Verified::value).hasValueSatisfying(v -> assertThat(v).startsWith("other-"));
        assertThat(signer.verify(forged(a))).isEmpty();
        assertThat(signer.verify(a)).contains(new CookieSigner.Verified("first", 0));
    }

    @Test
    void aValueSignedWithAnOlderSecretIsRememberedWithThatSecretsPosition() {
        CookieSigner rotated = CookieSigner.ofStrings(List.of("new secret", "keyboard cat"));
        String old = signer.sign("apple");

        assertThat(rotated.verify(old)).contains(new CookieSigner.Verified("apple", 1));
        assertThat(rotated.verify(old)).contains(new CookieSigner.Verified("apple", 1));
        assertThat(CookieSigner.ofStrings(List.of("new secret")).verify(old))
                .as("another signer remembers nothing of this one's").isEmpty();
    }

    @Test
    void aLongValueIsVerifiedEveryTime() {
        String signed = signer.sign("x".repeat(CookieSigner.REMEMBERED_MAX_LENGTH));
        Optional<CookieSigner.Verified> first = signer.verify(signed);

        assertThat(first).isPresent();
        assertThat(signer.verify(signed)).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void threadsVerifyingManyValuesAtOnceGetOnlyRightAnswers() throws Exception {
        int values = CookieSigner.REMEMBERED * 2;
        List<String> good = new ArrayList<>();
        for (int i = 0; i < values; i++) {
            good.add(signer.sign("id-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                wrong.add(pool.submit(() -> {
                    int errors = 0;
                    for (int n = 0; n < 50_000; n++) {
                        int i = (n * 31 + seed * 7919) % values;
                        String signed = good.get(i);
                        boolean forge = (n + seed) % 3 == 0;
                        Optional<CookieSigner.Verified> got = signer.verify(forge ? forged(signed) : signed);
                        if (forge ? got.isPresent() : !got.equals(Optional.of(new CookieSigner.Verified("id-" + i, 0)))) {
                            errors++;
                        }
                    }
                    return errors;
                }));
            }
            for (Future<Integer> w : wrong) {
                assertThat(w.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
