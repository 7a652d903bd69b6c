package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.AccountEvent;
import id.go.kapuaskab.sertel.applicant.domain.Actor;
import id.go.kapuaskab.sertel.applicant.repository.AccountEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The append-only history of every account: who changed what, when and why. Every account change is written here, and
 * into the tamper-evident audit trail in the same transaction.
 */
@ApplicationScoped
public class AccountHistory {

    private final AccountEventRepository events;
    private final ApplicantAudit audit;
    private final Clock clock;

    AccountHistory(AccountEventRepository events, ApplicantAudit audit, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** In the caller's transaction; {@code actor} null is the account's owner acting without a session, or the system. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID accountId, Actor actor, AccountEvent.Action action, String detail) {
        AccountEvent e = new AccountEvent();
        e.accountId = accountId;
        e.occurredAt = clock.instant();
        e.actorId = actor == null ? null : actor.id();
        e.actorRole = actor == null ? "SELF" : actor.role().name();
        e.action = action.name();
        e.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        events.persist(e);
        audit.account(accountId, actor, action.name(), e.detail);
    }

    @Transactional
    public List<AccountEvent> of(UUID accountId) {
        return events.of(accountId);
    }
}
