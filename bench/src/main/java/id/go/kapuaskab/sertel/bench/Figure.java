package id.go.kapuaskab.sertel.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The median of repeated runs with their minimum and maximum, in one unit. */
public record Figure(double median, double min, double max, String unit) {

    public static Figure of(List<Double> runs, String unit) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        List<Double> sorted = new ArrayList<>(runs);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Figure(median, sorted.get(0), sorted.get(n - 1), unit);
    }

    public String render() {
        return format(median) + " " + unit + " (" + format(min) + "–" + format(max) + ")";
    }

    static String format(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
