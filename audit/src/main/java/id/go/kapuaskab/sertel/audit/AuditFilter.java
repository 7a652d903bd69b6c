package id.go.kapuaskab.sertel.audit;

import java.time.Instant;

/**
 * What an auditor asks for: records by actor (account or client id), by subject (matched against the subject and the
 * second reference), by action, from (inclusive) and to (exclusive) a time; all optional.
 */
public record AuditFilter(String actor, String subject, String action, Instant from, Instant to) {
}
