package id.go.kapuaskab.sertel.signing.repository;

import id.go.kapuaskab.sertel.signing.domain.KeyEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class KeyEventRepository implements PanacheRepository<KeyEvent> {

    /** Appends to the key's history in the caller's transaction. */
    public void record(UUID keyId, Instant at, String actor, String action, String reason) {
        KeyEvent e = new KeyEvent();
        e.keyId = keyId;
        e.occurredAt = at;
        e.actor = actor.length() > 128 ? actor.substring(0, 128) : actor;
        e.action = action;
        e.reason = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        persist(e);
    }
}
