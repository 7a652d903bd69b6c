package id.go.kapuaskab.sertel.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text of the console is in both message files: the two files have the same keys, every key the scripts
 * ask for literally ({@code t('…')}, the menu's {@code 'nav.…'}) exists, and no text is empty. Keys built at run
 * time (an enum's label, e.g. {@code state.IN_REVIEW}) are listed here with their values.
 */
class MessagesTest {

    private static final Path ROOT = Path.of("src/main/resources/console");
    private static final Pattern LITERAL = Pattern.compile("\\bt\\('([a-z0-9.-]+)'|'(nav\\.[a-z-]+)'");
    private static final Map<String, Set<String>> ENUMS = Map.ofEntries(
            Map.entry("state", Set.of("DRAFT", "SUBMITTED", "IN_REVIEW", "RETURNED", "REJECTED", "APPROVED", "ISSUING", "COMPLETED", "CANCELLED")),
            Map.entry("type", Set.of("ISSUANCE", "RENEWAL", "REVOCATION")),
            Map.entry("cert", Set.of("ACTIVE", "SUPERSEDED", "SUSPENDED", "REVOKED", "EXPIRED")),
            Map.entry("sla", Set.of("ON_TIME", "DUE_SOON", "OVERDUE")),
            Map.entry("item", Set.of("FULL_NAME", "EMAIL", "NIK", "INSTITUTION", "UNIT")),
            Map.entry("channel", Set.of("PHONE", "EMAIL", "LETTER", "IN_PERSON")),
            Map.entry("outcome", Set.of("CONFIRMED", "NOT_CONFIRMED")),
            Map.entry("revocation", Set.of("keyCompromise", "affiliationChanged", "cessationOfOperation", "superseded", "privilegeWithdrawn",
                    "unspecified")),
            Map.entry("role", Set.of("APPLICANT", "VERIFIER", "ADMIN")),
            Map.entry("employment", Set.of("PNS", "PPPK", "NON_ASN")),
            Map.entry("delivery", Set.of("SENT", "PENDING", "RETRYING", "FAILED", "SKIPPED")),
            Map.entry("change", Set.of("SUBMITTED", "APPROVED", "REJECTED", "CANCELLED")),
            Map.entry("step-status", Set.of("DONE", "PENDING", "NOT_RECORDED", "NOT_APPLICABLE")),
            Map.entry("field", Set.of("fullName", "email", "nik", "nip", "phone", "position", "employmentType", "institutionId", "workUnitId")),
            Map.entry("sop.step", Set.of("2", "3", "4", "5", "6")));

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Map<String, String> id = messages("id");
        Map<String, String> en = messages("en");
        assertThat(en.keySet()).isEqualTo(id.keySet());
        assertThat(id).allSatisfy((k, v) -> assertThat(v).as(k).isNotBlank());
        assertThat(en).allSatisfy((k, v) -> assertThat(v).as(k).isNotBlank());
    }

    @Test
    void everyKeyTheScriptsUseExists() throws IOException {
        Map<String, String> id = messages("id");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("js"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        ENUMS.forEach((group, values) -> values.forEach(v -> used.add(group + "." + v)));
        used.add("app.noscript");
        assertThat(used).hasSizeGreaterThan(300);
        assertThat(id.keySet()).containsAll(used);
    }

    private static Map<String, String> messages(String lang) throws IOException {
        return new ObjectMapper().readValue(ROOT.resolve("i18n/" + lang + ".json").toFile(), new TypeReference<>() {
        });
    }
}
