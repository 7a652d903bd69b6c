package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.ClientEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ClientEventRepository implements PanacheRepositoryBase<ClientEvent, Long> {

    public void record(String clientId, Instant at, ClientEvent.Action action, UUID actor, String detail) {
        ClientEvent e = new ClientEvent();
        e.clientId = clientId;
        e.occurredAt = at;
        e.action = action.name();
        e.actorId = actor;
        e.detail = detail;
        persist(e);
    }

    public List<ClientEvent> ofClient(String clientId, int page, int size) {
        return find("clientId", Sort.by("occurredAt").descending().and("id", Sort.Direction.Descending), clientId)
                .page(Page.of(page, size)).list();
    }
}
