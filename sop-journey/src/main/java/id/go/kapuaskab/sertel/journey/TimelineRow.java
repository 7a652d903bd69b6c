package id.go.kapuaskab.sertel.journey;

/**
 * One SOP step of a request's timeline as renewal-service reports it ({@code GET /api/v1/requests/{id}/timeline}),
 * with the actor's id turned into the person's name. Durations are seconds; null when the service has no time for it.
 */
public record TimelineRow(int step, String nameId, String status, String actor, String actorRole, Double durationSeconds,
                          double standardSeconds, Boolean withinStandard, String note) {
}
