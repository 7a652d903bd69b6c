package id.go.kapuaskab.sertel.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every problem text of this service exists in Indonesian and English, and every code is in docs/problems.md. */
class ProblemTextsTest {

    @Test
    void bothLanguagesDefineEveryKeyAndTheCatalogueListsEveryCode() throws IOException {
        Properties id = load("problems.properties");
        Properties en = load("problems_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(id.stringPropertyNames());
        String catalogue = Files.readString(Path.of("..", "docs", "problems.md"));
        for (String key : id.stringPropertyNames()) {
            if (key.endsWith(".title")) {
                String code = key.substring(0, key.length() - ".title".length());
                assertThat(catalogue).as("docs/problems.md lists %s", code).contains("`" + code + "`");
                assertThat(id).containsKey(code + ".detail");
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProblemTextsTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
