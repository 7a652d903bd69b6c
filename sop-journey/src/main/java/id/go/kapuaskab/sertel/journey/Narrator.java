package id.go.kapuaskab.sertel.journey;

import java.util.List;

/**
 * Where the journey reports what it does, step by step. The demo prints it for people to follow
 * ({@link TerminalNarrator} on the console); the acceptance test writes the same narration to a transcript file and
 * keeps the console quiet. The journey's checks never depend on the narrator.
 */
public interface Narrator {

    /** A part of the story: the setup, the SOP itself, a variation. */
    void chapter(String title);

    /** An SOP step begins (number and Indonesian name). */
    void step(SopStep step);

    /** What happens and why, in a sentence. */
    void say(String text);

    /** A side remark: a wait, a detail a reader may skip. */
    void note(String text);

    /** One call through the gateway and its answer. */
    void exchange(Call call, Answer answer);

    /** A mail as the recipient received it; {@code full} false shows only who, when and the subject (a mail seen before). */
    void mail(Mail mail, boolean full);

    /** An openssl command and the lines of its output that carry the verdict. */
    void openssl(String command, List<String> verdict);

    /** A request's SOP timeline against the standard times. */
    void timeline(String title, List<TimelineRow> rows);

    /** A narrator that tells nobody. */
    static Narrator silent() {
        return new TerminalNarrator(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false);
    }
}
