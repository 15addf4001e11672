package dev.cloakroom.internal;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every line of the shared vector file (copied to test resources) against our signer,
 * encoder and cookie reader, so a cookie written by express-session and one written by us are
 * the same bytes.
 */
@ExtendWith(NoSessionIdInLogs.class)
class CookieSignatureVectorsTest {

    private static final String RESOURCE = "/vectors/cookie-signature.txt";

    /** One vector line. {@code plain} lines are bare cookie-signature output: no {@code s:}, not URL-encoded. */
    record Vector(String secret, String value, String expected, boolean plain) {
        @Override
        public String toString() {
            return (plain ? "plain " : "cookie ") + secret + " / " + value;
        }
    }

    static byte[] resourceBytes() throws IOException {
        try (InputStream in = CookieSignatureVectorsTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("test resource %s", RESOURCE).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Lines after a comment starting with "# plain" are plain cookie-signature vectors. */
    static List<Vector> vectors() throws IOException {
        List<Vector> vectors = new ArrayList<>();
        boolean plain = false;
        for (String line : new String(resourceBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                plain = line.toLowerCase(Locale.ROOT).startsWith("# plain");
                continue;
            }
            String[] cols = line.split("\t", -1);
            assertThat(cols).as("vector line %s", line).hasSize(3);
            vectors.add(new Vector(cols[0], cols[1], cols[2], plain));
        }
        return vectors;
    }

    static List<Vector> cookieVectors() throws IOException {
        return vectors().stream().filter(v -> !v.plain()).toList();
    }

    static List<Vector> plainVectors() throws IOException {
        return vectors().stream().filter(Vector::plain).toList();
    }

    @Test
    void theFileHoldsBothKindsOfVector() throws IOException {
        assertThat(cookieVectors()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(plainVectors()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cookieVectors")
    void signingTheIdGivesTheExpressCookieValue(Vector v) {
        CookieSigner signer = CookieSigner.ofStrings(List.of(v.secret()));
        assertThat(UriComponent.encode("s:" + signer.sign(v.value()))).isEqualTo(v.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cookieVectors")
    void theCookieReaderReadsTheExpressCookieBackToTheId(Vector v) {
        SessionCookieReader reader = new SessionCookieReader("connect.sid", CookieSigner.ofStrings(List.of(v.secret())));
        assertThat(reader.read(List.of("connect.sid=" + v.expected()))).contains(v.value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainVectors")
    void plainSigningMatchesCookieSignature(Vector v) {
        assertThat(CookieSigner.ofStrings(List.of(v.secret())).sign(v.value())).isEqualTo(v.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainVectors")
    void plainUnsigningReturnsTheValue(Vector v) {
        assertThat(CookieSigner.ofStrings(List.of(v.secret())).unsign(v.expected())).contains(v.value());
    }

    @Nested
    class WhenTheSharedVectorFileIsBesideTheRepository {

        @Test
        void theCopyInTestResourcesIsIdentical() throws IOException {
            Path root = repositoryRoot();
            Assumptions.assumeTrue(root != null, "repository root not found from the working directory");
            Path shared = root.resolve("../shared/vectors/cookie-signature.txt").normalize();
            Assumptions.assumeTrue(Files.isRegularFile(shared), "no shared vector file at " + shared);
            assertThat(resourceBytes())
                    .as("src/test/resources%s must equal %s", RESOURCE, shared)
                    .isEqualTo(Files.readAllBytes(shared));
        }

        /** The nearest directory, from the working directory up, holding both pom.xml and cloakroom-core. */
        private Path repositoryRoot() {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("cloakroom-core"))) {
                    return dir;
                }
            }
            return null;
        }
    }
}
