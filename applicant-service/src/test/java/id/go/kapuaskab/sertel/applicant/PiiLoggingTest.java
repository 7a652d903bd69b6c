package id.go.kapuaskab.sertel.applicant;

import static id.go.kapuaskab.sertel.applicant.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.applicant.peers.RealPeers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * NIK, NIP and phone numbers never reach the logs: not when the database refuses a duplicate key, not when regional
 * systems look people up (also while a peer is down) or send them and some are refused.
 */
@QuarkusTest
class PiiLoggingTest {

    @Inject
    Fixtures fixtures;
    @TestHTTPResource("/")
    URL self;

    @Test
    void racingRegistrationsForOneNikLogNoPersonalNumbers() throws Exception {
        Capture capture = new Capture();
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        List<String> personalNumbers = new ArrayList<>();
        try {
            // the application's own check answers most duplicates; race until the database's unique index does
            for (int round = 0; round < 5 && databaseRefusals(capture).isEmpty(); round++) {
                race(personalNumbers);
            }
        } finally {
            root.removeHandler(capture);
        }
        // the embedded database server's own log is forwarded into this JVM; it is the database's log, not the service's
        // (in production PostgreSQL: log_error_verbosity=terse keeps DETAIL lines with key values out of it)
        List<String> ours = capture.lines.stream().filter(l -> !l.startsWith("io.zonky.")).toList();
        assertThat(databaseRefusals(capture)).as("a duplicate refused by the database's unique index").isNotEmpty();
        assertThat(ours).noneMatch(l -> personalNumbers.stream().anyMatch(l::contains) || l.contains("81234567890"));
    }

    @Test
    void statusLookupsAndStaffSyncLogNoPersonalNumbersNotEvenWhenAPeerIsDownOrAPersonIsRefused() {
        RealPeers.ensureStarted(self.toString());
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person holder = fixtures.applicant(inst);
        Fixtures.Person busy = fixtures.applicant(inst);
        Fixtures.PersonalNumbers holderNumbers = fixtures.numbersOf(holder.id());
        Fixtures.PersonalNumbers busyNumbers = fixtures.numbersOf(busy.id());
        String admin = id.go.kapuaskab.sertel.testsupport.TestTokens.admin(UUID.randomUUID());
        RegionalSystems.Client client = RegionalSystems.register(admin, "SIMPEG", List.of("status:read", "applicants:sync"), inst.id());
        Map<String, Object> fresh = new LinkedHashMap<>(Api.registration(inst));
        fresh.put("eventId", "simpeg-" + UUID.randomUUID());
        Map<String, Object> invalid = new LinkedHashMap<>(Api.registration(inst));
        invalid.put("nik", "6203010000000000");
        invalid.put("eventId", "simpeg-" + UUID.randomUUID());
        List<String> numbers = List.of(holderNumbers.nik(), holderNumbers.nip(), busyNumbers.nik(), busyNumbers.nip(),
                (String) fresh.get("nik"), (String) fresh.get("nip"), "6203010000000000", (String) invalid.get("nip"));

        Capture capture = new Capture();
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            RegionalSystems.lookup(client.token(), List.of(Map.of("nik", holderNumbers.nik()), Map.of("nip", busyNumbers.nip())))
                    .then().statusCode(200);
            RegionalSystems.lookup(client.token(), List.of(Map.of("nik", holderNumbers.nik().substring(0, 15) + "X"))).then().statusCode(422);
            RealPeers.stopRenewal();
            try {
                RegionalSystems.lookup(client.token(), List.of(Map.of("nip", holderNumbers.nip()))).then().statusCode(503);
            } finally {
                RealPeers.startRenewal();
            }
            Api.as(client.token()).body(Map.of("people", List.of(fresh, invalid,
                            Map.of("eventId", "simpeg-" + UUID.randomUUID(), "nip", holderNumbers.nip(), "nik", busyNumbers.nik(),
                            "position", "Lurah"))))
                    .post(RegionalSystems.SYNC).then().statusCode(200);
            Mails.lastTo((String) fresh.get("email"), "EMAIL_VERIFICATION");
        } finally {
            root.removeHandler(capture);
        }
        List<String> ours = capture.lines.stream().filter(l -> !l.startsWith("io.zonky.")).toList();
        assertThat(ours).as("the peer outage was logged").anyMatch(l -> l.contains("status lookup"));
        assertThat(ours).noneMatch(l -> numbers.stream().anyMatch(l::contains) || l.contains("81234567890"));
    }

    private void race(List<String> personalNumbers) throws Exception {
        Fixtures.Inst inst = fixtures.institution();
        Map<String, Object> template = Api.registration(inst);
        personalNumbers.add((String) template.get("nik"));
        personalNumbers.add((String) template.get("nip"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Map<String, Object> body = new LinkedHashMap<>(template);
                body.put("email", "race-" + UUID.randomUUID().toString().substring(0, 8) + "@" + inst.domain());
                results.add(pool.submit(() -> anonymous().body(body).post("/api/v1/applicants/registrations").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnlyOnce(201).containsAnyOf(409, 422).doesNotContain(500);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> databaseRefusals(Capture capture) {
        return capture.lines.stream().filter(l -> !l.startsWith("io.zonky.") && l.contains("applicant_nik_uk")).toList();
    }

    /** Every log record of the application, formatted with its stack trace. */
    static final class Capture extends Handler {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord r) {
            String message = r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
            StringWriter trace = new StringWriter();
            if (r.getThrown() != null) {
                r.getThrown().printStackTrace(new PrintWriter(trace));
            }
            lines.add(r.getLoggerName() + " " + message + " " + trace);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
