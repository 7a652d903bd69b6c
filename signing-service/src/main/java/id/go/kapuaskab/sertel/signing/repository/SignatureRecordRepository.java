package id.go.kapuaskab.sertel.signing.repository;

import id.go.kapuaskab.sertel.signing.domain.SignatureRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SignatureRecordRepository implements PanacheRepositoryBase<SignatureRecord, UUID> {

    private static final Sort NEWEST = Sort.descending("signedAt");

    public List<SignatureRecord> ofHolder(UUID holderId, Page page) {
        return find("holderId", NEWEST, holderId).page(page).list();
    }

    public List<SignatureRecord> ofInstitutions(Collection<UUID> institutions, Page page) {
        return find("institutionId in ?1", NEWEST, institutions).page(page).list();
    }

    public List<SignatureRecord> ofClient(String clientId, Page page) {
        return find("clientId", NEWEST, clientId).page(page).list();
    }

    public List<SignatureRecord> all(Page page) {
        return findAll(NEWEST).page(page).list();
    }
}
