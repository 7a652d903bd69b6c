package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.config.BouncyCastle;
import id.go.kapuaskab.sertel.certificate.config.CaConfig;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.certificate.domain.Certificate;
import id.go.kapuaskab.sertel.certificate.domain.CertificateProfile;
import id.go.kapuaskab.sertel.certificate.domain.CertificateStatus;
import id.go.kapuaskab.sertel.certificate.domain.IssuanceResult;
import id.go.kapuaskab.sertel.certificate.domain.Issuance;
import id.go.kapuaskab.sertel.certificate.domain.IssueCommand;
import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import id.go.kapuaskab.sertel.certificate.repository.CertificateRepository;
import id.go.kapuaskab.sertel.certificate.repository.IssuanceRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The one signing path of our CA. Each call runs these steps, in this order, and nothing signs anywhere else:
 * <ol>
 *   <li>authorise: only the renewal service's identity may ask;</li>
 *   <li>check the request against the profile: key source, CSR (syntax, key type and size, weak key, proof of
 *       possession) or passphrase rules; nothing touches the database yet;</li>
 *   <li>in one transaction: lock the predecessor, if any; sign under a fresh random serial;</li>
 *   <li>still in it, in one statement: record the intent (the request id is the idempotency key) and, only if it was
 *       recorded, store the certificate unless its key was certified before, and, only if it was stored, append the
 *       audit record (who asked, the holder, profile, key, CA and validity) and write the {@code certificate.issued}
 *       event into the outbox. PostgreSQL's unique indexes are the arbiters: a concurrent call with the same request
 *       id waits for this transaction and then answers the replay (or 409 for other content under that id), one with
 *       the same key waits and is refused;</li>
 *   <li>mark the predecessor SUPERSEDED, and commit (fsync'd) before the answer leaves.</li>
 * </ol>
 * Two round trips to PostgreSQL for a new certificate without predecessor: that statement and the commit (a third
 * when every audit lane was held by other transactions at that moment: the record is then appended on its own,
 * waiting for a lane). A replay, a conflicting reuse of a request id and a reused key are found after the signature,
 * which is then discarded and its serial named in the audit record: they are rare, a round trip per issuance is not.
 * Intent, certificate, audit record and event are durable together or not at all: a crash before the commit leaves
 * nothing and the signed certificate never left the process; the retry issues it anew. (Until issue 21 the intent
 * committed in a transaction of its own first; an intent left by a crash then is still completed by its retry with
 * the reserved serial.) Refusals are audited in a transaction of their own, so they survive the rollback of the
 * refused work.
 */
@ApplicationScoped
public class IssuanceService {

    private static final String ACTION = "ISSUE";

    private final ProfileCatalog profiles;
    private final CaRegistry cas;
    private final CertificateRepository certificates;
    private final IssuanceRepository issuances;
    private final AuditLog audit;
    private final Clock clock;
    private final CsrInspector inspector;
    private final PassphraseRules passphrases;
    private final Pkcs12Packager packager;
    private final EndEntityCertificates builder;
    private final CertificateEvents events;
    private final CaMetrics metrics;
    private final SecureRandom random = new SecureRandom();

    IssuanceService(ProfileCatalog profiles, CaRegistry cas, CertificateRepository certificates, IssuanceRepository issuances,
                    AuditLog audit, CaMetrics metrics, Clock clock, CaConfig config, CertificateEvents events) {
        this.metrics = metrics;
        this.profiles = profiles;
        this.cas = cas;
        this.certificates = certificates;
        this.issuances = issuances;
        this.audit = audit;
        this.clock = clock;
        this.inspector = new CsrInspector(config.csrMaxBytes());
        this.passphrases = new PassphraseRules(config.keyGeneration().passphraseMinLength());
        this.packager = new Pkcs12Packager(config.keyGeneration().pbkdf2Iterations());
        this.builder = new EndEntityCertificates(cas.urls(), random);
        this.events = events;
    }

    /** What step 2 found: the profile, the subject key, and for a server-side key its pair. */
    private record Prepared(CertificateProfile profile, SubjectPublicKeyInfo key, KeyType keyType, String fingerprint,
                            KeyPair generated, String contentHash) {
    }

    public IssuanceResult issue(Caller caller, IssueCommand cmd) {
        String[] signed = new String[1];
        try {
            authorise(caller);                                                        // step 1
            Prepared prepared = prepare(cmd);                                         // step 2
            IssuanceResult result = QuarkusTransaction.requiringNew()                 // steps 3-5, one commit
                    .call(() -> issueOrReplay(caller, cmd, prepared, clock.instant(), signed));
            metrics.issuance(cmd.profile(), result.created() ? "issued" : "replayed");
            return result;
        } catch (DomainException e) {
            // a certificate signed for the refused call went with the rollback, never stored or sent: its serial is
            // named in the detail, so that every signature of the CA key is accounted for, and is no subject
            audit.now(caller, ACTION, "REFUSED", cmd.requestId(), null, e.code(),
                    signed[0] == null ? null : "signed under serial " + signed[0] + " and discarded: never stored or sent");
            metrics.issuance(cmd.profile(), "refused");
            throw e;
        }
    }

    /** The checks of {@code POST /internal/csr-checks}: the same as issuing would run, without issuing. */
    public void checkCsr(Caller caller, String csr, String profileName, String applicantEmail) {
        authorise(caller);
        CsrInspector.InspectedKey key = inspector.inspect(csr, profiles.get(profileName), applicantEmail);
        if (certificates.keyCertified(key.fingerprint())) {
            throw DomainException.invalid("csr.key-reused");
        }
    }

    private static void authorise(Caller caller) {
        if (!caller.is(Caller.RENEWAL_SERVICE)) {
            throw DomainException.forbidden("forbidden");
        }
    }

    private Prepared prepare(IssueCommand cmd) {
        CertificateProfile profile = profiles.get(cmd.profile());
        if ((cmd.csr() == null) == (cmd.keyGeneration() == null)) {
            throw DomainException.invalid("issuance.key-source");
        }
        if (cmd.csr() != null) {
            CsrInspector.InspectedKey key = inspector.inspect(cmd.csr(), profile, cmd.subject().email());
            return new Prepared(profile, key.publicKey(), key.keyType(), key.fingerprint(), null, contentHash(cmd, key.fingerprint()));
        }
        KeyType type = cmd.keyGeneration().keyType() == null ? KeyType.EC_P256 : cmd.keyGeneration().keyType();
        if (!profile.keyTypes().contains(type)) {
            throw DomainException.invalid("keygen.key-type-not-allowed", type, profile.keyTypes());
        }
        passphrases.check(cmd.keyGeneration().passphrase(), cmd.subject());
        try {
            KeyPair pair = type.generate(BouncyCastle.PROVIDER, random);
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
            return new Prepared(profile, spki, type, PublicKeys.fingerprint(spki), pair, contentHash(cmd, "keygen:" + type));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + type + " key", e);
        }
    }

    /**
     * Steps 3 to 5 in the caller's transaction. The certificate is signed first, under a fresh random serial, so that
     * the intent and the certificate are written in one statement; when the request id was recorded before, that
     * signature is discarded (it never leaves the process; the audit record names its serial) and the call is a
     * replay, a conflict, or the completion of an intent left before issue 21. What stops a new signature (an unknown
     * predecessor, the CA's validity running out, the key store failing) does not stop a replay or a 409: those answer
     * as they did when the intent came first.
     */
    private IssuanceResult issueOrReplay(Caller caller, IssueCommand cmd, Prepared p, Instant now, String[] signed) {
        Certificate predecessor;
        Signed fresh;
        try {
            predecessor = checkPredecessor(cmd);                                       // locked until the commit
            fresh = sign(cmd, p, builder.newSerial(p.profile()), predecessor, now);
        } catch (RuntimeException e) {
            return seenBeforeOr(caller, cmd, p, e);
        }
        Certificate c = fresh.certificate();
        signed[0] = c.serial;
        byte[] pkcs12 = pack(cmd, p, fresh);            // before the statement, so the audit lane it takes is not held through PBKDF2
        AuditLog.Staged issuedRecord = audit.stage(caller, ACTION, "ISSUED", cmd.requestId(), c.serial, null,
                issuedDetail(cmd, p, fresh, predecessor), IssuanceRepository.CERTIFIED);
        return switch (issuances.record(p.contentHash(), c, issuedRecord.part(), events.issuedWith(c, IssuanceRepository.CERTIFIED))) {
            case RECORDED -> {
                issuedRecord.settle();
                yield issued(fresh, predecessor, pkcs12);
            }
            case KEY_CERTIFIED -> throw DomainException.invalid("csr.key-reused");     // rolls the intent back
            case REQUEST_SEEN -> seenBefore(caller, cmd, p, signed[0])
                    .orElseGet(() -> completeLeftIntent(caller, cmd, p, predecessor, now));
        };
    }

    /** The replay or 409 of a request id recorded before, when a new signature could not be made; else that failure. */
    private IssuanceResult seenBeforeOr(Caller caller, IssueCommand cmd, Prepared p, RuntimeException failure) {
        Optional<IssuanceResult> seen;
        try {
            seen = seenBefore(caller, cmd, p, null);
        } catch (DomainException answer) {
            throw answer;                                                              // the request id, used for other content
        } catch (RuntimeException lookup) {
            failure.addSuppressed(lookup);
            throw failure;
        }
        return seen.orElseThrow(() -> failure);
    }

    /**
     * The answer to a request id recorded before, or by a concurrent call that has just committed (its row is locked
     * now): the replay, or 409. Empty when there is no record, or only an intent left before issue 21.
     */
    private Optional<IssuanceResult> seenBefore(Caller caller, IssueCommand cmd, Prepared p, String discardedSerial) {
        Optional<Issuance> found = issuances.findForUpdate(cmd.requestId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Issuance existing = found.get();
        if (!existing.contentHash.equals(p.contentHash())) {
            throw DomainException.conflict("issuance.request-id-conflict");
        }
        if (!Issuance.ISSUED.equals(existing.state)) {
            return Optional.empty();
        }
        if (existing.keyGenerated) {
            throw DomainException.conflict("issuance.key-already-delivered");
        }
        Certificate issued = certificates.findById(existing.serial);
        audit.inTransaction(caller, ACTION, "REPLAYED", cmd.requestId(), issued.serial, null, discardedSerial == null ? null
                : "signed again under serial " + discardedSerial + " and discarded: never stored or sent");
        return Optional.of(new IssuanceResult(issued, cas.require(issued.caName).chain(), null, false));   // its own CA's chain
    }

    /** An intent left by a crash before issue 21, when it committed on its own: completed under its reserved serial. */
    private IssuanceResult completeLeftIntent(Caller caller, IssueCommand cmd, Prepared p, Certificate predecessor, Instant now) {
        Issuance existing = issuances.findForUpdate(cmd.requestId())
                .orElseThrow(() -> new IllegalStateException("No intent for " + cmd.requestId()));
        Signed completing = sign(cmd, p, new BigInteger(existing.serial, 16), predecessor, now);
        if (!certificates.insertUnlessKeyCertified(completing.certificate())) {
            throw DomainException.invalid("csr.key-reused");
        }
        existing.state = Issuance.ISSUED;
        existing.completedAt = now;
        audit.inTransaction(caller, ACTION, "ISSUED", cmd.requestId(), completing.certificate().serial, null,
                issuedDetail(cmd, p, completing, predecessor));
        events.issued(completing.certificate());
        return issued(completing, predecessor, pack(cmd, p, completing));
    }

    /** A signed certificate and the row it is stored as. */
    private record Signed(X509CertificateHolder holder, Certificate certificate, CertificateAuthority ca) {
    }

    /** Step 3: signs, and describes the certificate as it will be stored. */
    private Signed sign(IssueCommand cmd, Prepared p, BigInteger serial, Certificate predecessor, Instant now) {
        CertificateAuthority ca = cas.issuing();
        X500Name subject = builder.subject(p.profile(), cmd.subject(), cmd.holderId());
        EndEntityCertificates.Validity validity = builder.validity(ca, p.profile(), now);
        X509CertificateHolder signed = builder.sign(ca, p.profile(), subject, cmd.subject().email(), p.key(), serial, validity);
        Certificate c = new Certificate();
        c.serial = serial.toString(16);
        c.caName = ca.name();
        c.requestId = cmd.requestId();
        c.holderId = cmd.holderId();
        c.institutionId = cmd.subject().institutionId();
        c.profile = p.profile().name();
        c.subjectDn = subject.toString();
        c.commonName = cmd.subject().commonName();
        c.email = cmd.subject().email();
        c.keyType = p.keyType();
        c.keyFingerprint = p.fingerprint();
        c.keyGenerated = p.generated() != null;
        c.notBefore = validity.notBefore();
        c.notAfter = validity.notAfter();
        c.status = CertificateStatus.ACTIVE;
        c.der = encoded(signed);
        c.predecessorSerial = predecessor == null ? null : predecessor.serial;
        c.createdAt = now;
        return new Signed(signed, c, ca);
    }

    /** What the ISSUED audit record says besides who asked: the holder, profile, key, CA, validity and predecessor. */
    private static String issuedDetail(IssueCommand cmd, Prepared p, Signed s, Certificate predecessor) {
        return "holder " + cmd.holderId() + ", profile " + p.profile().name() + ", key " + p.fingerprint() + ", ca " + s.ca().name()
                + ", notAfter " + s.certificate().notAfter + (predecessor == null ? "" : ", supersedes " + predecessor.serial);
    }

    /** A generated key packed in a PKCS#12 under the caller's passphrase with its certificate and chain; null for a CSR. */
    private byte[] pack(IssueCommand cmd, Prepared p, Signed s) {
        return p.generated() == null ? null : packager.pack(p.generated().getPrivate(), s.holder(), s.ca().chain(),
                cmd.keyGeneration().passphrase().toCharArray(), cmd.subject().commonName());
    }

    /** Once the certificate, its audit record and its event are stored: the predecessor superseded, the answer. */
    private IssuanceResult issued(Signed s, Certificate predecessor, byte[] pkcs12) {
        Certificate c = s.certificate();
        if (predecessor != null) {
            predecessor.successorSerial = c.serial;
            if (predecessor.status == CertificateStatus.ACTIVE || predecessor.status == CertificateStatus.SUSPENDED) {
                predecessor.status = CertificateStatus.SUPERSEDED;
            }
        }
        return new IssuanceResult(c, s.ca().chain(), pkcs12, true);
    }

    private Certificate checkPredecessor(IssueCommand cmd) {
        if (cmd.predecessorSerial() == null) {
            return null;
        }
        Certificate predecessor = certificates.findForUpdate(cmd.predecessorSerial())
                .orElseThrow(() -> DomainException.invalid("issuance.predecessor-unknown", cmd.predecessorSerial()));
        if (!predecessor.holderId.equals(cmd.holderId())) {
            throw DomainException.invalid("issuance.predecessor-unknown", cmd.predecessorSerial());
        }
        if (predecessor.successorSerial != null) {            // renewed before: one successor per certificate
            throw DomainException.conflict("issuance.predecessor-superseded", predecessor.serial, predecessor.successorSerial);
        }
        return predecessor;
    }

    /**
     * What makes two calls with one request id "the same request". The NIK and the passphrase are left out on
     * purpose: neither may be stored, not even as a hash that a 16-digit search could reverse.
     */
    private static String contentHash(IssueCommand cmd, String keyPart) {
        var s = cmd.subject();
        String canonical = String.join("\u0000", cmd.holderId().toString(), cmd.profile(), s.commonName(), s.email(),
                String.valueOf(s.institutionId()), s.organization(), Objects.toString(s.organizationalUnit(), ""), keyPart,
                Objects.toString(cmd.predecessorSerial(), ""));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(X509CertificateHolder holder) {
        try {
            return holder.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
