package id.go.kapuaskab.sertel.certificate.repository;

import id.go.kapuaskab.sertel.certificate.domain.TimestampRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TimestampRepository implements PanacheRepositoryBase<TimestampRecord, String> {
}
