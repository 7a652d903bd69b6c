package id.go.kapuaskab.sertel.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A scrape of {@code /q/metrics} in the Prometheus text format, read the way Prometheus reads it: every sample's name,
 * labels and value. Tests check that a meter exists with the labels operators query, and what it says.
 */
public final class PrometheusScrape {

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusScrape parse(String text) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int brace = l.indexOf('{');
            int space = l.indexOf(' ');
            String name;
            Map<String, String> labels = new LinkedHashMap<>();
            String rest;
            if (brace >= 0 && brace < space) {
                name = l.substring(0, brace);
                int end = labels(l, brace + 1, labels);
                rest = l.substring(end + 1).strip();
            } else {
                name = l.substring(0, space);
                rest = l.substring(space + 1).strip();
            }
            String value = rest.split(" ")[0];
            out.add(new Sample(name, labels, value.equals("NaN") ? Double.NaN : Double.parseDouble(value.replace("Inf", "Infinity"))));
        }
        return new PrometheusScrape(out);
    }

    /** Every sample name (histograms show up as their {@code _bucket}, {@code _sum} and {@code _count} series). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /** The samples of this name whose labels include all of {@code labels}. */
    public List<Sample> samples(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** The sum of those samples' values; 0 when there are none. */
    public double sum(String name, Map<String, String> labels) {
        return samples(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** The single sample's value; fails when there is none or more than one. */
    public double value(String name, Map<String, String> labels) {
        List<Sample> found = samples(name, labels);
        if (found.size() != 1) {
            throw new AssertionError("Expected one sample " + name + labels + ", found " + found);
        }
        return found.get(0).value();
    }

    private static int labels(String line, int from, Map<String, String> labels) {
        int i = from;
        while (line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String key = line.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;                                        // past ="
            while (line.charAt(j) != '"') {
                char c = line.charAt(j);
                if (c == '\\') {
                    char next = line.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                j++;
            }
            labels.put(key, value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i;
    }
}
