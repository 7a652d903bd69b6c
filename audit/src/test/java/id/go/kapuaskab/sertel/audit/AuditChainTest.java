package id.go.kapuaskab.sertel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.sertel.audit.VerificationReport.Finding;
import id.go.kapuaskab.sertel.audit.VerificationReport.Kind;
import id.go.kapuaskab.sertel.testsupport.PostgresTestResource;
import id.go.kapuaskab.sertel.testsupport.TestIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chain on a real PostgreSQL: appends, concurrency, the triggers, and what the verification finds and names. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sertel_audit"))
@WithTestResource(TestIssuer.class)
class AuditChainTest {

    @Inject
    AuditTrail trail;

    @Inject
    AuditVerifier verifier;

    @Inject
    Checkpoints checkpoints;

    @Inject
    ScheduledVerification scheduled;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Inject
    AgroalDataSource db;

    Tamper tamper = new Tamper(PostgresTestResource.jdbcUrl("sertel_audit"));

    @BeforeEach
    void emptyTrail() {
        tamper.empty();
    }

    @Test
    void recordsChainOneAfterTheOtherAndVerifyIntact() throws Exception {
        List<AuditStore.Appended> appended = appendMany(5);
        assertThat(appended).extracting(AuditStore.Appended::lane).containsOnly(0);
        assertThat(appended).extracting(AuditStore.Appended::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        List<AuditRecord> records = records();
        byte[] previous = AuditCodec.genesis();
        for (AuditRecord r : records) {
            assertThat(r.prevHash()).isEqualTo(previous);
            assertThat(r.hash()).as("PostgreSQL's hash equals the Java encoding's").isEqualTo(AuditCodec.expectedHash(r));
            previous = r.hash();
        }
        VerificationReport report = verifier.verify(List.of());
        assertThat(report.intact()).isTrue();
        assertThat(report.records()).isEqualTo(5);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aRolledBackDecisionLeavesNoRecordAndNoGap() {
        appendMany(2);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            trail.append(entry("rolled back"));
            throw new IllegalStateException("the decision failed");
        })).isInstanceOf(IllegalStateException.class);
        appendMany(1);
        assertThat(records()).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(verifier.verify(List.of()).intact()).isTrue();
    }

    @Test
    void concurrentDecisionsKeepEveryLaneGaplessAndLinkedAndATransactionInOneLane() throws Exception {
        int threads = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    int n = i;
                    QuarkusTransaction.requiringNew().run(() -> {
                        trail.append(entry("thread " + thread + " first " + n));
                        trail.append(entry("thread " + thread + " second " + n));   // same transaction: same lane
                    });
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        List<AuditRecord> records = records();
        assertThat(records).hasSize(threads * each * 2);
        // how many lanes the threads happened to use depends on the scheduler; that a held lane sends the next
        // append to another is shown deterministically by anAppendNowInsideATransactionThatHoldsALaneDoesNotWaitForIt
        for (int i = 0; i < records.size(); i += 1) {
            AuditRecord r = records.get(i);
            if (r.detail().contains("first")) {
                AuditRecord second = records.stream().filter(o -> o.detail().equals(r.detail().replace("first", "second"))).findFirst().orElseThrow();
                assertThat(second.lane()).as("one transaction, one lane").isEqualTo(r.lane());
            }
        }
        VerificationReport report = verifier.verify(List.of());
        assertThat(report.findings()).isEmpty();
        assertThat(report.lanes()).allSatisfy(l -> assertThat(l.lastSeq()).isEqualTo(l.records()).isEqualTo(l.headSeq()));
    }

    @Test
    void anAppendNowInsideATransactionThatHoldsALaneDoesNotWaitForIt() {
        QuarkusTransaction.requiringNew().run(() -> {
            AuditStore.Appended outer = trail.append(entry("outer"));
            AuditStore.Appended inner = trail.appendNow(entry("refusal, committed on its own"));
            assertThat(inner.lane()).isNotEqualTo(outer.lane());
        });
        assertThat(verifier.verify(List.of()).intact()).isTrue();
    }

    @Test
    void aStagedRecordRidesInTheCallersStatementOnlyWhenItsGuardReturnsARow() {
        QuarkusTransaction.requiringNew().run(() -> {
            AuditTrail.Staged refused = trail.stage(entry("guard empty"), "decided");
            assertThat(runStaged(refused, false)).as("nothing written, no lane taken").isFalse();
            AuditTrail.Staged taken = trail.stage(entry("guard returned a row"), "decided");
            assertThat(runStaged(taken, true)).isTrue();
            taken.ensureWritten();                                                     // written already: no second record
            AuditStore.Appended later = trail.append(entry("later in the same transaction"));
            assertThat(later.seq()).as("the staged record's lane is held by this transaction").isEqualTo(2L);
        });
        assertThat(records()).extracting(AuditRecord::detail)
                .containsExactly("{\"note\":\"guard returned a row\"}", "{\"note\":\"later in the same transaction\"}");
        assertThat(records()).allSatisfy(r -> assertThat(r.hash()).isEqualTo(AuditCodec.expectedHash(r)));
        assertThat(verifier.verify(List.of()).intact()).isTrue();
    }

    @Test
    void aStagedRecordThatFoundEveryLaneHeldIsAppendedOnceOneIsFree() throws Exception {
        int lanes = 4;                                                                 // sertel.audit.lanes of the tests
        ExecutorService pool = Executors.newFixedThreadPool(lanes);
        CountDownLatch holding = new CountDownLatch(lanes);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> holders = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            int n = i;
            holders.add(pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                trail.append(entry("holder " + n));
                holding.countDown();
                await(release);
            })));
        }
        try {
            assertThat(holding.await(1, TimeUnit.MINUTES)).isTrue();
            QuarkusTransaction.requiringNew().run(() -> {
                AuditTrail.Staged staged = trail.stage(entry("staged while every lane was held"), "decided");
                assertThat(runStaged(staged, true)).as("every lane held: skipped, not waited for").isFalse();
                release.countDown();
                staged.ensureWritten();
            });
        } finally {
            release.countDown();
            for (Future<?> f : holders) {
                f.get(1, TimeUnit.MINUTES);
            }
            pool.shutdown();
        }
        assertThat(records()).extracting(AuditRecord::detail).filteredOn(d -> d.contains("staged")).hasSize(1);
        assertThat(records()).hasSize(lanes + 1);
        assertThat(verifier.verify(List.of()).intact()).isTrue();
    }

    /** A caller's statement with the member {@code decided} (a row or none) and the staged append; whether it wrote. */
    private boolean runStaged(AuditTrail.Staged staged, boolean decided) {
        try (Connection c = db.getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("WITH decided AS (SELECT 1 AS one WHERE ?),\n" + staged.members()
                     + "\nSELECT " + staged.result())) {
            s.setBoolean(1, decided);
            staged.bind(s, 2);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                boolean written = rs.getObject(1) != null;
                staged.read(rs, 1);
                return written;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(1, TimeUnit.MINUTES)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncateOfRecordsAndCheckpoints() {
        appendMany(2);
        checkpoints.sign();
        for (String sql : List.of("UPDATE audit_record SET outcome = 'X'", "DELETE FROM audit_record", "TRUNCATE audit_record",
                "UPDATE audit_checkpoint SET statement = 'x'", "DELETE FROM audit_checkpoint", "TRUNCATE audit_checkpoint",
                "DELETE FROM audit_head", "UPDATE audit_head SET seq = 0")) {
            assertThatThrownBy(() -> tamper.plain(sql)).as(sql).hasMessageContaining("audit");
        }
        assertThat(records()).hasSize(2);
    }

    @Test
    void anEditedRecordIsNamed() {
        appendMany(5);
        AuditRecord third = records().get(2);
        tamper.sql("UPDATE audit_record SET detail = '{\"note\":\"nothing happened\"}' WHERE id = " + third.id());
        List<Finding> findings = verifier.verify(List.of()).findings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.CHANGED);
            assertThat(f.recordId()).isEqualTo(third.id());
            assertThat(f.seq()).isEqualTo(3L);
            assertThat(f.lane()).isEqualTo(third.lane());
        });
    }

    @Test
    void theScheduledVerificationFindsAChangeWithoutAnAuditorAndSetsTheAlertsMetric() {
        appendMany(3);
        assertThat(scheduled.run()).hasValueSatisfying(r -> assertThat(r.intact()).isTrue());
        assertThat(registry.get("sertel.audit.verification.findings").gauge().value()).isZero();

        tamper.sql("UPDATE audit_record SET outcome = 'NOTHING' WHERE id = " + records().get(1).id());

        assertThat(scheduled.run()).hasValueSatisfying(r -> assertThat(r.findings()).extracting(Finding::kind).containsExactly(Kind.CHANGED));
        assertThat(registry.get("sertel.audit.verification.findings").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void aDeletedRecordIsNamedBySequenceNumber() {
        appendMany(5);
        List<AuditRecord> before = records();
        tamper.sql("DELETE FROM audit_record WHERE id = " + before.get(1).id());
        List<Finding> findings = verifier.verify(List.of()).findings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.DELETED);
            assertThat(f.seq()).isEqualTo(2L);
            assertThat(f.toSeq()).isEqualTo(2L);
            assertThat(f.detail()).contains("record " + before.get(0).id()).contains("record " + before.get(2).id());
        });
    }

    @Test
    void recordsCutOffTheEndAreNamed() {
        appendMany(6);
        tamper.sql("DELETE FROM audit_record WHERE seq > 4");
        assertThat(verifier.verify(List.of()).findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.TRUNCATED);
            assertThat(f.seq()).isEqualTo(5L);
            assertThat(f.toSeq()).isEqualTo(6L);
        });
    }

    @Test
    void aTruncatedTableIsNamedLaneByLane() {
        appendMany(3);
        tamper.sql("TRUNCATE audit_record");
        VerificationReport report = verifier.verify(List.of());
        assertThat(report.intact()).isFalse();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.TRUNCATED);
            assertThat(f.seq()).isEqualTo(1L);
            assertThat(f.toSeq()).isEqualTo(3L);
            assertThat(f.detail()).contains("the lane is empty");
        });
    }

    @Test
    void aRewrittenChainWithFreshHashesIsCaughtByTheCheckpointThatCoveredIt() throws Exception {
        appendMany(4);
        checkpoints.sign().orElseThrow();
        List<AuditRecord> records = records();
        AuditRecord second = records.get(1);
        // edit record 2 and recompute its hash and every hash after it, as a careful attacker would
        tamper.sql("UPDATE audit_record SET outcome = 'REFUSED' WHERE id = " + second.id());
        byte[] previous = records.get(0).hash();
        for (AuditRecord r : records().subList(1, 4)) {
            byte[] hash = AuditCodec.hash(previous, r.lane(), r.seq(), AuditCodec.payload(r));
            tamper.sql("UPDATE audit_record SET prev_hash = '\\x" + hex(previous) + "', hash = '\\x" + hex(hash) + "' WHERE id = " + r.id());
            previous = hash;
        }
        tamper.sql("UPDATE audit_head SET prev_hash = hash, hash = '\\x" + hex(previous) + "' WHERE lane = 0");
        List<Finding> findings = verifier.verify(List.of()).findings();
        assertThat(findings).extracting(Finding::kind).containsOnly(Kind.CHECKPOINT_MISMATCH);
        assertThat(findings).extracting(Finding::seq).contains(4L);
    }

    @Test
    void newestRecordsRemovedTogetherWithTheHeadCountAreFoundByACheckpointTheAuditorKept() {
        appendMany(3);
        Checkpoint kept = checkpoints.sign().orElseThrow();
        appendMany(2);
        // delete the last three records and the checkpoint, and set the head back to record 2
        AuditRecord second = records().get(1);
        tamper.sql("DELETE FROM audit_record WHERE seq > 2", "DELETE FROM audit_checkpoint",
                "UPDATE audit_head SET seq = 2, hash = '\\x" + hex(second.hash()) + "' WHERE lane = 0");
        assertThat(verifier.verify(List.of()).intact()).as("nothing left in the database tells").isTrue();
        String signature = java.util.Base64.getEncoder().encodeToString(kept.signature());
        VerificationReport report = verifier.verify(List.of(new AuditVerifier.Supplied(kept.statement(), signature)));
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.TRUNCATED);
            assertThat(f.seq()).isEqualTo(3L);
            assertThat(f.detail()).contains("a signed checkpoint counts 3");
        });
        VerificationReport forged = verifier.verify(List.of(new AuditVerifier.Supplied(kept.statement().replace("seq 3", "seq 9"), signature)));
        assertThat(forged.findings()).extracting(Finding::kind).containsExactly(Kind.CHECKPOINT_SIGNATURE);
    }

    @Test
    void aChangedOrDeletedCheckpointIsNamed() {
        appendMany(1);
        Checkpoint first = checkpoints.sign().orElseThrow();
        appendMany(1);
        Checkpoint second = checkpoints.sign().orElseThrow();
        appendMany(1);
        Checkpoint third = checkpoints.sign().orElseThrow();
        assertThat(checkpoints.sign()).as("nothing new to sign").isEmpty();
        assertThat(verifier.verify(List.of()).intact()).isTrue();

        tamper.sql("UPDATE audit_checkpoint SET statement = replace(statement, 'seq 1 ', 'seq 7 ') WHERE id = " + first.id());
        assertThat(verifier.verify(List.of()).findings()).extracting(Finding::kind, Finding::checkpointId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.CHECKPOINT_SIGNATURE, first.id()),
                        org.assertj.core.groups.Tuple.tuple(Kind.CHECKPOINT_CHAIN, second.id()));
        tamper.sql("UPDATE audit_checkpoint SET statement = '" + first.statement() + "' WHERE id = " + first.id(),
                "DELETE FROM audit_checkpoint WHERE id = " + second.id());
        assertThat(verifier.verify(List.of()).findings()).extracting(Finding::kind, Finding::checkpointId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.CHECKPOINT_CHAIN, third.id()));
    }

    @Test
    void personalNumbersEnterTheTrailMasked() {
        QuarkusTransaction.requiringNew().run(() -> trail.append(AuditEntry.of("DATA_CHANGED", "DONE").subject("a")
                .detail("nik", "6203015208900001").detail("changes", java.util.Map.of("phoneNumber", "081234567890", "unit", "Bidang Persandian"))
                .text("note", "ditelepon ke 0812-3456-7891 sesuai SK 2026-12-05 nomor 800/123")));
        String detail = records().get(0).detail();
        assertThat(detail).doesNotContain("6203015208900001").doesNotContain("081234567890").contains("0001").contains("7890")
                .contains("Bidang Persandian").doesNotContain("3456").contains("7891").contains("SK 2026-12-05 nomor 800/123");
    }

    private List<AuditStore.Appended> appendMany(int n) {
        List<AuditStore.Appended> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int number = i;
            out.add(QuarkusTransaction.requiringNew().call(() -> trail.append(entry("record " + number))));
        }
        return out;
    }

    static AuditEntry entry(String note) {
        return AuditEntry.of("TEST", "DONE").actor("3f6c1b1e-8c1d-4a34-9a63-1c2b7c0d9e11", "ADMIN").subject("subject-1").detail("note", note);
    }

    private List<AuditRecord> records() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<AuditRecord> out = new ArrayList<>();
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(AuditReads.COLUMNS + "ORDER BY lane, seq")) {
                while (rs.next()) {
                    out.add(AuditReads.read(rs));
                }
            }
            return out;
        });
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
