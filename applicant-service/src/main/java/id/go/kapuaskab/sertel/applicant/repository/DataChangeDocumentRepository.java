package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.DataChangeDocument;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DataChangeDocumentRepository implements PanacheRepositoryBase<DataChangeDocument, UUID> {

    /** What a listing shows about a change's documents, without loading their content. */
    public record Info(UUID id, String fileName, String mediaType, int sizeBytes, String sha256) {
    }

    public List<Info> infoOf(UUID dataChangeId) {
        return getEntityManager().createQuery("""
                        select new id.go.kapuaskab.sertel.applicant.repository.DataChangeDocumentRepository$Info(
                            d.id, d.fileName, d.mediaType, d.sizeBytes, d.sha256)
                        from DataChangeDocument d where d.dataChangeId = ?1 order by d.uploadedAt, d.fileName""", Info.class)
                .setParameter(1, dataChangeId)
                .getResultList();
    }
}
