package id.go.kapuaskab.sertel.signing.service;

import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.tsp.TimeStampToken;
import org.jboss.logging.Logger;

/**
 * The status checks before a signature (from the CA's cached OCSP answer, which the CA drops on a status change; the
 * signer's answer fetched after the time-stamp is checked again, so a revocation in between hands out nothing) and the
 * validation data after it (PAdES B-LT): for the signer's certificate,
 * the TSA's certificate and the issuing CA, an OCSP answer from our CA, plus every certificate up to the root. No
 * CRLs: an OCSP answer covers each certificate (as EU DSS's signer embeds by default), and a CRL grows with every
 * revocation the CA makes, which would then be copied into every document signed. ETSI EN 319 102-1 wants
 * revocation data issued after the signature time-stamp. Our
 * TSA's {@code genTime} and our OCSP responder's {@code producedAt} are both whole seconds, so an answer fetched after
 * the time-stamp carries the same second or a later one and is taken; only an answer dated <em>before</em> the
 * time-stamp (a responder whose clock is behind the TSA's) is asked again once the clock has moved into the next
 * second. A same-second answer is accepted: DSS's validator passes such signatures at B-LT (its signer logs that it
 * found no revocation data strictly after the best signature time).
 */
@ApplicationScoped
public class ValidationDataCollector {

    private static final int FRESHNESS_TRIES = 3;
    private static final Logger LOG = Logger.getLogger(ValidationDataCollector.class);

    private final RevocationSources sources;

    /** Certificates of our CAs and the CA that answers for them (one entry per CA: a handful at most). */
    private record CaGroup(X509Certificate issuer, List<X509Certificate> certificates) {
    }

    private final Map<CaGroup, RevocationSources.OcspAnswer> latestCaAnswers = new ConcurrentHashMap<>();

    ValidationDataCollector(RevocationSources sources) {
        this.sources = sources;
    }

    /** Refuses a signer certificate that is expired, not yet valid, revoked, suspended or unknown to our CA. */
    public void requireUsable(List<X509Certificate> chain, Instant now) {
        X509Certificate signer = chain.get(0);
        if (now.isAfter(signer.getNotAfter().toInstant())) {
            throw DomainException.conflict("signing.certificate-expired");
        }
        if (now.isBefore(signer.getNotBefore().toInstant())) {
            throw DomainException.conflict("signing.certificate-not-yet-valid");
        }
        requireGood(sources.status(signer, chain.get(1)));
    }

    private static void requireGood(RevocationSources.State state) {
        switch (state) {
            case GOOD -> { }
            case REVOKED -> throw DomainException.conflict("signing.certificate-revoked");
            case SUSPENDED -> throw DomainException.conflict("signing.certificate-suspended");
            default -> throw DomainException.conflict("signing.certificate-unknown");
        }
    }

    /**
     * Everything a verifier needs later to validate the signature and its time-stamp without asking us: every
     * certificate up to the root and an OCSP answer for each one below it, one answer per issuing CA (the signer's and
     * the TSA's certificates share the issuing CA's answer, asked for this signature; the root's about the issuing CA
     * may be one that another signature of the same second asked for: {@link #caAnswer}).
     */
    public PadesDocuments.ValidationData collect(List<X509Certificate> chain, TimeStampToken token) {
        X509Certificate signer = chain.get(0);
        X509Certificate tsa = tsaCertificate(token);
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        Map<X509Certificate, List<X509Certificate>> byIssuer = new LinkedHashMap<>();
        byIssuer.put(chain.get(1), new ArrayList<>(List.of(signer)));
        byIssuer.computeIfAbsent(issuerOf(tsa, chain), k -> new ArrayList<>()).add(tsa);
        for (int i = 1; i + 1 < chain.size(); i++) {
            byIssuer.computeIfAbsent(chain.get(i + 1), k -> new ArrayList<>()).add(chain.get(i));
        }
        List<byte[]> ocsps = new ArrayList<>();
        for (var e : byIssuer.entrySet()) {
            if (e.getValue().contains(signer)) {
                List<RevocationSources.OcspAnswer> answers = freshOcsp(e.getValue(), e.getKey(), genTime);
                requireGood(answers.get(0).state()); // revoked between the check before signing and now: nothing is handed out
                ocsps.add(answers.get(0).der());
            } else {
                ocsps.add(caAnswer(new CaGroup(e.getKey(), List.copyOf(e.getValue())), genTime).der());
            }
        }
        Set<X509Certificate> certs = new LinkedHashSet<>(chain);
        certs.add(tsa);
        return new PadesDocuments.ValidationData(List.copyOf(certs), ocsps);
    }

    /** The certificate of the chain that issued the TSA's: our TSA is certified by one of our CAs. */
    private static X509Certificate issuerOf(X509Certificate tsa, List<X509Certificate> chain) {
        return chain.stream().skip(1).filter(ca -> ca.getSubjectX500Principal().equals(tsa.getIssuerX500Principal()))
                .findFirst().orElseThrow(() -> new DomainException(ProblemKind.UNAVAILABLE, "signing.ca-unavailable"));
    }

    /**
     * The answer about certificates of our CAs (the issuing CA, by the root), which every signature embeds alike: the
     * latest one fetched, when it is dated in this time-stamp's second or later, or else a new one. Under load many
     * signatures share a second, so the root signs and this service verifies about one such answer per second (plus
     * one for each signature already under way when the second turns) rather than one per signature; no embedded
     * answer is dated before its own signature's time-stamp (both to the whole second).
     */
    private RevocationSources.OcspAnswer caAnswer(CaGroup group, Instant genTime) {
        RevocationSources.OcspAnswer latest = latestCaAnswers.get(group);
        if (latest != null && !latest.producedAt().isBefore(genTime)) {
            return latest;
        }
        RevocationSources.OcspAnswer fresh = freshOcsp(group.certificates(), group.issuer(), genTime).get(0);
        latestCaAnswers.merge(group, fresh, (kept, now) -> kept.producedAt().isAfter(now.producedAt()) ? kept : now);
        return fresh;
    }

    private List<RevocationSources.OcspAnswer> freshOcsp(List<X509Certificate> certs, X509Certificate issuer, Instant genTime) {
        List<RevocationSources.OcspAnswer> answers = sources.ocsp(certs, issuer);
        for (int i = 1; i < FRESHNESS_TRIES && answers.get(0).producedAt().isBefore(genTime); i++) {
            sleep(1050 - genTime.getNano() / 1_000_000);                     // into the next second
            answers = sources.ocsp(certs, issuer);
        }
        if (answers.get(0).producedAt().isBefore(genTime)) {
            LOG.warnf("OCSP answer from %s dated %s, before the time-stamp's %s after %d tries: the CA's clock is behind the "
                    + "TSA's; embedded anyway, a validator may not find it fresh", issuer.getSubjectX500Principal().getName(),
                    answers.get(0).producedAt(), genTime, FRESHNESS_TRIES);
        }
        return answers;
    }

    static X509Certificate tsaCertificate(TimeStampToken token) {
        try {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certs = token.getCertificates().getMatches(token.getSID());
            return new JcaX509CertificateConverter().getCertificate(certs.iterator().next());
        } catch (Exception e) {
            throw new IllegalStateException("The time-stamp token carries no TSA certificate", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(50, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
