package com.example.readme;

import com.example.readme.ReadmeBlocks.Block;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README's quickstarts are the files of this module, word for word: the programs the other tests
 * start, and the pom and properties snippets the pom test checks. Change one and this fails, naming
 * the README block and the first line that differs, until the other is changed to match.
 */
class ReadmeExamplesTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> everyMarkedBlockIsTheFileItNames() throws IOException {
        return ReadmeBlocks.read().stream().map(block -> DynamicTest.dynamicTest(block.toString(), () -> check(block)));
    }

    /** Every example here is in the README: a file nobody reads would be tested for nothing. */
    @Test
    void everyExampleIsShownInTheReadme() throws IOException {
        Set<Path> shown = ReadmeBlocks.read().stream().map(Block::path).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (Path dir : List.of(MODULE.resolve("src/main/java"), MODULE.resolve("src/main/resources"),
                MODULE.resolve("spring-quickstart"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile)
                        .filter(f -> !f.startsWith(MODULE.resolve("spring-quickstart/target")))   // a build of it
                        .filter(f -> !shown.contains(f.normalize()))
                        .forEach(f -> missing.add(ReadmeBlocks.ROOT.relativize(f).toString()));
            }
        }
        assertThat(missing).as("examples no README block names with <!-- example: PATH -->").isEmpty();
    }

    private static void check(Block block) throws IOException {
        if (!Files.isRegularFile(block.path())) {
            fail(block + ": no such file");
        }
        List<String> file = Files.readAllLines(block.path());
        if (!block.part()) {
            int differs = firstDifference(block.lines(), file, "");
            if (differs >= 0) {
                fail(difference(block, file, 0, "", differs));
            }
            return;
        }
        // A part: the block, indented as its first line is in the file, is a run of the file's lines.
        if (block.lines().isEmpty() || block.lines().get(0).isBlank()) {
            fail(block + ": a part must start with a line that is not blank");
        }
        String first = block.lines().get(0);
        String closest = null;
        int closestLength = -1;
        for (int at = 0; at < file.size(); at++) {
            String line = file.get(at);
            if (!line.endsWith(first) || !line.substring(0, line.length() - first.length()).isBlank()) {
                continue;
            }
            String indent = line.substring(0, line.length() - first.length());
            List<String> run = file.subList(at, Math.min(file.size(), at + block.lines().size()));
            int differs = firstDifference(block.lines(), run, indent);
            if (differs < 0) {
                return;
            }
            if (differs > closestLength) {
                closestLength = differs;
                closest = difference(block, file, at, indent, differs);
            }
        }
        fail(closest != null ? closest : block + ": its first line, \"" + first + "\", is not a line of " + block.file());
    }

    /**
     * The index of the first README line that is not the file's (the block's length when the file goes
     * on after it), or -1 when they are the same. A part is compared with as many file lines as it has.
     */
    private static int firstDifference(List<String> readme, List<String> file, String indent) {
        for (int i = 0; i < readme.size(); i++) {
            if (i >= file.size()) {
                return i;
            }
            String line = readme.get(i).isEmpty() ? "" : indent + readme.get(i);
            if (!line.equals(file.get(i))) {
                return i;
            }
        }
        return readme.size() < file.size() ? readme.size() : -1;
    }

    private static String difference(Block block, List<String> file, int offset, String indent, int i) {
        String readmeLine = i < block.lines().size() ? "\"" + block.lines().get(i) + "\"" : "(the block has ended)";
        int fileIndex = offset + i;
        String fileLine = fileIndex < file.size() && (!block.part() || i < block.lines().size())
                ? "\"" + strip(file.get(fileIndex), indent) + "\"" : "(the file has ended)";
        return block + " differs from the file at README.md:" + (block.firstLine() + i) + " and " + block.file() + ":"
                + (fileIndex + 1) + "\n  README: " + readmeLine + "\n  file:   " + fileLine;
    }

    private static String strip(String line, String indent) {
        return line.startsWith(indent) ? line.substring(indent.length()) : line;
    }
}
