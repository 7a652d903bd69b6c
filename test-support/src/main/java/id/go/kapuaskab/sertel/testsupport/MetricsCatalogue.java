package id.go.kapuaskab.sertel.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The root README's metrics table ("### Metrics" under "## Operations") as the list of what each service exports:
 * every service's test scrapes its own {@code /q/metrics} and checks both ways that the table and the scrape agree
 * (each row of the service is exported, with its labels; each {@code sertel_*} meter exported is in the table), and
 * the deploy tests check that every alert and dashboard query names only metrics of the table.
 */
public final class MetricsCatalogue {

    /** One row: the metric's Prometheus name (a histogram or timer by its base name), its labels, who exports it. */
    public record Row(String metric, Set<String> labels, Set<String> services) {
    }

    public static final String HEADING = "### Metrics";
    public static final List<String> SERVICES = List.of("gateway", "applicant-service", "renewal-service", "certificate-service",
            "notification-service", "signing-service");
    private static final List<String> SERIES_SUFFIXES = List.of("_bucket", "_count", "_sum", "_max", "_created");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private MetricsCatalogue() {
    }

    /** The table of the README at {@code readme}. */
    public static List<Row> read(Path readme) {
        String text;
        try {
            text = Files.readString(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = text.indexOf("\n" + HEADING + "\n");
        if (at < 0) {
            throw new IllegalStateException(readme + " has no '" + HEADING + "' section");
        }
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        for (String line : text.substring(at + HEADING.length() + 2).split("\n")) {
            String l = line.strip();
            if (!l.startsWith("|")) {
                if (!rows.isEmpty() || !header) {
                    break;
                }
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            if (l.matches("\\|[-| :]+\\|")) {
                continue;
            }
            String[] cells = l.substring(1, l.length() - 1).split("\\|");
            rows.add(new Row(codes(cells[0]).get(0), new LinkedHashSet<>(codes(cells[1])), services(cells[2].strip())));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("The '" + HEADING + "' table of " + readme + " has no rows");
        }
        return rows;
    }

    /** The project's README, seen from a module directory (where Maven runs a module's tests). */
    public static List<Row> ofProject() {
        Path readme = Path.of("..", "README.md");
        return read(Files.exists(readme) ? readme : Path.of("README.md"));
    }

    /** The table's metric a series name belongs to ({@code x_bucket} of histogram {@code x} is {@code x}), else the name. */
    public static String base(String series, Set<String> known) {
        if (known.contains(series)) {
            return series;
        }
        for (String suffix : SERIES_SUFFIXES) {
            if (series.endsWith(suffix) && known.contains(series.substring(0, series.length() - suffix.length()))) {
                return series.substring(0, series.length() - suffix.length());
            }
        }
        return series;
    }

    /**
     * Checks a scrape of {@code service}'s {@code /q/metrics} against the table: every row of the service is exported
     * with (at least) its labels, and every {@code sertel_*} series exported belongs to a row of the service.
     */
    public static void assertExports(String service, String scrapeText) {
        List<Row> rows = ofProject();
        PrometheusScrape scrape = PrometheusScrape.parse(scrapeText);
        Set<String> known = new TreeSet<>();
        rows.forEach(r -> known.add(r.metric()));
        List<String> problems = new ArrayList<>();
        for (Row row : rows) {
            if (!row.services().contains(service)) {
                continue;
            }
            List<PrometheusScrape.Sample> samples = new ArrayList<>();
            for (String name : scrape.names()) {
                if (base(name, known).equals(row.metric())) {
                    samples.addAll(scrape.samples(name, java.util.Map.of()));
                }
            }
            if (samples.isEmpty()) {
                problems.add(row.metric() + " is in the README table for " + service + " but not exported");
            } else if (samples.stream().noneMatch(s -> s.labels().keySet().containsAll(row.labels()))) {
                problems.add(row.metric() + " is exported without the labels " + row.labels() + ": " + samples.get(0).labels().keySet());
            }
        }
        for (String name : scrape.names()) {
            String metric = base(name, known);
            if (metric.startsWith("sertel_") && rows.stream().noneMatch(r -> r.metric().equals(metric) && r.services().contains(service))) {
                problems.add(name + " is exported by " + service + " but not in the README's metrics table for it");
            }
        }
        assertThat(problems).as("README '%s' table against %s's /q/metrics", HEADING, service).isEmpty();
    }

    private static List<String> codes(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> services(String cell) {
        if (cell.equals("every service")) {
            return new LinkedHashSet<>(SERVICES);
        }
        if (cell.equals("Prometheus")) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : cell.split(",")) {
            String name = part.strip();
            if (!SERVICES.contains(name)) {
                throw new IllegalStateException("'" + name + "' in the metrics table is not a service (" + SERVICES + ")");
            }
            out.add(name);
        }
        return out;
    }
}
