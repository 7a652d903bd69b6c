package id.go.kapuaskab.sertel.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The canonical encoding of a record and its hash, the same on the write path (where PostgreSQL computes the hash
 * from the head row and this payload) and in the verification, and simple enough for an auditor to redo offline from
 * an export (module README, "Verifying by hand"):
 * <pre>
 *   hash    = SHA-256( previous hash (32 bytes) || lane (int32) || seq (int64) || payload )
 *   payload = 0x01 || occurredAt (int64, microseconds since the epoch)
 *             || actor || actorRole || action || outcome || subject || reference || requestId || detail
 *   string  = length of its UTF-8 bytes (int32; -1 for null) || the UTF-8 bytes
 * </pre>
 * All integers are big-endian. Times are kept to the microsecond, as PostgreSQL stores them.
 */
public final class AuditCodec {

    public static final int HASH_BYTES = 32;
    private static final byte VERSION = 1;

    private AuditCodec() {
    }

    /** The "previous hash" of a lane's first record. */
    public static byte[] genesis() {
        return new byte[HASH_BYTES];
    }

    /** A time as the trail keeps it: to the microsecond. */
    public static Instant truncate(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    public static byte[] payload(Instant occurredAt, String actor, String actorRole, String action, String outcome, String subject,
                                 String reference, String requestId, String detail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(VERSION);
        Instant t = truncate(occurredAt);
        writeLong(out, Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000));
        for (String s : new String[] {actor, actorRole, action, outcome, subject, reference, requestId, detail}) {
            if (s == null) {
                writeInt(out, -1);
            } else {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                writeInt(out, bytes.length);
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }

    public static byte[] payload(AuditRecord r) {
        return payload(r.occurredAt(), r.actor(), r.actorRole(), r.action(), r.outcome(), r.subject(), r.reference(), r.requestId(), r.detail());
    }

    public static byte[] hash(byte[] previous, int lane, long seq, byte[] payload) {
        MessageDigest sha = sha256();
        sha.update(previous);
        sha.update(ByteBuffer.allocate(12).putInt(lane).putLong(seq).array());
        sha.update(payload);
        return sha.digest();
    }

    /** The hash a record should carry, from its stored previous hash and its fields. */
    public static byte[] expectedHash(AuditRecord r) {
        return hash(r.prevHash(), r.lane(), r.seq(), payload(r));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        out.writeBytes(ByteBuffer.allocate(8).putLong(v).array());
    }
}
