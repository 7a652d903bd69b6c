package id.go.kapuaskab.sertel.applicant;

import static id.go.kapuaskab.sertel.applicant.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
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

/** NIK, NIP and phone numbers never reach the logs, not even when the database refuses a duplicate key. */
@QuarkusTest
class PiiLoggingTest {

    @Inject
    Fixtures fixtures;

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
