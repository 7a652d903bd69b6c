package id.go.kapuaskab.sertel.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text a checkpoint signs, line by line, so an auditor can read it and check it with openssl:
 * <pre>
 * sertel-audit-checkpoint 1
 * trail certificate-service
 * created 2026-12-05T01:02:03.123456Z
 * previous 5f1c…  (SHA-256 of the previous checkpoint's statement, hex; "none" for the first)
 * lane 0 seq 1234 hash 9ab0…
 * lane 1 seq 1187 hash 02fe…
 * </pre>
 * Each line ends with a line feed. A lane that has no record yet has seq 0 and the all-zero hash.
 */
public record CheckpointStatement(String trail, Instant created, String previous, Map<Integer, AuditStore.Head> lanes) {

    static final String MAGIC = "sertel-audit-checkpoint 1";
    static final String NONE = "none";
    private static final HexFormat HEX = HexFormat.of();

    public static CheckpointStatement of(String trail, Instant created, String previousStatement, List<AuditStore.Head> heads) {
        Map<Integer, AuditStore.Head> lanes = new LinkedHashMap<>();
        heads.forEach(h -> lanes.put(h.lane(), h));
        return new CheckpointStatement(trail, AuditCodec.truncate(created), previousStatement == null ? NONE : digest(previousStatement), lanes);
    }

    /** SHA-256 of a statement's UTF-8 bytes, hex: what the next checkpoint names as {@code previous}. */
    public static String digest(String statement) {
        return HEX.formatHex(AuditCodec.sha256().digest(statement.getBytes(StandardCharsets.UTF_8)));
    }

    public String text() {
        StringBuilder b = new StringBuilder(MAGIC).append('\n')
                .append("trail ").append(trail).append('\n')
                .append("created ").append(created).append('\n')
                .append("previous ").append(previous).append('\n');
        lanes.values().forEach(h -> b.append("lane ").append(h.lane()).append(" seq ").append(h.seq())
                .append(" hash ").append(HEX.formatHex(h.hash())).append('\n'));
        return b.toString();
    }

    /** Reads a statement back; {@link IllegalArgumentException} naming the first line that is not as written above. */
    public static CheckpointStatement parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 5 || !lines[0].equals(MAGIC) || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("not a sertel audit checkpoint statement");
        }
        String trail = value(lines[1], "trail");
        Instant created;
        try {
            created = Instant.parse(value(lines[2], "created"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("line 3: bad time");
        }
        String previous = value(lines[3], "previous");
        Map<Integer, AuditStore.Head> lanes = new LinkedHashMap<>();
        for (int i = 4; i < lines.length - 1; i++) {
            String[] f = lines[i].split(" ");
            if (f.length != 6 || !f[0].equals("lane") || !f[2].equals("seq") || !f[4].equals("hash") || f[5].length() != 64) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 'lane N seq N hash HEX'");
            }
            try {
                int lane = Integer.parseInt(f[1]);
                lanes.put(lane, new AuditStore.Head(lane, Long.parseLong(f[3]), HEX.parseHex(f[5])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": bad number or hash");
            }
        }
        return new CheckpointStatement(trail, created, previous, lanes);
    }

    private static String value(String line, String key) {
        if (!line.startsWith(key + " ") || line.length() == key.length() + 1) {
            throw new IllegalArgumentException("expected '" + key + " …', found '" + line + "'");
        }
        return line.substring(key.length() + 1);
    }
}
