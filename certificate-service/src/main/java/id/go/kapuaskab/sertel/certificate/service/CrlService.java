package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.config.CaConfig;
import id.go.kapuaskab.sertel.certificate.domain.CaAuthority;
import id.go.kapuaskab.sertel.certificate.domain.Certificate;
import id.go.kapuaskab.sertel.certificate.domain.RevocationReason;
import id.go.kapuaskab.sertel.certificate.repository.CaAuthorityRepository;
import id.go.kapuaskab.sertel.certificate.repository.CertificateRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.jboss.logging.Logger;

/**
 * Full CRLs, one per CA, with a CRL number that only grows. Signing takes the CA's row lock, so replicas never sign
 * two CRLs with one number; a revocation re-signs inside its own transaction, the scheduler re-signs CRLs older
 * than {@code sertel.ca.crl.refresh}. A re-signing that fails at start or on schedule is logged and leaves that CA's
 * current CRL in place (OCSP and issuance keep serving; {@code sertel_crl_next_update_seconds} and its alerts show
 * the age) and the next check tries again; it never stops the service or the other CAs' CRLs.
 */
@ApplicationScoped
public class CrlService {

    private static final Logger LOG = Logger.getLogger(CrlService.class);

    private final CaRegistry cas;
    private final CaAuthorityRepository authorities;
    private final CertificateRepository certificates;
    private final Clock clock;
    private final Duration validity;
    private final Duration refresh;

    CrlService(CaRegistry cas, CaAuthorityRepository authorities, CertificateRepository certificates, Clock clock, CaConfig config) {
        this.cas = cas;
        this.authorities = authorities;
        this.certificates = certificates;
        this.clock = clock;
        this.validity = config.crl().validity();
        this.refresh = config.crl().refresh();
    }

    void onStart(@Observes StartupEvent event) {
        for (CertificateAuthority ca : cas.all()) {
            QuarkusTransaction.requiringNew().run(() -> authorities.insertIfAbsent(ca.name(), ca.role().name(), der(ca)));
        }
        refreshStale();
    }

    @Scheduled(every = "${sertel.ca.crl.check-every:5m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshStale() {
        for (CertificateAuthority ca : cas.all()) {
            try {
                refreshIfStale(ca);
            } catch (RuntimeException e) {
                LOG.errorf(e, "The CRL of %s could not be re-signed; its current CRL stays until the next check", ca.name());
            }
        }
    }

    private void refreshIfStale(CertificateAuthority ca) {
        QuarkusTransaction.requiringNew().run(() -> {
            CaAuthority row = authorities.findForUpdate(ca.name()).orElseThrow();
            Instant now = clock.instant();
            if (row.crl == null || row.crlThisUpdate.plus(refresh).isBefore(now) || row.crlNextUpdate.isBefore(now)
                    || row.crlThisUpdate.isAfter(now)) {
                sign(ca, row, now);
            }
        });
    }

    /** Re-signs the CA's CRL now; joins the caller's transaction (a revocation's), under the CA's row lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String caName) {
        CaAuthority row = authorities.findForUpdate(caName).orElseThrow();
        sign(cas.require(caName), row, clock.instant());
    }

    /** The current CRL (DER); signed on the spot if there is none yet. */
    public byte[] current(String caName) {
        CertificateAuthority ca = cas.require(caName);
        byte[] crl = QuarkusTransaction.joiningExisting().call(() -> authorities.findById(ca.name()).crl);
        if (crl == null) {
            refreshIfStale(ca);
            crl = QuarkusTransaction.joiningExisting().call(() -> authorities.findById(ca.name()).crl);
        }
        return crl;
    }

    private void sign(CertificateAuthority ca, CaAuthority row, Instant now) {
        Instant thisUpdate = now.truncatedTo(ChronoUnit.SECONDS);
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(ca.holder().getSubject(), Date.from(thisUpdate));
            b.setNextUpdate(Date.from(thisUpdate.plus(validity)));
            for (Certificate c : certificates.onCrl(ca.name())) {
                if (c.revokedAt == null) {   // refused by certificate_revoked_at_present since V5; a row from before it
                    throw new IllegalStateException("Certificate " + c.serial + " is " + c.status
                            + " without a revocation time (revoked_at); a CRL cannot list it, and leaving it off would hide a revocation");
                }
                ExtensionsGenerator entry = new ExtensionsGenerator();
                if (c.revocationReason != null && c.revocationReason != RevocationReason.unspecified) {
                    entry.addExtension(Extension.reasonCode, false, CRLReason.lookup(c.revocationReason.code()));
                }
                if (c.invalidityDate != null) {
                    entry.addExtension(Extension.invalidityDate, false,
                            new ASN1GeneralizedTime(Date.from(c.invalidityDate.truncatedTo(ChronoUnit.SECONDS))));
                }
                b.addCRLEntry(new BigInteger(c.serial, 16), Date.from(c.revokedAt.truncatedTo(ChronoUnit.SECONDS)),
                        entry.isEmpty() ? null : entry.generate());
            }
            SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(ca.holder().getExtensions());
            b.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(ski.getKeyIdentifier()));
            long number = row.crlNumber + 1;
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            row.crl = b.build(ca.signer()).getEncoded();
            row.crlNumber = number;
            row.crlThisUpdate = thisUpdate;
            row.crlNextUpdate = thisUpdate.plus(validity);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the CRL of " + ca.name(), e);
        }
    }

    private static byte[] der(CertificateAuthority ca) {
        try {
            return ca.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
