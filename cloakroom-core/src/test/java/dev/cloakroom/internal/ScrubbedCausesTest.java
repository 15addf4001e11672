package dev.cloakroom.internal;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NoSessionIdInLogs.class)
class ScrubbedCausesTest {

    private static final String ID = "Xk3fH2v9QmLw0pZs7RtYbNc4AeUjGdKo";

    @Test
    void replacesTheIdWithItsFingerprintInEveryMessageOfTheChain() {
        Throwable failure = new IllegalStateException("write of " + ID + " failed",
                new RuntimeException("server said: no key sess:" + ID));

        assertThat(ScrubbedCauses.of(failure, ID))
                .isEqualTo("IllegalStateException: write of " + SessionIds.fingerprint(ID) + " failed"
                        + " <- RuntimeException: server said: no key sess:" + SessionIds.fingerprint(ID));
    }

    @Test
    void keepsWhatTheOperatorNeedsSuchAsAMissingTable() {
        Throwable failure = new RuntimeException(new SQLException("Table \"SESSIONS\" not found", "42S02"));

        assertThat(ScrubbedCauses.of(failure, ID)).contains("SQLException: Table \"SESSIONS\" not found");
    }

    @Test
    void staysOnOneBoundedLine() {
        String text = ScrubbedCauses.of(new RuntimeException("first\r\nsecond " + "x".repeat(2000)), ID);

        assertThat(text).doesNotContain("\n").startsWith("RuntimeException: first second ").hasSize(1003);
    }

    @Test
    void namesEachExceptionOfACyclicChainOnce() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(ScrubbedCauses.of(a, ID)).isEqualTo("RuntimeException: a <- RuntimeException: b");
    }
}
