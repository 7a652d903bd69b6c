package id.go.kapuaskab.sertel.notification.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which threshold each certificate is in today, in calendar days of the office's zone (WIB).
 *
 * <p>Threshold {@code d} is reached at the start of the day {@code d} days before the expiry date and stays the
 * current one until the next, more urgent threshold is reached. So each day every certificate is in at most one
 * window, the windows of one day never overlap, and a run after days of downtime finds a certificate only in its
 * most urgent reached threshold: the stale ones it missed are not sent as a burst. The last threshold ends with its
 * own day (for 0: the day of expiry).
 */
public final class ReminderWindows {

    /** Certificates expiring in {@code [from, to)} are in threshold {@code days} today. */
    public record Window(int days, Instant from, Instant to) {
    }

    private final List<Integer> thresholds;
    private final ZoneId zone;

    public ReminderWindows(List<Integer> thresholds, ZoneId zone) {
        TreeSet<Integer> sorted = new TreeSet<>(java.util.Comparator.reverseOrder());
        for (Integer t : thresholds) {
            if (t == null || t < 0) {
                throw new IllegalArgumentException("Thresholds are days before expiry, 0 or more: " + thresholds);
            }
            sorted.add(t);
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("At least one reminder threshold is needed");
        }
        this.thresholds = List.copyOf(sorted);
        this.zone = zone;
    }

    /** Most distant first, e.g. 30, 14, 7, 1, 0. */
    public List<Integer> thresholds() {
        return thresholds;
    }

    public List<Window> on(LocalDate today) {
        List<Window> windows = new ArrayList<>(thresholds.size());
        for (int i = 0; i < thresholds.size(); i++) {
            int days = thresholds.get(i);
            int nextDays = i + 1 < thresholds.size() ? thresholds.get(i + 1) : days - 1;
            LocalDate firstExpiryDate = today.plusDays(nextDays + 1L);
            LocalDate lastExpiryDate = today.plusDays(days);
            windows.add(new Window(days, firstExpiryDate.atStartOfDay(zone).toInstant(),
                    lastExpiryDate.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return windows;
    }

    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    public LocalDate expiryDate(Instant notAfter) {
        return LocalDate.ofInstant(notAfter, zone);
    }

    /** The moment a threshold was reached for this certificate: the start of that day in the office's zone. */
    public Instant dueAt(int days, Instant notAfter) {
        return expiryDate(notAfter).minusDays(days).atStartOfDay(zone).toInstant();
    }

    /** Calendar days from today to the expiry date (0 on the day of expiry). */
    public long daysLeft(Instant now, Instant notAfter) {
        return ChronoUnit.DAYS.between(today(now), expiryDate(notAfter));
    }
}
