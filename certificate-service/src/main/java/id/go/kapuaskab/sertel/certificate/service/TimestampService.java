package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.config.BouncyCastle;
import id.go.kapuaskab.sertel.certificate.config.CaConfig;
import id.go.kapuaskab.sertel.certificate.domain.TimestampRecord;
import id.go.kapuaskab.sertel.certificate.repository.TimestampRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.jboss.logging.Logger;

/**
 * The RFC 3161 time-stamping authority. Every answer is a TimeStampResp, refusals included (RFC 3161 §2.4.2), so
 * stock clients read it: a request that cannot be parsed is {@code badDataFormat}, a hash we do not accept
 * {@code badAlg}, another TSA policy {@code unacceptedPolicy}. A granted token carries our policy, the configured
 * accuracy, the nonce of the request, a fresh random serial that the database keeps unique, and a signing-certificate-v2
 * attribute (ESSCertIDv2, SHA-256) naming our TSA certificate; the certificates come along when the request asks
 * ({@code certReq}). Each grant is recorded and audited in one transaction before the token leaves.
 */
@ApplicationScoped
public class TimestampService {

    private static final Logger LOG = Logger.getLogger(TimestampService.class);
    private static final String ACTION = "TIMESTAMP";
    /** Hash algorithms of message imprints we stamp: the SHA-2 family only. */
    private static final Set<ASN1ObjectIdentifier> ALGORITHMS = Set.of(NISTObjectIdentifiers.id_sha256,
            NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);

    private final CaRegistry cas;
    private final TimestampRepository records;
    private final AuditLog audit;
    private final Clock clock;
    private final CaConfig.Tsa settings;
    private final ASN1ObjectIdentifier policy;
    private final DigestCalculatorProvider digests;
    private final SecureRandom random = new SecureRandom();

    TimestampService(CaRegistry cas, TimestampRepository records, AuditLog audit, Clock clock, CaConfig config) {
        this.cas = cas;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
        this.settings = config.tsa();
        this.policy = new ASN1ObjectIdentifier(settings.policyOid());
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers a DER TimeStampReq with a DER TimeStampResp. */
    public byte[] respond(byte[] der) {
        TimeStampRequest request;
        try {
            if (der == null || der.length == 0 || der.length > settings.maxRequestBytes()) {
                return refuse(PKIFailureInfo.badDataFormat, "request empty or larger than " + settings.maxRequestBytes() + " bytes");
            }
            request = new TimeStampRequest(der);
        } catch (IOException | RuntimeException e) {
            return refuse(PKIFailureInfo.badDataFormat, "not a DER TimeStampReq");
        }
        try {
            request.validate(ALGORITHMS, Set.of(policy), Set.of());
        } catch (TSPValidationException e) {
            audit.now(null, ACTION, "REFUSED", null, null, "tsa.rejected", e.getMessage());
            return refuse(e.getFailureCode(), e.getMessage());
        } catch (TSPException e) {
            return refuse(PKIFailureInfo.badRequest, "invalid request");
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> grant(request));
        } catch (RuntimeException e) {
            LOG.error("Time-stamping failed", e);
            return refuse(PKIFailureInfo.systemFailure, "the TSA cannot answer now");
        }
    }

    private byte[] grant(TimeStampRequest request) throws TSPException, IOException, OperatorCreationException, CertificateEncodingException {
        TimestampAuthority tsa = cas.tsa();
        Instant genTime = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        BigInteger serial = new BigInteger(127, random).setBit(127);
        TimestampRecord r = new TimestampRecord();
        r.serial = serial.toString(16);
        r.genTime = genTime;
        r.policyOid = policy.getId();
        r.hashAlgorithm = request.getMessageImprintAlgOID().getId();
        r.messageImprint = HexFormat.of().formatHex(request.getMessageImprintDigest());
        r.nonce = request.getNonce() == null ? null : request.getNonce().toString(16);
        r.tsaSerial = tsa.certificate().getSerialNumber().toString(16);
        records.persist(r);
        records.flush();                                                          // a duplicate serial fails here, before signing
        audit.inTransaction(null, ACTION, "GRANTED", null, r.serial, null,
                "tsa " + r.tsaSerial + ", imprint " + r.hashAlgorithm + ":" + r.messageImprint + ", policy " + r.policyOid);

        SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(digests).build(tsa.signer(), tsa.certificate());
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer,
                digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), policy);
        Duration accuracy = settings.accuracy();
        if (accuracy.toSeconds() > 0) {
            tokens.setAccuracySeconds((int) accuracy.toSeconds());
        }
        if (accuracy.toMillisPart() > 0) {
            tokens.setAccuracyMillis(accuracy.toMillisPart());
        }
        tokens.addCertificates(new JcaCertStore(tsa.chain()));
        TimeStampResponse response = new TimeStampResponseGenerator(tokens, ALGORITHMS, Set.of(policy))
                .generateGrantedResponse(request, serial, Date.from(genTime));
        return response.getEncoded();
    }

    private static byte[] refuse(int failure, String text) {
        try {
            return new TimeStampResponseGenerator(null, ALGORITHMS).generateFailResponse(PKIStatus.REJECTION, failure, text).getEncoded();
        } catch (TSPException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
