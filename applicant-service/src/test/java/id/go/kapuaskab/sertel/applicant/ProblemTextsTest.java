package id.go.kapuaskab.sertel.applicant;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.support.problem.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every problem and field code this service can produce has its texts in Indonesian and in English. */
class ProblemTextsTest {

    /** Codes in the ways the sources name them: DomainException factories, constructors, field errors. */
    private static final Pattern PROBLEM = Pattern.compile(
            "(?:DomainException\\.(?:notFound|conflict|invalid|forbidden)\\(|new DomainException\\(ProblemKind\\.[A-Z_]+, )\"([a-z0-9.-]+)\"");
    private static final Pattern FIELD = Pattern.compile(
            "(?:invalidField\\(\"[^\"]+\", |\\.add\\(\"[^\"]*\", |\\.add\\([a-z]+(?: \\+ \"[^\"]*\")?, |errors\\.add\\([^,]+, )\"([a-z0-9.-]+)\"");
    private static final Pattern CODE_PRODUCER = Pattern.compile("Optional\\.of\\(\"([a-z0-9-]+\\.[a-z0-9.-]+)\"\\)");

    @Test
    void everyKeyExistsInBothLanguages() {
        for (String key : Messages.allKeys()) {
            assertThat(Messages.definedIn(key, Messages.INDONESIAN)).as("Indonesian text for %s", key).isTrue();
            assertThat(Messages.definedIn(key, Locale.ENGLISH)).as("English text for %s", key).isTrue();
        }
    }

    @Test
    void everyCodeUsedInTheSourcesHasTexts() throws IOException {
        Set<String> problems = new TreeSet<>();
        Set<String> fields = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                collect(PROBLEM, source, problems);
                collect(FIELD, source, fields);
                collect(CODE_PRODUCER, source, fields);
            }
        }
        assertThat(problems).contains("applicant.not-found", "data-change.already-open", "email-token.expired");
        assertThat(fields).contains("nik.birth-date", "nip.gender-mismatch", "name.title", "document.type", "email.domain");
        for (String code : problems) {
            for (Locale locale : Messages.SUPPORTED) {
                assertThat(Messages.definedIn(code + ".title", locale)).as("%s.title in %s", code, locale).isTrue();
            }
        }
        for (String code : fields) {
            for (Locale locale : Messages.SUPPORTED) {
                assertThat(Messages.definedIn("field." + code, locale) || Messages.definedIn(code + ".title", locale))
                        .as("field.%s in %s", code, locale).isTrue();
            }
        }
    }

    private static void collect(Pattern pattern, String source, Set<String> into) {
        Matcher m = pattern.matcher(source);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
