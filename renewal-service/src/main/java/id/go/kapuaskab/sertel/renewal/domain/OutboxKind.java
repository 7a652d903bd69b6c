package id.go.kapuaskab.sertel.renewal.domain;

/** What an outbox entry asks for: the CA to issue or to revoke for a request, or an event to be delivered. */
public enum OutboxKind {
    CA_ISSUE,
    CA_REVOKE,
    EVENT
}
