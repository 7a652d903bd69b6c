package id.go.kapuaskab.sertel.journey;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ./sertel demo}: plays {@link SopJourney} against the stack of {@code ./sertel up} and narrates it on the
 * terminal. Exits 1 with the reason on the first unexpected answer. Options (all optional):
 * {@code --gateway URL} (default http://localhost:8080), {@code --inbox URL} (http://127.0.0.1:8025),
 * {@code --admin EMAIL}, {@code --password PASSWORD} (the local stack's demo admin), {@code --work DIR} (.sertel/demo).
 */
public final class SopDemo {

    private SopDemo() {
    }

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println("usage: ./sertel demo [--gateway URL] [--inbox URL] [--admin EMAIL] [--password PASSWORD] [--work DIR]");
            System.out.println("Plays SOP Pembaruan Sertifikat Elektronik through the gateway of a running stack (./sertel up), narrated.");
            return;
        }
        String gateway = option(args, "--gateway", "http://localhost:8080");
        String inbox = option(args, "--inbox", "http://127.0.0.1:8025");
        String admin = option(args, "--admin", "admin@kapuaskab.go.id");
        String password = option(args, "--password", "sertel-demo");
        Path work = Path.of(option(args, "--work", ".sertel/demo"));
        boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
        TerminalNarrator narrator = new TerminalNarrator(System.out, color);
        SopJourney journey = new SopJourney(new SopJourney.Settings(URI.create(gateway), URI.create(inbox), admin, password, work,
                Duration.ofSeconds(120), Duration.ofSeconds(180)), narrator);
        try {
            JourneyReport report = journey.run();
            System.out.println();
            System.out.printf("Done in %.1f s: run %s, certificates %s (superseded) → %s (superseded) → %s (revoked); letter signed"
                            + " by the e-office with the kept key: %s (signature %s).%n",
                    report.took().toMillis() / 1000.0, report.data().tag(), report.first().serial(), report.renewed().serial(),
                    report.serverKey().serial(), report.signed().pdf(), report.signed().signatureId());
            System.exit(0);
        } catch (JourneyFailure e) {
            System.out.flush();
            System.err.println();
            System.err.println("DEMO FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
