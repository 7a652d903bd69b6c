package id.go.kapuaskab.sertel.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** When and for which thresholds expiry reminders go out. */
@ConfigMapping(prefix = "sertel.reminders")
public interface ReminderConfig {

    /**
     * {@code sertel.reminders.cron}, default {@code 0 0 7 * * ?}: when the daily run starts, in {@link #timeZone()};
     * {@code off} disables it (the start-up catch-up and the admin trigger still work).
     */
    @WithDefault("0 0 7 * * ?")
    String cron();

    /** {@code sertel.reminders.time-zone}, default {@code Asia/Jakarta}: the zone of the cron, of calendar days and of the times in mails (WIB). */
    @WithDefault("Asia/Jakarta")
    ZoneId timeZone();

    /** {@code sertel.reminders.thresholds}, default {@code 30,14,7,1,0}: days before the expiry date; 0 is the day of expiry. */
    @WithDefault("30,14,7,1,0")
    List<Integer> thresholds();

    /** {@code sertel.reminders.catch-up-at-start}, default {@code true}: run once shortly after start-up, so a day the service was down is caught up. */
    @WithDefault("true")
    boolean catchUpAtStart();

    /** {@code sertel.reminders.catch-up-delay}, default {@code PT20S}: how long after start-up the catch-up run begins. */
    @WithDefault("PT20S")
    Duration catchUpDelay();

    /** {@code sertel.reminders.retry-every}, default {@code 15m}: how often a run that could not finish (a peer was down) is tried again; {@code off} disables it. */
    @WithDefault("15m")
    String retryEvery();

    /** {@code sertel.reminders.page-size}, default {@code 200}: certificates read per page of the expiring view (at most 1000). */
    @WithDefault("200")
    int pageSize();

    /**
     * {@code sertel.reminders.recheck-after}, default {@code PT10M}: a reminder that waited longer than this in the outbox
     * (back-off, backlog) has its certificate's status checked again just before it is sent.
     */
    @WithDefault("PT10M")
    Duration recheckAfter();
}
