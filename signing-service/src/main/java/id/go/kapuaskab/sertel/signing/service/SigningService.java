package id.go.kapuaskab.sertel.signing.service;

import id.go.kapuaskab.sertel.signing.config.SigningConfig;
import id.go.kapuaskab.sertel.signing.domain.KeyStatus;
import id.go.kapuaskab.sertel.signing.domain.SignatureRecord;
import id.go.kapuaskab.sertel.signing.domain.SigningKey;
import id.go.kapuaskab.sertel.signing.repository.SignatureRecordRepository;
import id.go.kapuaskab.sertel.signing.repository.SigningKeyRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Signs a PDF with a holder's kept key, PAdES-BASELINE-LT, in these steps:
 * <ol>
 *   <li>authorise: the holder for their own key, or an integration client with scope {@code documents:sign} acting
 *       for a holder of one of its institutions;</li>
 *   <li>read the PDF (size, syntax, no encryption) and check the visible box;</li>
 *   <li>find the holder's certified key and check its certificate now: not expired, and OCSP says good (a revoked
 *       or suspended certificate signs nothing), before the passphrase is even tried;</li>
 *   <li>open the key with the passphrase (wrong ones counted, five lock it);</li>
 *   <li>append the signature: CMS with signing-certificate-v2 and our TSA's signature time-stamp (B-T);</li>
 *   <li>append the DSS with the certificates and OCSP answers of the signer's and the TSA's chains (B-LT),
 *       fetched after the time-stamp so they are fresh for it: one answer per issuing CA;</li>
 *   <li>record the signature.</li>
 * </ol>
 */
@ApplicationScoped
public class SigningService {

    public static final String SCOPE = "documents:sign";
    public static final String LEVEL = "PAdES-BASELINE-LT";
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final SigningKeyRepository keys;
    private final SignatureRecordRepository records;
    private final KeyCustodyService custody;
    private final Timestamper timestamper;
    private final ValidationDataCollector validationData;
    private final SigningConfig config;
    private final SigningAudit audit;
    private final Clock clock;

    SigningService(SigningKeyRepository keys, SignatureRecordRepository records, KeyCustodyService custody, Timestamper timestamper,
                   ValidationDataCollector validationData, SigningConfig config, SigningAudit audit, Clock clock) {
        this.audit = audit;
        this.keys = keys;
        this.records = records;
        this.custody = custody;
        this.timestamper = timestamper;
        this.validationData = validationData;
        this.config = config;
        this.clock = clock;
    }

    /** What a caller asks to sign. {@code holderId} is for integration clients; {@code visible} may be null. */
    public record Command(byte[] document, char[] passphrase, UUID holderId, VisibleSignature visible) {
    }

    /** The signed PDF and its record. */
    public record Result(byte[] pdf, SignatureRecord record) {
    }

    public Result sign(Caller caller, Command cmd) {
        UUID holderId = holderOf(caller, cmd.holderId());                                          // step 1
        try (PDDocument doc = PdfDocuments.open(cmd.document(), config.documents().maxBytes())) {   // step 2
            if (cmd.visible() != null) {
                cmd.visible().check(doc.getNumberOfPages());
            }
            if (cmd.passphrase() == null || cmd.passphrase().length == 0) {
                throw DomainException.invalidField("passphrase", "required");
            }
            Instant now = clock.instant();
            SigningKey key = QuarkusTransaction.joiningExisting().call(() -> keys.currentOf(holderId)).orElse(null); // step 3
            if (caller.isIntegration() && (key == null || !caller.institutions().contains(key.institutionId))) {
                throw DomainException.forbidden("signing.institution-not-allowed");
            }
            if (key == null) {
                throw DomainException.conflict("signing.no-certified-key");
            }
            if (key.status == KeyStatus.LOCKED) {
                throw DomainException.conflict("signing-key.locked");
            }
            List<X509Certificate> chain = chainOf(key);
            validationData.requireUsable(chain, now);
            PrivateKey privateKey = custody.open(key.id, cmd.passphrase(), caller.describe());       // step 4

            UUID signatureId = UUID.randomUUID();
            X509Certificate issuing = chain.get(1);
            String signer = commonName(chain.get(0).getSubjectX500Principal());
            PadesDocuments.Meta meta = new PadesDocuments.Meta(signer, config.documents().location(), config.documents().reason(),
                    calendar(now), config.documents().signatureSize());
            InputStream template = cmd.visible() == null ? null : SignatureAppearance.template(doc, cmd.visible(),
                    lines(cmd.visible(), signer, now), cmd.visible().qr() ? verificationUrl(signatureId) : null);
            PadesDocuments.Signed signed = PadesDocuments.sign(doc, cmd.document().length, meta, template,   // step 5
                    cmd.visible() == null ? 1 : cmd.visible().page(),
                    content -> CadesSignatures.sign(content, privateKey, chain, imprint -> timestamper.stamp(imprint, issuing)));
            TimeStampToken token = signed.cms().timestamp();
            byte[] pdf = PadesDocuments.addValidationData(signed.pdf(), signed.cms().cms(),               // step 6
                    validationData.collect(chain, token));

            SignatureRecord r = new SignatureRecord();                                                  // step 7
            r.id = signatureId;
            r.keyId = key.id;
            r.holderId = holderId;
            r.institutionId = key.institutionId;
            r.signedBy = caller.subject();
            r.clientId = caller.isIntegration() ? caller.subject() : null;
            r.documentSha256 = Certificates.sha256Hex(cmd.document());
            r.signedSha256 = Certificates.sha256Hex(pdf);
            r.certificateSerial = key.certificateSerial;
            r.signedAt = now;
            r.timestampTime = token.getTimeStampInfo().getGenTime().toInstant();
            r.tsaSerial = token.getTimeStampInfo().getSerialNumber().toString(16);
            r.level = LEVEL;
            r.visible = cmd.visible() != null;
            QuarkusTransaction.requiringNew().run(() -> {
                records.persist(r);
                audit.signature(caller, r);
            });
            return new Result(pdf, r);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (cmd.passphrase() != null) {
                java.util.Arrays.fill(cmd.passphrase(), '\0');
            }
        }
    }

    private static UUID holderOf(Caller caller, UUID requested) {
        if (caller.isApplicant() && !caller.isIntegration()) {
            UUID self = caller.accountId();
            if (requested != null && !requested.equals(self)) {
                throw DomainException.forbidden("signing.not-your-key");
            }
            return self;
        }
        if (caller.isIntegration()) {
            if (!caller.hasScope(SCOPE)) {
                throw DomainException.forbidden("signing.scope-missing", SCOPE);
            }
            if (requested == null) {
                throw DomainException.invalidField("holderId", "required");
            }
            return requested;
        }
        throw DomainException.forbidden("forbidden");
    }

    private static List<X509Certificate> chainOf(SigningKey key) {
        List<X509Certificate> chain = new java.util.ArrayList<>();
        chain.add(Certificates.fromDer(key.certificate));
        chain.addAll(Certificates.parse(key.chainPem, "signing-key.chain-malformed"));
        return chain;
    }

    private String verificationUrl(UUID signatureId) {
        return config.appearance().verificationUrl() + "?id=" + signatureId;
    }

    private static List<String> lines(VisibleSignature v, String signer, Instant now) {
        String when = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").format(now.atZone(WIB)) + " WIB";
        String first = v.text() == null || v.text().isBlank() ? "Ditandatangani secara elektronik oleh:" : v.text().strip();
        return List.of(first, signer, when);
    }

    static String commonName(X500Principal principal) {
        X500Name name = X500Name.getInstance(principal.getEncoded());
        var cn = name.getRDNs(BCStyle.CN);
        return cn.length == 0 ? principal.getName() : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(instant.toEpochMilli());
        return c;
    }
}
