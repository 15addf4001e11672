package dev.cloakroom.compare.spring;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /health}, open to all, for the harness to see that the app is up. */
@RestController
public class HealthController {

    /** For Spring, which makes the instance. */
    public HealthController() {
    }

    /**
     * Answers "ok".
     *
     * @return "ok"
     */
    @GetMapping("/health")
    public String health() {
        return "ok";
    }
}
