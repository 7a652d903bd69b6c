package id.go.kapuaskab.sertel.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.support.pii.Pii;
import id.go.kapuaskab.sertel.support.security.Caller;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a service hands to {@link AuditTrail#append}: who did what ({@code action}, {@code outcome}) to what
 * ({@code subject}, and a second {@code reference} such as the request id of an issuance) and the facts that matter
 * ({@code detail}, written as compact JSON). Personal numbers never enter the trail in full: a detail whose key names
 * one ({@code nik}, {@code nip}, {@code phone}, also as a prefix or suffix) is masked to its last four digits here.
 */
public final class AuditEntry {

    /** Keys whose values are personal numbers (UU 27/2022 PDP): starting or ending with nik, nip or phone. */
    static final Pattern PERSONAL = Pattern.compile("(?i)(nik|nip|phone).*|.*(nik|nip|phone)");
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9A-Za-z])\\+?[0-9][0-9 .-]*[0-9](?![0-9A-Za-z])");
    private static final Pattern DESCRIBED = Pattern.compile("(.*) \\(([^()]*)\\)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 1000;
    private static final int MAX_ACTOR = 256;

    final String action;
    final String outcome;
    String actor = "system";
    String actorRole;
    String subject;
    String reference;
    private final Map<String, Object> detail = new LinkedHashMap<>();

    private AuditEntry(String action, String outcome) {
        this.action = Objects.requireNonNull(action, "action");
        this.outcome = outcome;
    }

    public static AuditEntry of(String action, String outcome) {
        return new AuditEntry(action, outcome);
    }

    /** A person or service as the token named it: its subject (account or client id) and its roles. */
    public AuditEntry actor(Caller caller) {
        return caller == null ? this : actor(caller.subject(), String.join(",", new java.util.TreeSet<>(caller.roles())));
    }

    /** Who acted (an account id, a client id, {@code public}) and in which role; a null or blank id leaves {@code system}. */
    public AuditEntry actor(String id, String role) {
        if (id != null && !id.isBlank()) {
            this.actor = clean(id, MAX_ACTOR);
        }
        this.actorRole = role == null || role.isBlank() ? null : clean(role, MAX_ACTOR);
        return this;
    }

    /**
     * The actor as {@code Caller.describe()} wrote it, {@code "<subject> (<ROLE>,…)"}, as older tables and logs keep it;
     * anything else is taken as the actor's id.
     */
    public AuditEntry described(String describedActor) {
        java.util.regex.Matcher m = describedActor == null ? null : DESCRIBED.matcher(describedActor);
        return m != null && m.matches() ? actor(m.group(1), m.group(2)) : actor(describedActor, null);
    }

    public AuditEntry subject(Object value) {
        this.subject = value == null ? null : clean(value.toString(), MAX_ACTOR);
        return this;
    }

    public AuditEntry reference(Object value) {
        this.reference = value == null ? null : clean(value.toString(), MAX_ACTOR);
        return this;
    }

    /** One fact; {@code null} values are left out. */
    public AuditEntry detail(String key, Object value) {
        if (value != null) {
            detail.put(key, plain(value, PERSONAL.matcher(key).matches()));
        }
        return this;
    }

    /**
     * A fact typed by a person (a reason, a note): a number of ten or more digits in it (spaces, dots and dashes allowed
     * between them) is masked to its last four, since a note may carry a phone number, a NIK or a NIP that nobody asked
     * for; dates and shorter numbers stay.
     */
    public AuditEntry text(String key, String value) {
        return value == null ? this : detail(key, masked(value));
    }

    /** Free text with every number of ten or more digits masked to its last four (see {@link #text}). */
    public static String masked(String value) {
        if (value == null) {
            return null;
        }
        java.util.regex.Matcher m = DIGIT_RUN.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String run = m.group();
            long digits = run.chars().filter(Character::isDigit).count();
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(digits >= 10 ? Pii.mask(run) : run));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The record's columns for a moment and a request id, before it has a place: what {@link AuditTrail#append} writes,
     * and what a migration that moves an older table into the trail hands to {@link AuditStore}.
     */
    public AuditStore.Row row(java.time.Instant occurredAt, String requestId) {
        return new AuditStore.Row(occurredAt, actor, actorRole, action, outcome, subject, reference, requestId, detailJson());
    }

    /** The detail as the trail stores it: compact JSON, keys in the order given, or {@code null} when there is none. */
    String detailJson() {
        if (detail.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit detail is not serialisable: " + detail.keySet(), e);
        }
    }

    /** A value as JSON can hold it; every text under a personal key (however deep) is masked. */
    private static Object plain(Object value, boolean personal) {
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            return personal ? Pii.mask(n.toString()) : n;   // a NIK given as a number is masked like one given as text
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    String key = String.valueOf(k);
                    out.put(key, plain(v, personal || PERSONAL.matcher(key).matches()));
                }
            });
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(v == null ? null : plain(v, personal)));
            return out;
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        String text = clean(value.toString(), MAX_TEXT);
        return personal ? Pii.mask(text) : text;
    }

    /** PostgreSQL text cannot hold NUL; long values are cut so one record stays small. */
    static String clean(String s, int max) {
        String noNul = s.indexOf('\0') < 0 ? s : s.replace("\0", "");
        return noNul.length() <= max ? noNul : noNul.substring(0, max - 1) + "…";
    }
}
