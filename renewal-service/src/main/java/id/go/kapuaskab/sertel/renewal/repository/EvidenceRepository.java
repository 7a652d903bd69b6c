package id.go.kapuaskab.sertel.renewal.repository;

import id.go.kapuaskab.sertel.renewal.domain.InstitutionContact;
import id.go.kapuaskab.sertel.renewal.domain.SubjectCheck;
import id.go.kapuaskab.sertel.renewal.domain.SubjectItem;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The step-7 evidence of requests: subject checks and the institution contact. */
@ApplicationScoped
public class EvidenceRepository {

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    public List<SubjectCheck> checks(UUID requestId) {
        return em().createQuery("from SubjectCheck where requestId = :r order by item", SubjectCheck.class)
                .setParameter("r", requestId).getResultList();
    }

    public Optional<InstitutionContact> contact(UUID requestId) {
        return Optional.ofNullable(em().find(InstitutionContact.class, requestId));
    }

    /**
     * Inserts or replaces the checks of these items, all of one request: the request's checks recorded so far are read
     * in one query (not one lookup per item), then each item is added or its earlier check replaced.
     */
    public void save(UUID requestId, List<SubjectCheck> recorded) {
        Map<SubjectItem, SubjectCheck> existing = new EnumMap<>(SubjectItem.class);
        checks(requestId).forEach(c -> existing.put(c.item, c));
        for (SubjectCheck check : recorded) {
            SubjectCheck earlier = existing.get(check.item);
            if (earlier == null) {
                em().persist(check);
                existing.put(check.item, check);
            } else {
                earlier.matches = check.matches;
                earlier.note = check.note;
                earlier.recordedBy = check.recordedBy;
                earlier.recordedAt = check.recordedAt;
            }
        }
    }

    /** Inserts or replaces the institution contact. */
    public void save(InstitutionContact contact) {
        InstitutionContact existing = em().find(InstitutionContact.class, contact.requestId);
        if (existing == null) {
            em().persist(contact);
        } else {
            existing.contactPerson = contact.contactPerson;
            existing.channel = contact.channel;
            existing.contactedAt = contact.contactedAt;
            existing.outcome = contact.outcome;
            existing.note = contact.note;
            existing.recordedBy = contact.recordedBy;
            existing.recordedAt = contact.recordedAt;
        }
    }
}
