package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.client.CertificateClient;
import id.go.kapuaskab.sertel.applicant.client.RenewalClient;
import id.go.kapuaskab.sertel.applicant.domain.Applicant;
import id.go.kapuaskab.sertel.applicant.domain.IntegrationActor;
import id.go.kapuaskab.sertel.applicant.domain.IntegrationAudit;
import id.go.kapuaskab.sertel.applicant.domain.IntegrationScope;
import id.go.kapuaskab.sertel.applicant.domain.PersonKey;
import id.go.kapuaskab.sertel.applicant.repository.ApplicantRepository;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import id.go.kapuaskab.sertel.support.client.PeerUnavailable;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

/**
 * "Does this civil servant hold a valid certificate?" for regional systems (scope {@code status:read}), up to 100 people
 * per call by NIK or NIP: the people are found in one query, then their current certificates and open requests are read
 * from certificate-service and renewal-service in one call each, outside any transaction. Only people of the client's
 * institutions are looked up; anyone else is "not found", exactly like someone nobody registered. Every person asked
 * about is recorded ({@link IntegrationAuditLog}), with what was answered, also when the peers could not be reached.
 */
@ApplicationScoped
public class StatusLookups {

    public static final int MAX_PEOPLE = 100;
    private static final Logger LOG = Logger.getLogger(StatusLookups.class);

    private final IntegrationAccess access;
    private final ApplicantRepository applicants;
    private final CertificateClient certificates;
    private final RenewalClient renewals;
    private final ServiceToken token;
    private final IntegrationAuditLog audit;

    StatusLookups(IntegrationAccess access, ApplicantRepository applicants, CertificateClient certificates, RenewalClient renewals,
                  ServiceToken token, IntegrationAuditLog audit) {
        this.access = access;
        this.applicants = applicants;
        this.certificates = certificates;
        this.renewals = renewals;
        this.token = token;
        this.audit = audit;
    }

    /** The answers in the order of {@code people}; 503 {@code integration.peer-unavailable} when a peer does not answer. */
    public List<LookupResult> lookup(IntegrationActor actor, List<PersonKey> people, String requestId) {
        if (people.isEmpty() || people.size() > MAX_PEOPLE) {
            throw DomainException.invalidField("people", "size.between", 1, MAX_PEOPLE);
        }
        IntegrationAccess.Grant grant = access.require(actor, IntegrationScope.STATUS_READ);
        List<Applicant> known = QuarkusTransaction.requiringNew().call(() -> resolve(people));
        Map<Integer, Applicant> byIndex = new LinkedHashMap<>();
        Set<UUID> inScope = new LinkedHashSet<>();
        for (int i = 0; i < people.size(); i++) {
            PersonKey key = people.get(i);
            for (Applicant a : known) {
                if (key.matches(a)) {
                    byIndex.put(i, a);
                    if (grant.institutions().contains(a.institution.id)) {
                        inScope.add(a.id);
                    }
                }
            }
        }
        IntegrationAuditLog.Call call = new IntegrationAuditLog.Call(actor.clientId(), IntegrationAudit.Operation.STATUS_LOOKUP,
                UUID.randomUUID(), requestId);
        Map<UUID, CertificateClient.Current> current = new LinkedHashMap<>();
        Map<UUID, List<RenewalClient.Open>> open = new LinkedHashMap<>();
        try {
            if (!inScope.isEmpty()) {
                certificates.current(token.get(), inScope).forEach(c -> current.put(c.holderId(), c));
                renewals.open(token.get(), inScope).forEach(r -> open.computeIfAbsent(r.applicantId(), k -> new ArrayList<>()).add(r));
            }
        } catch (PeerUnavailable | PeerRejected | FaultToleranceException e) {
            LOG.warnf("status lookup of %s by %s: a peer did not answer (%s)", people.size(), actor.clientId(), e.getClass().getSimpleName());
            List<IntegrationAuditLog.Entry> entries = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                Applicant a = byIndex.get(i);
                entries.add(new IntegrationAuditLog.Entry(i, a == null ? null : a.id, people.get(i), "UNAVAILABLE",
                        "not answered: certificate-service or renewal-service unreachable"));
            }
            audit.writeAll(call, entries);
            throw new DomainException(ProblemKind.UNAVAILABLE, "integration.peer-unavailable").retryAfter(Duration.ofSeconds(5));
        }
        List<LookupResult> results = new ArrayList<>();
        List<IntegrationAuditLog.Entry> entries = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Applicant a = byIndex.get(i);
            boolean visible = a != null && inScope.contains(a.id);
            LookupResult r = visible ? answer(i, a.id, current.get(a.id), open.getOrDefault(a.id, List.of())) : LookupResult.notFound(i);
            results.add(r);
            entries.add(new IntegrationAuditLog.Entry(i, a == null ? null : a.id, people.get(i), r.found() ? "FOUND" : "NOT_FOUND",
                    describe(r, a != null && !visible)));
        }
        audit.writeAll(call, entries);
        return results;
    }

    private List<Applicant> resolve(List<PersonKey> people) {
        Set<String> niks = new LinkedHashSet<>();
        Set<String> nips = new LinkedHashSet<>();
        people.forEach(p -> (p.kind() == PersonKey.Kind.NIK ? niks : nips).add(p.value()));
        return applicants.byPersonalNumbers(niks, nips);
    }

    private static LookupResult answer(int index, UUID holder, CertificateClient.Current c, List<RenewalClient.Open> open) {
        LookupResult.Certificate certificate = c == null ? null : new LookupResult.Certificate(c.serial(), c.status(), c.notBefore(), c.notAfter());
        return new LookupResult(index, true, holder, c != null && "ACTIVE".equals(c.status()), certificate,
                open.stream().anyMatch(r -> "RENEWAL".equals(r.type())),
                open.stream().map(r -> new LookupResult.OpenRequest(r.type(), r.state())).toList());
    }

    /** What was answered, for the admin: the truth behind a "not found" too. */
    private static String describe(LookupResult r, boolean outsideScope) {
        if (!r.found()) {
            return outsideScope ? "not found (outside the client's institutions)" : "not found (not registered)";
        }
        String certificate = r.certificate() == null ? "no certificate"
                : "certificate " + r.certificate().serial() + " " + r.certificate().status() + " until " + r.certificate().notAfter();
        return certificate + "; renewal open: " + r.renewalOpen() + "; open requests: "
                + r.openRequests().stream().map(o -> o.type() + " " + o.state()).toList();
    }
}
