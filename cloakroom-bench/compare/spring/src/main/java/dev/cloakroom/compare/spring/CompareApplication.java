package dev.cloakroom.compare.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application; run with {@code --spring.profiles.active=spring-session} or {@code cloakroom}. */
@SpringBootApplication
public class CompareApplication {

    /** For Spring, which makes the instance. */
    public CompareApplication() {
    }

    /**
     * Starts the application.
     *
     * @param args Spring Boot's command line ({@code --server.port=...}, the profile)
     */
    public static void main(String[] args) {
        SpringApplication.run(CompareApplication.class, args);
    }
}
