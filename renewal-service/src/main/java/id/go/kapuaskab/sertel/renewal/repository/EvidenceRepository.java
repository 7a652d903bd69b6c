package id.go.kapuaskab.sertel.renewal.repository;

import id.go.kapuaskab.sertel.renewal.domain.InstitutionContact;
import id.go.kapuaskab.sertel.renewal.domain.SubjectCheck;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
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

    /** Inserts or replaces the check of one item. */
    public void save(SubjectCheck check) {
        SubjectCheck existing = em().find(SubjectCheck.class, new SubjectCheck.Key(check.requestId, check.item));
        if (existing == null) {
            em().persist(check);
        } else {
            existing.matches = check.matches;
            existing.note = check.note;
            existing.recordedBy = check.recordedBy;
            existing.recordedAt = check.recordedAt;
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
