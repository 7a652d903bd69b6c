package id.go.kapuaskab.sertel.journey;

import java.util.Locale;

/** Seconds as people read them in a timeline: "0.4 dtk", "1 mnt 05 dtk", standard times as "0.3 mnt" like the SOP. */
final class Durations {

    private Durations() {
    }

    static String actual(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f dtk", seconds);
        }
        long s = Math.round(seconds);
        return s < 60 ? s + " dtk" : String.format(Locale.ROOT, "%d mnt %02d dtk", s / 60, s % 60);
    }

    /** The SOP writes its standard times in minutes, 0.3 for 18 seconds. */
    static String standard(double seconds) {
        double minutes = seconds / 60.0;
        return minutes == Math.rint(minutes) ? String.format(Locale.ROOT, "%d mnt", (long) minutes)
                : String.format(Locale.ROOT, "%.1f mnt", minutes);
    }
}
