package id.go.kapuaskab.sertel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No service names a problem's extension member after a member of the problem itself: {@code .with("status", …)}
 * wrote a second {@code status} into the body. The builder refuses such a name when the exception is made; this test
 * finds every such call in the sources, also on paths no test reaches.
 */
class ProblemExtensionNamesTest {

    private static final Pattern WITH = Pattern.compile("\\.with\\(\\s*\"([^\"]+)\"");
    private static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance", "code", "requestId",
            "fieldErrors");

    @Test
    void noExtensionMemberTakesTheNameOfAStandardMember() throws IOException {
        Set<String> collisions = new TreeSet<>();
        Path project = SystemStack.project();
        for (Path source : sources(project)) {
            String text = Files.readString(source);
            if (!text.contains("DomainException")) {
                continue;
            }
            Matcher m = WITH.matcher(text);
            while (m.find()) {
                if (RESERVED.contains(m.group(1))) {
                    collisions.add(project.relativize(source) + ": .with(\"" + m.group(1) + "\")");
                }
            }
        }
        assertThat(collisions).as("extension members named like a standard problem member").isEmpty();
    }

    private static List<Path> sources(Path project) throws IOException {
        try (Stream<Path> files = Files.walk(project, 12)) {
            return files.filter(p -> p.toString().contains("/src/main/java/") && !p.toString().contains("/target/"))
                    .filter(p -> p.toString().endsWith(".java"))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
