package dev.cloakroom.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts that can log in, with their passwords hashed at startup. Role rule: the user
 * named {@code admin} is role {@code admin}, every other user is role {@code user}.
 */
final class Users {

    private record Account(User user, PasswordHasher.Hash hash) {
    }

    private final PasswordHasher hasher;
    private final Map<String, Account> accounts = new HashMap<>();
    /** Checked against when the name is unknown, so a wrong name costs as much time as a wrong password. */
    private final PasswordHasher.Hash decoy;

    Users(List<DemoConfig.Credential> credentials, PasswordHasher hasher) {
        this.hasher = hasher;
        for (DemoConfig.Credential c : credentials) {
            User user = new User(c.username(), roleOf(c.username()));
            accounts.put(c.username(), new Account(user, hasher.hash(c.password())));
        }
        this.decoy = hasher.hash("decoy password that matches nothing");
    }

    static String roleOf(String username) {
        return username.equals("admin") ? "admin" : "user";
    }

    /**
     * The user whose password this is, or empty. Exactly one hash is computed whatever the
     * outcome, so the response time does not reveal whether {@code username} exists.
     */
    Optional<User> check(String username, String password) {
        Account account = username == null ? null : accounts.get(username);
        String given = password == null ? "" : password;
        if (account == null) {
            hasher.matches(given, decoy);
            return Optional.empty();
        }
        return hasher.matches(given, account.hash()) ? Optional.of(account.user()) : Optional.empty();
    }
}
