package dev.cloakroom.demo;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UsersTest {

    private final PasswordHasher hasher = new PasswordHasher(DemoServer.TEST_ITERATIONS);
    private final Users users = new Users(List.of(
            new DemoConfig.Credential("admin", "secret"),
            new DemoConfig.Credential("bob", "pw")), hasher);

    @Nested
    class WhenThePasswordIsRight {

        @Test
        void givesTheAdminTheAdminRole() {
            assertThat(users.check("admin", "secret")).contains(new User("admin", "admin"));
        }

        @Test
        void givesEveryOtherUserTheUserRole() {
            assertThat(users.check("bob", "pw")).contains(new User("bob", "user"));
        }
    }

    @Nested
    class WhenThePasswordIsWrong {

        @Test
        void refusesIt() {
            assertThat(users.check("bob", "PW")).isEmpty();
            assertThat(users.check("bob", "")).isEmpty();
            assertThat(users.check("bob", null)).isEmpty();
        }

        @Test
        void refusesAnotherUsersPassword() {
            assertThat(users.check("bob", "secret")).isEmpty();
        }
    }

    @Nested
    class WhenTheUserIsUnknown {

        @Test
        void refusesEvenTheDecoyPassword() {
            assertThat(users.check("nobody", "decoy password that matches nothing")).isEmpty();
            assertThat(users.check(null, "pw")).isEmpty();
        }
    }

    @Nested
    class Hashing {

        @Test
        void usesAFreshSaltEveryTime() {
            PasswordHasher.Hash a = hasher.hash("same");
            PasswordHasher.Hash b = hasher.hash("same");

            assertThat(a.salt()).isNotEqualTo(b.salt());
            assertThat(a.key()).isNotEqualTo(b.key()).hasSize(32);
            assertThat(hasher.matches("same", a)).isTrue();
            assertThat(hasher.matches("same", b)).isTrue();
        }

        @Test
        void dependsOnTheIterationCount() {
            PasswordHasher.Hash hash = hasher.hash("pw");

            assertThat(new PasswordHasher(DemoServer.TEST_ITERATIONS + 1).matches("pw", hash)).isFalse();
        }
    }
}
