package id.go.kapuaskab.sertel.system.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every answer callers got, for what the tests assert across the run: which failures callers saw, and when. A failure
 * a caller's own retry explains (a 409 because the first try, answered 503, had gone through after all) is marked
 * {@link #excuse excused} with the reason, so that it is not taken for a fault of the system.
 */
public final class CallLog {

    private final List<Reply> replies = new ArrayList<>();
    private final List<Reply> excused = new ArrayList<>();

    synchronized void record(Reply reply) {
        replies.add(reply);
    }

    synchronized void excuse(Reply reply) {
        excused.add(reply);
    }

    public synchronized int size() {
        return replies.size();
    }

    /** Answers that were neither a success nor excused. */
    public synchronized List<Reply> failures() {
        return replies.stream().filter(r -> !r.ok() && excused.stream().noneMatch(x -> x == r)).toList();
    }

    /** Failures that break the rule: not an outage answer, or an outage answer that is not a problem of the gateway. */
    public List<Reply> failuresBeyond(Predicate<Reply> allowed) {
        return failures().stream().filter(allowed.negate()).toList();
    }

    /** How many failures of each status, e.g. {@code {503=12, 0=3}}. */
    public Map<Integer, Long> failureCounts() {
        return failures().stream().collect(Collectors.groupingBy(Reply::status, TreeMap::new, Collectors.counting()));
    }

    public synchronized int excusedCount() {
        return excused.size();
    }

    public static String describe(List<Reply> replies) {
        return replies.stream().limit(20).map(r -> r.at() + " " + r.describe()).collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
