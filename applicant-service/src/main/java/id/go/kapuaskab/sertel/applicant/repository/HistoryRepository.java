package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.HistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The append-only history: entries are persisted, read, and never updated or deleted (a trigger refuses it). */
@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {

    public List<HistoryEntry> of(UUID applicantId) {
        return list("applicantId = ?1 order by id", applicantId);
    }
}
