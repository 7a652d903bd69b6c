package id.go.kapuaskab.sertel.certificate.repository;

import id.go.kapuaskab.sertel.certificate.domain.CaAuthority;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

@ApplicationScoped
public class CaAuthorityRepository implements PanacheRepositoryBase<CaAuthority, String> {

    /** The row lock that serialises CRL signing of one CA across every replica. */
    public Optional<CaAuthority> findForUpdate(String name) {
        return findByIdOptional(name, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Each CA's CRL times, without the CRLs: name, thisUpdate, nextUpdate (null before the first CRL). */
    public java.util.List<Object[]> crlTimes() {
        return getEntityManager().createQuery("select a.name, a.crlThisUpdate, a.crlNextUpdate from CaAuthority a", Object[].class)
                .getResultList();
    }

    public void insertIfAbsent(String name, String role, byte[] certificate) {
        getEntityManager().createNativeQuery("INSERT INTO ca_authority (name, role, certificate) VALUES (:n, :r, :c) ON CONFLICT (name) DO NOTHING")
                .setParameter("n", name).setParameter("r", role).setParameter("c", certificate).executeUpdate();
    }
}
