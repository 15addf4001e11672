package dev.cloakroom.demo;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real {@code main} in a child JVM, for what only a process shows: exit codes and stderr. */
class DemoMainTest {

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DemoApp.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        // Generous: the child only parses its arguments, but the machine may be busy.
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child JVM exited").isTrue();
        return new Run(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Nested
    class WhenAFlagIsBad {

        @Test
        void exitsWithStatus2AndUsageOnStderr() throws Exception {
            Run run = run("--bogus");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.stderr()).contains("unknown option '--bogus'", "Usage: java -jar cloakroom-demo.jar");
            assertThat(run.stdout()).isEmpty();
        }

        @Test
        void refusesAStoreItCannotOpenWithStatus2() throws Exception {
            Run run = run("--store", "cassandra://db:9042");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.stderr()).contains("--store must be memory, redis://", "Usage: java -jar cloakroom-demo.jar");
        }
    }

    @Nested
    class WhenHelpIsAsked {

        @Test
        void printsUsageAndExits0() throws Exception {
            Run run = run("--help");

            assertThat(run.exitCode()).isEqualTo(0);
            assertThat(run.stdout()).contains("Usage: java -jar cloakroom-demo.jar", "--secret S", "--store STORE", "jdbc:h2:file:PATH");
        }
    }
}
