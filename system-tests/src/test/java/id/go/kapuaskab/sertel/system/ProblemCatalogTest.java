package id.go.kapuaskab.sertel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The problem types are a documented contract: every code any service can answer with has an Indonesian
 * and an English title, and appears in docs/problems.md.
 */
class ProblemCatalogTest {

    private static final Path PROJECT = Path.of(System.getProperty("sertel.project", "..")).toAbsolutePath().normalize();

    @Test
    void everyProblemCodeHasBothLanguagesAndIsDocumented() throws IOException {
        String doc = Files.readString(PROJECT.resolve("docs/problems.md"));
        Set<String> undocumented = new TreeSet<>();
        Set<String> untranslated = new TreeSet<>();
        for (Path indonesian : bundles()) {
            Path english = indonesian.resolveSibling(indonesian.getFileName().toString().replace(".properties", "_en.properties"));
            Properties id = load(indonesian);
            Properties en = load(english);
            for (String key : id.stringPropertyNames()) {
                if (key.endsWith(".title") && !key.startsWith("field.")) {
                    String code = key.substring(0, key.length() - ".title".length());
                    if (!doc.contains("`" + code + "`")) {
                        undocumented.add(code + " (" + PROJECT.relativize(indonesian) + ")");
                    }
                }
                if (!en.containsKey(key)) {
                    untranslated.add(key + " (" + PROJECT.relativize(english) + ")");
                }
            }
            for (String key : en.stringPropertyNames()) {
                if (!id.containsKey(key)) {
                    untranslated.add(key + " (" + PROJECT.relativize(indonesian) + ")");
                }
            }
        }
        assertThat(undocumented).as("codes missing from docs/problems.md").isEmpty();
        assertThat(untranslated).as("texts missing in one language").isEmpty();
    }

    private static Set<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(PROJECT, 6)) {
            return files.filter(p -> p.toString().contains("src/main/resources"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> p.getFileName().toString().equals("problems.properties")
                            || p.getFileName().toString().equals("sertel-problems.properties"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        }
        return p;
    }
}
