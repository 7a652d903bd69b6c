package id.go.kapuaskab.sertel.system.walk;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The titles of every problem code in both languages, read from the services' problem bundles, so the walk can tell
 * whether an answer speaks the caller's language.
 */
public final class ProblemTexts {

    private final Map<String, String> indonesian = new HashMap<>();
    private final Map<String, String> english = new HashMap<>();

    public ProblemTexts(Path project) {
        try (Stream<Path> files = Files.walk(project, 6)) {
            files.filter(p -> p.toString().contains("src/main/resources") && !p.toString().contains("/target/"))
                    .forEach(p -> {
                        String name = p.getFileName().toString();
                        if (name.equals("problems.properties") || name.equals("sertel-problems.properties")) {
                            load(p, indonesian);
                        } else if (name.equals("problems_en.properties") || name.equals("sertel-problems_en.properties")) {
                            load(p, english);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The title of a code in {@code id} or {@code en}; null when no bundle defines it. */
    public String title(String code, String language) {
        return ("en".equals(language) ? english : indonesian).get(code + ".title");
    }

    private static void load(Path file, Map<String, String> into) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.stringPropertyNames().forEach(k -> into.putIfAbsent(k, p.getProperty(k)));
    }
}
