package id.go.kapuaskab.sertel.journey;

import java.util.UUID;

/** A verifier the journey created, logged in: the session and the account id the services record as actor. */
public record Officer(Session session, UUID id, String name) {
}
