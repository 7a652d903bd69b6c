package id.go.kapuaskab.sertel.journey;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints the journey for a person at a terminal: chapters, SOP steps with their Indonesian names and standard times,
 * each call ({@code →} what was sent, {@code ←} what came back), mails as received, openssl's verdicts, and the
 * timeline tables. With {@code color} on, ANSI colours mark steps, answers and refusals.
 */
public final class TerminalNarrator implements Narrator {

    private static final int MAIL_LINES = 18;

    private final PrintStream out;
    private final boolean color;

    public TerminalNarrator(PrintStream out, boolean color) {
        this.out = out;
        this.color = color;
    }

    @Override
    public void chapter(String title) {
        out.println();
        out.println(paint("1", "══ " + title + " " + "═".repeat(Math.max(3, 100 - title.length()))));
    }

    @Override
    public void step(SopStep step) {
        out.println();
        String standard = step.standard().isZero() ? "" : "  [" + step.actor() + ", mutu baku " + Durations.standard(step.standard().toMillis() / 1000.0) + "]";
        out.println(paint("1;36", "── Langkah " + step.number() + " · " + step.nameId()) + paint("36", standard));
    }

    @Override
    public void say(String text) {
        out.println("   " + text);
    }

    @Override
    public void note(String text) {
        out.println(paint("2", "   · " + text));
    }

    @Override
    public void exchange(Call call, Answer answer) {
        String who = call.session() == null ? "" : "  (" + call.session().label() + ")";
        String sent = call.shownBody().isEmpty() ? "" : "  " + Summaries.shorten(call.shownBody(), 110);
        out.println(paint("2", "   → ") + call.method() + " " + call.path() + paint("2", who + sent));
        int s = answer.status();
        String code = s < 300 ? "32" : s < 500 ? "33" : "31";
        out.println(paint("2", "   ← ") + paint(code, Integer.toString(s)) + " " + Summaries.shorten(Summaries.ofResponse(answer), 140));
    }

    @Override
    public void mail(Mail mail, boolean full) {
        out.println(paint("35", "   ✉ to " + String.join(", ", mail.to()) + "  " + mail.date()));
        out.println(paint("35", "   │ ") + paint("1", "Subject: " + mail.subject()));
        if (!full) {
            return;
        }
        List<String> lines = mail.text().strip().lines().toList();
        lines.stream().limit(MAIL_LINES).forEach(l -> out.println(paint("35", "   │ ") + l));
        if (lines.size() > MAIL_LINES) {
            out.println(paint("35", "   │ ") + paint("2", "… (" + (lines.size() - MAIL_LINES) + " more lines)"));
        }
    }

    @Override
    public void openssl(String command, List<String> verdict) {
        out.println(paint("2", "   $ ") + command);
        verdict.forEach(l -> out.println(paint("32", "     " + l.strip())));
    }

    @Override
    public void timeline(String title, List<TimelineRow> rows) {
        out.println();
        out.println(paint("1", "   " + title));
        String format = "   %-2s %-58s %-22s %10s %10s  %s%n";
        out.printf(format, "#", "Langkah (SOP)", "Pelaksana", "Waktu", "Mutu baku", "Status");
        out.println("   " + "─".repeat(118));
        for (TimelineRow r : rows) {
            String within = r.withinStandard() == null ? "" : r.withinStandard() ? " ✓" : " ✗ melebihi";
            out.printf(format, r.step(), Summaries.shorten(r.nameId(), 58), Summaries.shorten(r.actor() == null ? "—" : r.actor(), 22),
                    r.durationSeconds() == null ? "—" : Durations.actual(r.durationSeconds()), Durations.standard(r.standardSeconds()),
                    r.status().toLowerCase(Locale.ROOT).replace('_', ' ') + within);
            if (r.note() != null && !r.note().isBlank()) {
                out.println(paint("2", "      " + Summaries.shorten(r.note(), 110)));
            }
        }
    }

    private String paint(String ansi, String text) {
        return color ? "\u001b[" + ansi + "m" + text + "\u001b[0m" : text;
    }
}
