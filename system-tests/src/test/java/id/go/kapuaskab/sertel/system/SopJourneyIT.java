package id.go.kapuaskab.sertel.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.journey.JourneyFailure;
import id.go.kapuaskab.sertel.journey.JourneyReport;
import id.go.kapuaskab.sertel.journey.SopJourney;
import id.go.kapuaskab.sertel.journey.TerminalNarrator;
import id.go.kapuaskab.sertel.journey.TimelineRow;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Acceptance test of issue 7: the whole SOP "Pembaruan Sertifikat Elektronik" through the gateway of the packaged
 * stack, played by {@link SopJourney} — the same code {@code ./sertel demo} runs — with the real mail catcher and the
 * openssl binary. The journey checks every answer itself; this test adds what holds across the run, and runs it twice
 * on the same stack, as the demo must be able to. The narration goes to {@code target/sop-journey-*.txt}.
 */
class SopJourneyIT {

    /**
     * How long any one wait may take. A mail whose SMTP exchange stalls (the Vert.x mail client misses a greeting on
     * about one new connection in twenty, see notification-service's README) is sent again by notification-service
     * after its 30 s send timeout and its 60 s first back-off: delivered, but 90 s late.
     */
    private static final Duration MAIL_PATIENCE = Duration.ofSeconds(120);


    @Test
    void theSopRunsEndToEndThroughTheGatewayAndAgainOnTheSameStack() throws IOException {
        JourneyReport first = play("first");
        JourneyReport second = play("second");

        for (JourneyReport r : List.of(first, second)) {
            assertThat(List.of(r.first().serial(), r.renewed().serial(), r.serverKey().serial())).doesNotHaveDuplicates();
            assertThat(r.renewalTimeline()).extracting(TimelineRow::step).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(r.reminderInTimeline()).as("step 1: the reminder the renewal followed").isTrue();
            assertThat(r.renewalTimeline()).extracting(TimelineRow::status)
                    .containsExactly("DONE", "DONE", "DONE", "NOT_RECORDED", "DONE", "DONE", "DONE", "DONE");
            assertThat(r.renewalTimeline()).extracting(TimelineRow::standardSeconds)
                    .containsExactly(120.0, 300.0, 180.0, 900.0, 600.0, 18.0, 480.0, 180.0);
            assertThat(r.renewalTimeline().subList(1, 8)).filteredOn(row -> !row.status().equals("NOT_RECORDED"))
                    .allSatisfy(row -> assertThat(row.durationSeconds()).isNotNull());
            assertThat(r.serverKeyTimeline()).extracting(TimelineRow::status).element(3).isEqualTo("NOT_APPLICABLE");
            assertThat(r.renewalTimeline().get(6).actor()).isEqualTo(r.data().verifierA().fullName());
            assertThat(r.renewalTimeline().get(7).actor()).isEqualTo(r.data().verifierB().fullName());
            assertThat(r.signed().report().path("signatures").path(0).path("ltv").path("ocsps").asInt()).isPositive();
            assertThat(java.nio.file.Files.readAllBytes(r.signed().pdf())).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(second.data().tag()).isNotEqualTo(first.data().tag());
        assertThat(second.data().applicant().nik()).isNotEqualTo(first.data().applicant().nik());
        System.out.printf("SOP journey: %.1f s and %.1f s%n", first.took().toMillis() / 1000.0, second.took().toMillis() / 1000.0);
    }

    private static JourneyReport play(String name) throws IOException {
        SystemStack.get();
        Path target = Path.of("target");
        Path transcript = target.resolve("sop-journey-" + name + ".txt");
        SopJourney.Settings settings = new SopJourney.Settings(URI.create(SystemStack.gateway()),
                URI.create("http://127.0.0.1:" + SystemStack.ports().inbox()), "admin@kapuaskab.go.id", "sertel-demo",
                target.resolve("sop-journey"), MAIL_PATIENCE, Duration.ofSeconds(120));
        try (PrintStream out = new PrintStream(Files.newOutputStream(transcript), true, StandardCharsets.UTF_8)) {
            return new SopJourney(settings, new TerminalNarrator(out, false)).run();
        } catch (JourneyFailure e) {
            throw new AssertionError(e.getMessage() + "\n--- the journey so far (" + transcript + ") ---\n" + tail(transcript), e);
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream().collect(Collectors.joining("\n"));
    }
}
