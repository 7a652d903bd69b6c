package id.go.kapuaskab.sertel.audit;

import java.time.Instant;

/**
 * One record of the trail as stored: its place ({@code id} across the trail, {@code lane} and {@code seq} in its
 * chain), what happened, and the two hashes that bind it to the record before it.
 */
public record AuditRecord(long id, int lane, long seq, Instant occurredAt, String actor, String actorRole, String action,
                          String outcome, String subject, String reference, String requestId, String detail, byte[] prevHash, byte[] hash) {
}
