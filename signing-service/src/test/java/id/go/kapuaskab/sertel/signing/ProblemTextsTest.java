package id.go.kapuaskab.sertel.signing;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.support.problem.Messages;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every problem code of this service speaks both languages. */
class ProblemTextsTest {

    @Test
    void everyCodeHasAnIndonesianAndAnEnglishTitleAndDetail() throws Exception {
        Properties own = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/problems.properties")) {
            own.load(in);
        }
        assertThat(own.stringPropertyNames()).isNotEmpty();
        for (String key : own.stringPropertyNames()) {
            assertThat(Messages.definedIn(key, Messages.INDONESIAN)).as("id: " + key).isTrue();
            assertThat(Messages.definedIn(key, Locale.ENGLISH)).as("en: " + key).isTrue();
            String code = key.substring(0, key.lastIndexOf('.'));
            assertThat(Messages.definedIn(code + ".title", Locale.ENGLISH)).as("en title: " + code).isTrue();
            assertThat(Messages.definedIn(code + ".detail", Messages.INDONESIAN)).as("id detail: " + code).isTrue();
        }
    }

    @Test
    void everyCodeThrownInTheSourceHasTexts() throws Exception {
        java.nio.file.Path src = java.nio.file.Path.of("src/main/java");
        java.util.regex.Pattern thrown = java.util.regex.Pattern.compile("\"((?:signing-key|signing|document|auth)\\.[a-z-]+)\"");
        try (var files = java.nio.file.Files.walk(src)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                var m = thrown.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    assertThat(Messages.definedIn(m.group(1) + ".title", Messages.INDONESIAN)).as(f + ": " + m.group(1)).isTrue();
                    assertThat(Messages.definedIn(m.group(1) + ".title", Locale.ENGLISH)).as(f + ": " + m.group(1)).isTrue();
                }
            }
        }
    }
}
