package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.config.ReminderConfig;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * When reminder runs happen: daily by cron (07:00 WIB by default), once shortly after start-up (so a day the
 * service was down is caught up), again every quarter of an hour while the last run could not finish, and when an
 * admin asks. One run at a time per replica; replicas may overlap freely, the ledger keeps them apart.
 */
@ApplicationScoped
public class ReminderScheduler {

    private static final Logger LOG = Logger.getLogger(ReminderScheduler.class);

    private final ReminderPlanner planner;
    private final ReminderConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean unfinished = new AtomicBoolean();

    ReminderScheduler(ReminderPlanner planner, ReminderConfig config) {
        this.planner = planner;
        this.config = config;
    }

    @Scheduled(cron = "{sertel.reminders.cron}", timeZone = "{sertel.reminders.time-zone}", identity = "reminders-daily",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        runQuietly("daily");
    }

    @Scheduled(every = "{sertel.reminders.retry-every}", delayed = "60s", identity = "reminders-retry",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryUnfinished() {
        if (unfinished.get()) {
            runQuietly("retry of an unfinished run");
        }
    }

    void catchUp(@Observes StartupEvent event) {
        if (config.catchUpAtStart()) {
            CompletableFuture.runAsync(() -> runQuietly("start-up catch-up"),
                    CompletableFuture.delayedExecutor(config.catchUpDelay().toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /** Runs now, for the admin trigger; a run already going on this replica is a conflict. */
    public ReminderPlanner.Summary runNow() {
        if (!running.compareAndSet(false, true)) {
            throw DomainException.conflict("reminders.run-in-progress");
        }
        try {
            ReminderPlanner.Summary summary = planner.run();
            unfinished.set(!summary.complete());
            return summary;
        } finally {
            running.set(false);
        }
    }

    private void runQuietly(String why) {
        try {
            LOG.infof("Reminder run (%s)", why);
            runNow();
        } catch (DomainException e) {
            LOG.infof("Reminder run (%s) not started: another run is going on", why);
        } catch (RuntimeException e) {
            unfinished.set(true);
            LOG.errorf(e, "Reminder run (%s) failed; retried later", why);
        }
    }
}
