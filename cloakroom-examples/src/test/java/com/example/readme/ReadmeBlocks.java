package com.example.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's code blocks that name the file they show, with an HTML comment on the line right
 * before the fence (invisible on GitHub):
 *
 * <pre>
 * &lt;!-- example: cloakroom-examples/src/main/java/com/example/javalin/JavalinQuickstart.java --&gt;
 * ```java
 * </pre>
 *
 * {@code example:} means the block is the whole file; {@code example-part:} means the block is a run
 * of consecutive lines of the file, which may be indented there (a snippet cut out of a larger file).
 * Paths are relative to the repository root.
 */
final class ReadmeBlocks {

    private static final Pattern MARKER = Pattern.compile("^<!--\\s*(example|example-part):\\s*(\\S+)\\s*-->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

    /** The repository root, seen from the module directory Maven runs the tests in. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path README = ROOT.resolve("README.md");

    /** One marked block; line numbers are the README's, counted from 1. */
    record Block(String file, boolean part, String language, int markerLine, int firstLine, List<String> lines) {

        Path path() {
            return ROOT.resolve(file).normalize();
        }

        @Override
        public String toString() {
            return "README.md:" + markerLine + " (" + (part ? "example-part: " : "example: ") + file + ")";
        }
    }

    private ReadmeBlocks() {
    }

    /**
     * Every marked block, in README order.
     *
     * @throws IllegalStateException when a marker is not followed by a fence, or a fence never closes
     */
    static List<Block> read() throws IOException {
        List<String> lines = Files.readAllLines(README);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (!marker.matches()) {
                continue;
            }
            int markerLine = i + 1;
            Matcher fence = i + 1 < lines.size() ? FENCE.matcher(lines.get(i + 1)) : null;
            if (fence == null || !fence.matches() || fence.group(1).isEmpty()) {
                throw new IllegalStateException("README.md:" + markerLine + ": the line after \"" + lines.get(i)
                        + "\" must open a code block with its language, like ```java");
            }
            int end = i + 2;
            while (end < lines.size() && !lines.get(end).equals("```")) {
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalStateException("README.md:" + (i + 2) + ": the code block after the marker never closes");
            }
            blocks.add(new Block(marker.group(2), marker.group(1).equals("example-part"), fence.group(1), markerLine,
                    i + 3, List.copyOf(lines.subList(i + 2, end))));
            i = end;
        }
        return blocks;
    }
}
