package dev.cloakroom.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core's tests cannot have the log check switched on for them by autodetection (see
 * {@link NoSessionIdInLogs}), so each class names it; this keeps a new class from forgetting.
 */
@ExtendWith(NoSessionIdInLogs.class)
class EveryTestClassIsSearchedForSessionIdsTest {

    private static final Pattern TESTS = Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory|Nested)\\b");

    @Test
    void everyFileWithTestsRegistersTheLogCheck() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/java"))) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        List<String> unchecked = files.stream()
                .filter(p -> TESTS.matcher(read(p)).find())
                .filter(p -> !read(p).contains("@ExtendWith(NoSessionIdInLogs.class)"))
                .map(Path::toString)
                .toList();

        assertThat(files).as("core's test sources").hasSizeGreaterThan(30);
        assertThat(unchecked).as("test classes without @ExtendWith(NoSessionIdInLogs.class)").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
