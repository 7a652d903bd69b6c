package id.go.kapuaskab.sertel.signing.service;

import id.go.kapuaskab.sertel.support.problem.DomainException;
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
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The status checks before a signature (from the CA's cached OCSP answer, which the CA drops on a status change; the
 * signer's answer fetched after the time-stamp is checked again, so a revocation in between hands out nothing) and the
 * validation data after it (PAdES B-LT): for the signer's certificate,
 * the TSA's certificate and the issuing CA, an OCSP answer from our CA and the CRL of their issuer, plus every
 * certificate up to the root. ETSI EN 319 102-1 wants revocation data issued after the signature time-stamp. Our
 * TSA's {@code genTime} and our OCSP responder's {@code producedAt} are both whole seconds, so an answer fetched after
 * the time-stamp carries the same second or a later one and is taken; only an answer dated <em>before</em> the
 * time-stamp (a responder whose clock is behind the TSA's) is asked again once the clock has moved into the next
 * second. A same-second answer is accepted: DSS's validator passes such signatures at B-LT (its signer logs that it
 * found no revocation data strictly after the best signature time).
 */
@ApplicationScoped
public class ValidationDataCollector {

    private static final int FRESHNESS_TRIES = 3;

    private final RevocationSources sources;

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

    /** Everything a verifier needs later to validate the signature and its time-stamp without asking us. */
    public PadesDocuments.ValidationData collect(List<X509Certificate> chain, TimeStampToken token) {
        X509Certificate tsa = tsaCertificate(token);
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        Map<X509Certificate, X509Certificate> subjects = new LinkedHashMap<>();
        subjects.put(chain.get(0), chain.get(1));
        subjects.put(tsa, chain.get(1));
        for (int i = 1; i + 1 < chain.size(); i++) {
            subjects.put(chain.get(i), chain.get(i + 1));
        }
        List<byte[]> ocsps = new ArrayList<>();
        Set<String> crlNames = new LinkedHashSet<>();               // the signer's and the TSA's CA: one CRL, fetched once
        for (var e : subjects.entrySet()) {
            RevocationSources.OcspAnswer answer = freshOcsp(e.getKey(), e.getValue(), genTime);
            if (e.getKey().equals(chain.get(0))) {
                requireGood(answer.state());      // revoked between the check before signing and now: nothing is handed out
            }
            ocsps.add(answer.der());
            RevocationSources.caNameOfCrl(e.getKey()).ifPresent(crlNames::add);
        }
        List<byte[]> crls = crlNames.stream().map(sources::crl).toList();
        Set<X509Certificate> certs = new LinkedHashSet<>(chain);
        certs.add(tsa);
        return new PadesDocuments.ValidationData(List.copyOf(certs), ocsps, crls);
    }

    private RevocationSources.OcspAnswer freshOcsp(X509Certificate cert, X509Certificate issuer, Instant genTime) {
        RevocationSources.OcspAnswer answer = sources.ocsp(cert, issuer);
        for (int i = 1; i < FRESHNESS_TRIES && answer.producedAt().isBefore(genTime); i++) {
            sleep(1050 - genTime.getNano() / 1_000_000);                     // into the next second
            answer = sources.ocsp(cert, issuer);
        }
        return answer;
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
