package id.go.kapuaskab.sertel.certificate.repository;

import id.go.kapuaskab.sertel.certificate.domain.Certificate;
import id.go.kapuaskab.sertel.certificate.domain.CertificateListing;
import id.go.kapuaskab.sertel.certificate.domain.CertificateStatus;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CertificateRepository implements PanacheRepositoryBase<Certificate, String> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("serial");
    private static final String INSERT_UNLESS_KEY_CERTIFIED = "INSERT INTO certificate (" + CertificateInsert.COLUMNS + ") VALUES ("
            + CertificateInsert.VALUES + ") ON CONFLICT (key_fingerprint) DO NOTHING";

    private final AgroalDataSource db;

    CertificateRepository(AgroalDataSource db) {
        this.db = db;
    }

    /** Serials whose revocation status changed after {@code since}, with the latest change time seen, oldest first. */
    public java.util.List<Object[]> statusChangedSince(java.time.Instant since, int limit) {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = getEntityManager().createQuery(
                        "select c.serial, c.statusChangedAt from Certificate c where c.statusChangedAt > :since order by c.statusChangedAt")
                .setParameter("since", since).setMaxResults(limit).getResultList();
        return rows;
    }

    public Optional<Certificate> findForUpdate(String serial) {
        return findByIdOptional(serial, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether any certificate has this key. A plain select (its plan is cached), not Panache's count, whose SQL is rebuilt per call. */
    public boolean keyCertified(String fingerprint) {
        return !getEntityManager().createQuery("select c.serial from Certificate c where c.keyFingerprint = :fp", String.class)
                .setParameter("fp", fingerprint).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Writes a new certificate unless its key was certified before: the unique index {@code certificate_key_uk} is
     * the arbiter, also between two transactions certifying one key at the same moment (the second waits for the
     * first's commit, then writes nothing). One statement, at once, with no error on either side for a reused key.
     * For an intent recorded before; a new issuance writes intent and certificate in one statement
     * ({@link IssuanceRepository#record}).
     *
     * @return whether it was written
     */
    public boolean insertUnlessKeyCertified(Certificate c) {
        try (Connection conn = db.getConnection(); PreparedStatement s = conn.prepareStatement(INSERT_UNLESS_KEY_CERTIFIED)) {
            CertificateInsert.bind(s, 1, c);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store certificate " + c.serial, e);
        }
    }

    /**
     * One holder's certificates, newest first, as plain rows: what renewal-service's guards read at every create and
     * submit, so nothing is loaded that they do not need. With {@code open}, only those stored ACTIVE or SUSPENDED
     * (neither superseded nor revoked; an expired one among them reads EXPIRED), served by the partial index
     * {@code certificate_holder_open_idx} — a holder who renewed a hundred times has one such row, not a hundred; else
     * all of them ({@code certificate_holder_idx}). The statuses are literals, as in the index's predicate: bound as
     * parameters, PostgreSQL's generic plan for the prepared statement could not prove the predicate and would walk the
     * holder's every row instead.
     */
    public List<CertificateListing> listedOfHolder(UUID holderId, boolean open) {
        return getEntityManager().createQuery("""
                        select new id.go.kapuaskab.sertel.certificate.domain.CertificateListing(c.serial, c.status,
                          c.holderId, c.institutionId, c.notBefore, c.notAfter, c.predecessorSerial, c.successorSerial)
                        from Certificate c where c.holderId = :holder"""
                        + (open ? " and c.status in (" + CertificateStatus.class.getName() + ".ACTIVE, "
                                + CertificateStatus.class.getName() + ".SUSPENDED)" : "")
                        + " order by c.createdAt desc, c.serial", CertificateListing.class)
                .setParameter("holder", holderId).getResultList();
    }

    /** Every certificate of these holders, newest first (served by {@code certificate_holder_idx}). */
    public List<Certificate> byHolders(Collection<UUID> holderIds) {
        return list("holderId in :ids", NEWEST_FIRST, Parameters.with("ids", holderIds));
    }

    public PanacheQuery<Certificate> pageOfHolder(UUID holderId, int page, int size) {
        return find("holderId", NEWEST_FIRST, holderId).page(Page.of(page, size));
    }

    public PanacheQuery<Certificate> pageOfInstitutions(Collection<UUID> institutions, int page, int size) {
        return find("institutionId in :ids", NEWEST_FIRST, Parameters.with("ids", institutions)).page(Page.of(page, size));
    }

    public PanacheQuery<Certificate> pageOfAll(int page, int size) {
        return findAll(NEWEST_FIRST).page(Page.of(page, size));
    }

    /**
     * What goes on a CRL of this CA: revoked and suspended certificates (served by the partial index
     * {@code certificate_revoked_idx}; the statuses are literals for the reason given at {@link #listedOfHolder}).
     */
    public List<Certificate> onCrl(String caName) {
        return list("caName = ?1 and status in (" + CertificateStatus.class.getName() + ".REVOKED, "
                + CertificateStatus.class.getName() + ".SUSPENDED)", caName);
    }

    /**
     * ACTIVE certificates with {@code from <= notAfter < to} after the keyset cursor, in (notAfter, serial) order;
     * served by the partial index {@code certificate_expiring_idx}.
     */
    @SuppressWarnings("unchecked")
    public List<Certificate> expiring(Instant from, Instant to, Instant afterNotAfter, String afterSerial, int limit) {
        String cursor = afterNotAfter == null ? "" : " AND (not_after, serial) > (:an, :as)";
        var query = getEntityManager().createNativeQuery("SELECT * FROM certificate WHERE status = 'ACTIVE' AND not_after >= :from"
                + " AND not_after < :to" + cursor + " ORDER BY not_after, serial LIMIT :limit", Certificate.class)
                .setParameter("from", from).setParameter("to", to).setParameter("limit", limit);
        if (afterNotAfter != null) {
            query.setParameter("an", afterNotAfter).setParameter("as", afterSerial);
        }
        return query.getResultList();
    }
}
