package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Applicant;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApplicantRepository implements PanacheRepositoryBase<Applicant, UUID> {

    /** Reads and locks the row (SELECT … FOR UPDATE): writes to one applicant happen one after another. */
    public Optional<Applicant> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** One applicant with the account, institution and work unit a subject snapshot reads, in one query. */
    public Optional<Applicant> withSubject(UUID id) {
        return getEntityManager().createQuery("""
                        select a from Applicant a join fetch a.account join fetch a.institution join fetch a.workUnit
                        where a.id = :id""", Applicant.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    public boolean nikTaken(String nik, UUID except) {
        return count("nik = ?1 and id <> ?2", nik, none(except)) > 0;
    }

    public boolean nipTaken(String nip, UUID except) {
        return count("nip = ?1 and id <> ?2", nip, none(except)) > 0;
    }

    /** The applicants with any of these NIKs or NIPs, with their institution; one query for a whole batch. */
    public List<Applicant> byPersonalNumbers(Collection<String> niks, Collection<String> nips) {
        if (niks.isEmpty() && nips.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select a from Applicant a join fetch a.institution where a.nik in :niks or a.nip in :nips",
                        Applicant.class)
                .setParameter("niks", niks.isEmpty() ? List.of("") : niks)
                .setParameter("nips", nips.isEmpty() ? List.of("") : nips)
                .getResultList();
    }

    /** The applicant with this NIP, its row locked (a staff-sync item changes at most this one applicant). */
    public Optional<Applicant> findByNipForUpdate(String nip) {
        return find("nip", nip).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** A page of one search; {@code institutions} null means every institution. */
    public record Search(Collection<UUID> institutions, AccountStatus status, String text, int page, int size) {
    }

    public List<Applicant> search(Search s) {
        TypedQuery<Applicant> q = getEntityManager().createQuery("select a from Applicant a join fetch a.account acc "
                + "join fetch a.institution join fetch a.workUnit" + where(s) + " order by lower(acc.fullName), a.id", Applicant.class);
        bind(q, s);
        return q.setFirstResult(s.page() * s.size()).setMaxResults(s.size()).getResultList();
    }

    public long count(Search s) {
        TypedQuery<Long> q = getEntityManager().createQuery("select count(a) from Applicant a join a.account acc" + where(s), Long.class);
        bind(q, s);
        return q.getSingleResult();
    }

    private static String where(Search s) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (s.institutions() != null) {
            w.append(" and a.institution.id in :inst");
        }
        if (s.status() != null) {
            w.append(" and acc.status = :status");
        }
        if (s.text() != null) {
            w.append(" and (lower(acc.fullName) like :like escape '\\' or lower(acc.email) like :like escape '\\'"
                    + " or a.nik = :exact or a.nip = :exact)");
        }
        return w.toString();
    }

    private static void bind(TypedQuery<?> q, Search s) {
        if (s.institutions() != null) {
            q.setParameter("inst", s.institutions());
        }
        if (s.status() != null) {
            q.setParameter("status", s.status());
        }
        if (s.text() != null) {
            String escaped = s.text().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            q.setParameter("like", "%" + escaped + "%");
            q.setParameter("exact", s.text());
        }
    }

    /** "Nobody" for an exclusion: {@code id <> null} would match no row at all. */
    private static UUID none(UUID except) {
        return except == null ? new UUID(0, 0) : except;
    }
}
