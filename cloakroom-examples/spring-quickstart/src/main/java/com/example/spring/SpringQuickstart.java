package com.example.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

@SpringBootApplication
@RestController
public class SpringQuickstart {

    public record User(String username) {}

    // Stands in for your user store, which keeps password hashes, never passwords.
    private static final Map<String, String> PASSWORDS = Map.of("ada", "lovelace");

    public static void main(String[] args) {
        SpringApplication.run(SpringQuickstart.class, args);
    }

    @PostMapping("/login")
    ResponseEntity<String> login(@RequestParam(required = false) String username,
                                 @RequestParam(required = false) String password, HttpServletRequest request) {
        if (username == null || !PASSWORDS.getOrDefault(username, "").equals(password)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("Invalid credentials");
        }
        request.getSession().setAttribute("user", new User(username));
        request.changeSessionId();                        // a new id at every privilege change
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/dashboard")).build();
    }

    @GetMapping("/dashboard")
    ResponseEntity<String> dashboard(HttpSession session) {
        User user = (User) session.getAttribute("user");  // a User again: the application's package is allowed
        if (user == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("Log in first");
        }
        int visits = (int) Objects.requireNonNullElse(session.getAttribute("visits"), 0) + 1;
        session.setAttribute("visits", visits);
        return ResponseEntity.ok("Hello " + user.username() + ", visit " + visits);
    }

    @PostMapping("/logout")
    String logout(HttpSession session) {
        session.invalidate();                             // deleted from the store
        return "Logged out";
    }
}
