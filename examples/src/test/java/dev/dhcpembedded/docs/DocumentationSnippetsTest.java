package dev.dhcpembedded.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of README.md and of the documentation site (docs/) is a region of a source file that this build
 * compiles and runs. Each {@code ```java} block is preceded by a line {@code <!-- snippet: PATH#TAG -->}, and its text
 * must equal the lines between {@code // tag::TAG[]} and {@code // end::TAG[]} in PATH (relative to the repository's
 * root, under a {@code src/.../java} folder), indentation removed. Run with {@code -Dsnippets.update=true} to rewrite
 * the blocks from their sources.
 */
class DocumentationSnippetsTest {

    private static final Pattern SNIPPET = Pattern.compile("^\\s*<!-- snippet: (\\S+)#([\\w.-]+) -->\\s*$");
    private static final Pattern LOCAL_LINK = Pattern.compile("\\]\\(((?!https?:|mailto:|#)[^)#\\s]+)(#[^)\\s]*)?\\)");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyJavaBlockIsARegionOfACompiledSource() throws IOException {
        List<String> problems = new ArrayList<>();
        boolean update = Boolean.getBoolean("snippets.update");
        for (Path page : pages()) {
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            List<String> rewritten = new ArrayList<>();
            boolean changed = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                rewritten.add(line);
                if (!line.strip().equals("```java")) {
                    continue;
                }
                String where = ROOT.relativize(page) + ":" + (i + 1);
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                    end++;
                }
                String indent = line.substring(0, line.indexOf('`'));
                List<String> block = lines.subList(i + 1, end);
                Matcher marker = i > 0 ? SNIPPET.matcher(lines.get(i - 1)) : null;
                if (marker == null || !marker.matches()) {
                    problems.add(where + ": a ```java block without a '<!-- snippet: PATH#TAG -->' line before it;"
                            + " Java in the docs must come from a compiled source (see this test's javadoc)");
                    rewritten.addAll(block);
                } else {
                    List<String> region = region(marker.group(1), marker.group(2), where, problems);
                    List<String> expected = region == null ? block
                            : region.stream().map(l -> l.isEmpty() ? l : indent + l).toList();
                    if (!expected.equals(block)) {
                        if (update) {
                            changed = true;
                        } else {
                            problems.add(where + ": the block differs from " + marker.group(1) + "#"
                                    + marker.group(2) + "; rerun with -Dsnippets.update=true to copy it in");
                        }
                    }
                    rewritten.addAll(update ? expected : block);
                }
                if (end < lines.size()) {
                    rewritten.add(lines.get(end));
                }
                i = end;
            }
            if (changed) {
                Files.write(page, rewritten, StandardCharsets.UTF_8);
            }
        }
        assertThat(problems).as("Java snippets of README.md and docs/").isEmpty();
    }

    @Test
    void readmeLinksPointAtFilesThatExist() throws IOException {
        List<String> missing = new ArrayList<>();
        Path readme = ROOT.resolve("README.md");
        Matcher link = LOCAL_LINK.matcher(Files.readString(readme));
        while (link.find()) {
            if (!Files.exists(readme.resolveSibling(link.group(1)))) {
                missing.add(link.group(1));
            }
        }
        assertThat(missing).as("files README.md links to").isEmpty();
    }

    @Test
    void theCheckFindsABlockThatDiffersFromItsSource() {
        List<String> problems = new ArrayList<>();
        List<String> region = region("examples/src/test/java/dev/dhcpembedded/docs/DocumentationSnippetsTest.java",
                "self-check", "here", problems);
        assertThat(problems).isEmpty();
        // tag::self-check[]
        int answer = 42;
        // end::self-check[]
        assertThat(region).containsExactly("int answer = 42;");
        assertThat(answer).isEqualTo(42);
        region("examples/src/test/java/dev/dhcpembedded/docs/DocumentationSnippetsTest.java", "no-such-tag", "here",
                problems);
        assertThat(problems).singleElement().asString().contains("no region 'no-such-tag'");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static List<String> region(String path, String tag, String where, List<String> problems) {
        Path source = ROOT.resolve(path).normalize();
        if (!source.startsWith(ROOT) || !path.matches(".*src/(main|test)/java/.*\\.java")
                || !Files.isRegularFile(source)) {
            problems.add(where + ": " + path + " is not a Java source of this build (src/main/java or src/test/java)");
            return null;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(where + ": cannot read " + path + ": " + e);
            return null;
        }
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("// tag::" + tag + "[]")) {
                start = i + 1;
            } else if (start >= 0 && lines.get(i).strip().equals("// end::" + tag + "[]")) {
                List<String> body = lines.subList(start, i).stream()
                        .filter(l -> !l.strip().matches("// (tag|end)::[\\w.-]+\\[]")).toList();
                int indent = body.stream().filter(l -> !l.isBlank())
                        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
                return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
            }
        }
        problems.add(where + ": " + path + " has no region '" + tag + "' (// tag::" + tag + "[] ... // end::" + tag
                + "[])");
        return null;
    }
}
