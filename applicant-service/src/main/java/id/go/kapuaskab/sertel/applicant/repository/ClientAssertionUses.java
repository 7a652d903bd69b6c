package id.go.kapuaskab.sertel.applicant.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** The jti of every client assertion accepted, until it expires: RFC 7523 assertions are accepted once. */
@ApplicationScoped
public class ClientAssertionUses {

    private final EntityManager em;

    ClientAssertionUses(EntityManager em) {
        this.em = em;
    }

    /** True the first time; false when this client presented this jti before (a replay), also concurrently. */
    public boolean firstUse(String clientId, String jti, Instant expiresAt) {
        return em.createNativeQuery("INSERT INTO client_assertion_use (client_id, jti, expires_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, clientId).setParameter(2, jti).setParameter(3, expiresAt).executeUpdate() == 1;
    }

    public int forgetExpired(Instant now) {
        return em.createNativeQuery("DELETE FROM client_assertion_use WHERE expires_at < ?1").setParameter(1, now).executeUpdate();
    }
}
