package id.go.kapuaskab.sertel.bench.scenario;

import id.go.kapuaskab.sertel.bench.BenchContext;
import id.go.kapuaskab.sertel.bench.Figure;
import id.go.kapuaskab.sertel.bench.Row;
import id.go.kapuaskab.sertel.bench.Scenario;
import id.go.kapuaskab.sertel.bench.notification.OutboxDrainBenchmark;
import java.util.Collections;
import java.util.List;

/**
 * 10,000 due expiry reminders delivered to a local SMTP server by the packaged notification-service, planned by one
 * reminder run and drained three times (the backlog is reset in between), with as many SMTP connections as the
 * service's outbox senders. The set-up is notification-service's own benchmark ({@link OutboxDrainBenchmark}): a
 * durable PostgreSQL, GreenMail, and the peers' contracts served in-process so that only the drain is measured.
 */
public final class ReminderDrain implements Scenario {

    static final int PARALLELISM = 64;

    @Override
    public String key() {
        return "reminders";
    }

    @Override
    public List<Row> run(BenchContext ctx) throws Exception {
        int reminders = ctx.quick() ? 1_000 : 10_000;
        OutboxDrainBenchmark.Report report = OutboxDrainBenchmark.run(ctx.project(), reminders,
                Collections.nCopies(ctx.runs(), PARALLELISM));
        report.drains().forEach(d -> BenchContext.log("reminder drain: " + d));
        Figure rate = Figure.of(report.drains().stream().map(OutboxDrainBenchmark.Drain::mailsPerSecond).toList(), "mails/s");
        long extraAttempts = report.drains().stream().mapToLong(d -> d.attempts() - d.mails()).sum();
        return List.of(new Row("Reminder drain", String.format("%,d due reminders, %d SMTP connections", reminders, PARALLELISM), rate, null, null,
                true, "≥ 200 mails/s", rate.median() >= 200,
                String.format("planning the backlog (one reminder run) took %.1f s; %d attempts beyond one per mail", report.planSeconds(),
                        extraAttempts)));
    }
}
