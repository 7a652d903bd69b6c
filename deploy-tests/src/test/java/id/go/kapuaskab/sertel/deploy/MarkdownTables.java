package id.go.kapuaskab.sertel.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the tables of the project's Markdown documents, so the tests check the manifests against what the docs say. */
final class MarkdownTables {

    private MarkdownTables() {
    }

    /**
     * The rows of the first table after the heading line {@code heading} (for example {@code ### Who may call whom}),
     * each as a map from the lower-cased header cell to the cell text.
     *
     * @throws IllegalArgumentException when the heading or a table under it is missing
     */
    static List<Map<String, String>> tableAfter(String markdown, String heading) {
        List<String> lines = markdown.lines().toList();
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equalsIgnoreCase(heading)) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw new IllegalArgumentException("No heading '" + heading + "'");
        }
        int start = at + 1;
        while (start < lines.size() && !lines.get(start).strip().startsWith("|")) {
            if (lines.get(start).startsWith("#")) {
                throw new IllegalArgumentException("No table under '" + heading + "' before the next heading");
            }
            start++;
        }
        if (start + 1 >= lines.size()) {
            throw new IllegalArgumentException("No table under '" + heading + "'");
        }
        List<String> header = cells(lines.get(start)).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        if (!lines.get(start + 1).matches("\\s*\\|[\\s|:-]+\\|\\s*")) {
            throw new IllegalArgumentException("The table under '" + heading + "' has no separator line");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).strip().startsWith("|"); i++) {
            List<String> cells = cells(lines.get(i));
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException("Row " + (i + 1) + " has " + cells.size() + " cells, the header " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The cells of one table line; a {@code |} inside backticks does not split. */
    static List<String> cells(String line) {
        String s = line.strip();
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        if (s.endsWith("|")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean code = false;
        for (char ch : s.toCharArray()) {
            if (ch == '`') {
                code = !code;
            }
            if (ch == '|' && !code) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /** The texts inside backticks of a cell, in order: {@code `a`, `b`} gives [a, b]. */
    static List<String> codeSpans(String cell) {
        List<String> spans = new ArrayList<>();
        Matcher m = Pattern.compile("`([^`]*)`").matcher(cell);
        while (m.find()) {
            spans.add(m.group(1).strip());
        }
        return spans;
    }
}
