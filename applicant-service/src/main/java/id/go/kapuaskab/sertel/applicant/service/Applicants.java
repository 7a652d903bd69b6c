package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.ApplicantConfig;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Actor;
import id.go.kapuaskab.sertel.applicant.domain.Applicant;
import id.go.kapuaskab.sertel.applicant.domain.Confirmation;
import id.go.kapuaskab.sertel.applicant.domain.DataChange;
import id.go.kapuaskab.sertel.applicant.repository.ApplicantRepository;
import id.go.kapuaskab.sertel.applicant.repository.ConfirmationRepository;
import id.go.kapuaskab.sertel.applicant.repository.DataChangeRepository;
import id.go.kapuaskab.sertel.applicant.repository.HistoryRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Reading applicant data (own view, officers' lists and records, history) and the applicant's confirmation. */
@ApplicationScoped
public class Applicants {

    private final ApplicantRepository applicants;
    private final DataChangeRepository changes;
    private final ConfirmationRepository confirmations;
    private final HistoryRepository history;
    private final Scopes scopes;
    private final ApplicantConfig config;
    private final Clock clock;

    Applicants(ApplicantRepository applicants, DataChangeRepository changes, ConfirmationRepository confirmations,
               HistoryRepository history, Scopes scopes, ApplicantConfig config, Clock clock) {
        this.applicants = applicants;
        this.changes = changes;
        this.confirmations = confirmations;
        this.history = history;
        this.scopes = scopes;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public ApplicantView get(Actor actor, UUID id) {
        Applicant a = visible(actor, id);
        return ApplicantView.of(a, changes.findOpen(a.id).map(d -> d.id).orElse(null));
    }

    @Transactional
    public List<HistoryView> history(Actor actor, UUID id) {
        visible(actor, id);
        return history.of(id).stream().map(HistoryView::of).toList();
    }

    /** An officer's list: their institutions (or the one asked for, 403 if not theirs), optionally by status and text. */
    @Transactional
    public PageView<ApplicantSummary> list(Actor actor, UUID institutionId, String statusName, int page, int size, String text) {
        AccountStatus status = Enums.parse(AccountStatus.class, statusName, "status");
        if (size < 1 || size > config.maxPageSize() || page < 0 || page > 10_000) {
            throw DomainException.invalidField(size < 1 || size > config.maxPageSize() ? "size" : "page", "page.bounds", config.maxPageSize());
        }
        String query = text == null || text.isBlank() ? null : text.strip();
        if (query != null && query.length() > 100) {
            throw DomainException.invalidField("q", "search.too-long");
        }
        var filter = new ApplicantRepository.Search(scopes.officerFilter(actor, institutionId).orElse(null), status, query, page, size);
        if (filter.institutions() != null && filter.institutions().isEmpty()) {
            return new PageView<>(List.of(), page, size, 0);
        }
        return new PageView<>(applicants.search(filter).stream().map(ApplicantSummary::of).toList(), page, size, applicants.count(filter));
    }

    /**
     * SOP step 3, "Sesuai": the applicant states that data version {@code dataVersion} is correct. A stale
     * version (the data changed since the applicant looked) is 409; so is confirming while a change is open.
     */
    @Transactional
    public ConfirmationView confirm(Actor actor, int dataVersion) {
        Applicant a = applicants.findForUpdate(actor.id()).orElseThrow(() -> DomainException.notFound("applicant.not-found"));
        if (a.account.status != AccountStatus.ACTIVE) {
            throw DomainException.conflict("applicant.not-active", a.account.status.name()).with("accountStatus", a.account.status.name());
        }
        if (a.dataVersion != dataVersion) {
            throw DomainException.conflict("conflict.stale-version").with("currentDataVersion", a.dataVersion);
        }
        DataChange open = changes.findOpen(a.id).orElse(null);
        if (open != null) {
            throw DomainException.conflict("confirmation.data-change-open").with("dataChangeId", open.id);
        }
        Confirmation c = new Confirmation();
        c.id = UUID.randomUUID();
        c.applicantId = a.id;
        c.dataVersion = dataVersion;
        c.confirmedAt = clock.instant();
        confirmations.persist(c);
        a.confirmedVersion = dataVersion;
        a.confirmedAt = c.confirmedAt;
        return new ConfirmationView(dataVersion, c.confirmedAt);
    }

    private Applicant visible(Actor actor, UUID id) {
        return applicants.findByIdOptional(id).filter(a -> scopes.maySee(actor, a))
                .orElseThrow(() -> DomainException.notFound("applicant.not-found"));
    }
}
