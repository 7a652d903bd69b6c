package id.go.kapuaskab.sertel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes bench/RESULTS.md from measured rows only: nothing in it is typed by hand. */
public final class ResultsFile {

    private ResultsFile() {
    }

    /**
     * Writes the table and notes; {@code profiling}, when present, is appended as the section "Profiles and what
     * changed" (bench/PROFILING.md: what a profile showed where a target was missed, with before/after figures).
     */
    public static void write(Path file, Machine machine, List<Row> rows, List<String> notes, String command, Path profiling)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n")
                .append("Written by `").append(command).append("`; do not edit by hand.\n\n")
                .append("| machine | |\n|---|---|\n")
                .append("| date | ").append(machine.date()).append(" |\n")
                .append("| cores (nproc) | ").append(machine.cores()).append(" |\n")
                .append("| CPU | ").append(machine.cpu()).append(" |\n")
                .append("| Java | ").append(machine.java()).append(" |\n")
                .append("| OS | ").append(machine.os()).append(" |\n\n")
                .append("Each figure is the median of at least 3 runs, with the range (min–max) in brackets. Load runs are closed-loop after a warm-up, on loopback, with the load generator on the same 2 cores as the services.\n\n")
                .append("| scenario | variant | ours | peer (same run) | peer figure | ratio | target | met |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.scenario()).append(" | ").append(r.variant()).append(" | ").append(r.ours().render())
                    .append(" | ").append(r.peerName() == null ? "(none)" : r.peerName())
                    .append(" | ").append(r.peer() == null ? "—" : r.peer().render())
                    .append(" | ").append(r.ratio())
                    .append(" | ").append(r.target())
                    .append(" | ").append(r.met() == null ? "—" : r.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        md.append("\n## Notes\n\n");
        for (Row r : rows) {
            if (r.note() != null && !r.note().isBlank()) {
                md.append("- ").append(r.scenario()).append(", ").append(r.variant()).append(": ").append(r.note()).append('\n');
            }
        }
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        if (profiling != null && Files.exists(profiling)) {
            md.append("\n## Profiles and what changed\n\n").append(Files.readString(profiling));
        }
        Files.writeString(file, md.toString());
    }
}
