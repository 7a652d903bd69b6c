package id.go.kapuaskab.sertel.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.sertel.notification.service.ReminderWindows.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderWindowsTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    final ReminderWindows windows = new ReminderWindows(List.of(7, 30, 0, 14, 1), WIB);

    @Test
    void windowsOfOneDayAreDisjointAndCoverTodayToThirtyDaysAhead() {
        List<Window> today = windows.on(LocalDate.of(2027, 3, 1));
        assertThat(today).extracting(Window::days).containsExactly(30, 14, 7, 1, 0);
        assertThat(today.get(0)).isEqualTo(new Window(30, Instant.parse("2027-03-15T17:00:00Z"), Instant.parse("2027-03-31T17:00:00Z")));
        assertThat(today.get(4)).isEqualTo(new Window(0, Instant.parse("2027-02-28T17:00:00Z"), Instant.parse("2027-03-01T17:00:00Z")));
        for (int i = 1; i < today.size(); i++) {
            assertThat(today.get(i).to()).isEqualTo(today.get(i - 1).from());
        }
    }

    @Test
    void aCertificateIsInExactlyOneWindowPerDayUntilItsExpiryDay() {
        Instant notAfter = Instant.parse("2027-04-10T03:00:00Z");
        for (LocalDate day = LocalDate.of(2027, 2, 1); day.isBefore(LocalDate.of(2027, 4, 20)); day = day.plusDays(1)) {
            long inside = windows.on(day).stream().filter(w -> !notAfter.isBefore(w.from()) && notAfter.isBefore(w.to())).count();
            boolean inRange = !day.isBefore(LocalDate.of(2027, 3, 11)) && !day.isAfter(LocalDate.of(2027, 4, 10));
            assertThat(inside).as(day.toString()).isEqualTo(inRange ? 1 : 0);
        }
    }

    @Test
    void daysAreCalendarDaysInWib() {
        // 23:30 WIB on 9 April is still the 9th in Jakarta although it is the 9th 16:30 UTC
        Instant lateEvening = Instant.parse("2027-04-09T16:30:00Z");
        assertThat(windows.expiryDate(lateEvening)).isEqualTo(LocalDate.of(2027, 4, 9));
        assertThat(windows.daysLeft(Instant.parse("2027-04-02T00:00:00Z"), lateEvening)).isEqualTo(7);
        assertThat(windows.dueAt(7, lateEvening)).isEqualTo(Instant.parse("2027-04-01T17:00:00Z"));
    }

    @Test
    void withoutTheDayOfExpiryTheLastWindowIsOneDayWide() {
        ReminderWindows noZero = new ReminderWindows(List.of(30, 1), WIB);
        assertThat(noZero.on(LocalDate.of(2027, 3, 1)).get(1))
                .isEqualTo(new Window(1, Instant.parse("2027-03-01T17:00:00Z"), Instant.parse("2027-03-02T17:00:00Z")));
    }

    @Test
    void refusesNegativeOrMissingThresholds() {
        assertThatThrownBy(() -> new ReminderWindows(List.of(-1), WIB)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderWindows(List.of(), WIB)).isInstanceOf(IllegalArgumentException.class);
    }
}
