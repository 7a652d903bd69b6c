package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.config.BouncyCastle;
import id.go.kapuaskab.sertel.certificate.config.CaConfig;
import id.go.kapuaskab.sertel.certificate.domain.Certificate;
import id.go.kapuaskab.sertel.certificate.domain.RevocationReason;
import id.go.kapuaskab.sertel.certificate.repository.CertificateRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jboss.logging.Logger;

/**
 * RFC 6960 responder for our CAs, signed by the CA that issued the certificate asked about (so no delegated
 * responder certificate is needed). Every answer is an OCSPResponse, errors included: a request that cannot be
 * read is {@code malformedRequest}, one about a CA we do not run is {@code unauthorized}, a failure of ours is
 * {@code internalError}. The nonce of the request is echoed.
 */
@ApplicationScoped
public class OcspResponder {

    private static final Logger LOG = Logger.getLogger(OcspResponder.class);
    private static final int REQUEST_KEYS = 10_000;

    private final CaRegistry cas;
    private final CertificateRepository certificates;
    private final Clock clock;
    private final Duration validity;
    private final int maxRequestBytes;
    private final DigestCalculatorProvider digests;
    private final OcspResponseCache cache;
    private final CaMetrics metrics;
    /** Per CA and hash algorithm, the issuer name and key hashes a CertID of that CA carries; computed once. */
    private final Map<String, byte[][]> issuerHashes = new ConcurrentHashMap<>();
    /**
     * Request bytes already understood, and the cache key they mean (only requests whose answer is cacheable); at most
     * {@link #REQUEST_KEYS} (about 2.5 MiB), then forgotten at once and learnt again.
     */
    private final Map<ByteBuffer, OcspResponseCache.Key> requestKeys = new ConcurrentHashMap<>();

    OcspResponder(CaRegistry cas, CertificateRepository certificates, Clock clock, CaConfig config, OcspResponseCache cache,
                  CaMetrics metrics) {
        this.cache = cache;
        this.metrics = metrics;
        this.cas = cas;
        this.certificates = certificates;
        this.clock = clock;
        this.validity = config.ocsp().validity();
        this.maxRequestBytes = config.ocsp().maxRequestBytes();
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The answer to this request if it is already signed and cached: no database, no signature, so the caller may run
     * it on an I/O thread. Empty for anything else (a nonce, several certificates, a miss, a request that does not
     * parse), which {@link #respond} then answers.
     */
    public Optional<byte[]> cached(byte[] der) {
        try {
            OcspResponseCache.Key key = cacheKeyOf(der);
            if (key == null) {
                return Optional.empty();
            }
            return cache.get(key).map(hit -> {
                metrics.ocsp(hit.status());
                return hit.der();
            });
        } catch (RuntimeException e) {
            return Optional.empty();                                   // respond() answers it, internalError included
        }
    }

    /**
     * The cache key of a request about one certificate of ours without a nonce, or null. Relying parties send the same
     * bytes again and again, so what the bytes mean is remembered (it never changes: the status is in the answer's
     * cache, not here), and parsing them — a third of the cached path's work in issue 21's profile — is done once.
     */
    private OcspResponseCache.Key cacheKeyOf(byte[] der) {
        if (der == null || der.length == 0 || der.length > maxRequestBytes) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.wrap(der);
        OcspResponseCache.Key known = requestKeys.get(bytes);
        if (known != null) {
            return known;
        }
        OCSPReq request = parse(der);
        OcspResponseCache.Key key = request == null ? null : cacheKey(request);
        if (key == null || issuerOf(request.getRequestList()[0].getCertID()).isEmpty()) {
            return null;
        }
        if (requestKeys.size() >= REQUEST_KEYS) {
            requestKeys.clear();
        }
        requestKeys.put(bytes, key);
        return key;
    }

    public byte[] respond(byte[] der) {
        OCSPReq request = parse(der);
        if (request == null) {
            return refused(OCSPRespBuilder.MALFORMED_REQUEST, "malformed");
        }
        try {
            return answer(request);
        } catch (RuntimeException | OCSPException | IOException | OperatorCreationException e) {
            LOG.error("OCSP response failed", e);
            return refused(OCSPRespBuilder.INTERNAL_ERROR, "internal_error");
        }
    }

    /** The request, or null when it is empty, too large, not an OCSPRequest or asks about no certificate. */
    private OCSPReq parse(byte[] der) {
        if (der == null || der.length == 0 || der.length > maxRequestBytes) {
            return null;
        }
        try {
            OCSPReq request = new OCSPReq(der);
            return request.getRequestList().length == 0 ? null : request;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Only an answer about one certificate without a nonce is the same for everyone, so only it is cached. */
    private static OcspResponseCache.Key cacheKey(OCSPReq request) {
        Req[] items = request.getRequestList();
        if (items.length != 1 || request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce) != null) {
            return null;
        }
        CertificateID id = items[0].getCertID();
        return new OcspResponseCache.Key(id.getSerialNumber().toString(16), id.getHashAlgOID().getId());
    }

    private byte[] refused(int status, String counted) {
        metrics.ocsp(counted);
        return error(status);
    }

    private byte[] answer(OCSPReq request) throws OCSPException, IOException, OperatorCreationException {
        Req[] items = request.getRequestList();
        Optional<CertificateAuthority> issuer = issuerOf(items[0].getCertID());
        if (issuer.isEmpty()) {
            return refused(OCSPRespBuilder.UNAUTHORIZED, "unauthorized");
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        OcspResponseCache.Key key = cacheKey(request);
        if (key != null) {
            Optional<OcspResponseCache.Answer> cached = cache.get(key);
            if (cached.isPresent()) {
                metrics.ocsp(cached.get().status());
                return cached.get().der();
            }
        }
        CertificateAuthority ca = issuer.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(ca.publicKeyInfo(), digests.get(CertificateID.HASH_SHA1)));
        String counted = null;
        for (Req item : items) {
            CertificateID id = item.getCertID();
            CertificateStatus status = issuerOf(id).filter(ca::equals).isPresent() ? statusOf(ca, id.getSerialNumber()) : new UnknownStatus();
            b.addResponse(id, status, Date.from(now), Date.from(now.plus(validity)), null);
            counted = status == CertificateStatus.GOOD ? "good" : status instanceof RevokedStatus ? "revoked" : "unknown";
            metrics.ocsp(counted);
        }
        if (nonce != null) {
            b.setResponseExtensions(new Extensions(nonce));
        }
        var basic = b.build(ca.signer(), null, Date.from(now));
        byte[] der = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        if (key != null) {
            cache.put(key, new OcspResponseCache.Answer(der, counted), now);
        }
        return der;
    }

    private Optional<CertificateAuthority> issuerOf(CertificateID id) {
        for (CertificateAuthority ca : cas.all()) {
            byte[][] expected = issuerHashes.computeIfAbsent(ca.name() + "/" + id.getHashAlgOID().getId(), k -> hashesOf(ca, id));
            if (expected != null && Arrays.equals(expected[0], id.getIssuerNameHash()) && Arrays.equals(expected[1], id.getIssuerKeyHash())) {
                return Optional.of(ca);
            }
        }
        return Optional.empty();
    }

    /** The name and key hashes of a CertID for this CA with the request's hash algorithm; null for an algorithm we lack. */
    private byte[][] hashesOf(CertificateAuthority ca, CertificateID like) {
        try {
            CertificateID own = new CertificateID(digests.get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(like.getHashAlgOID())), ca.holder(), BigInteger.ONE);
            return new byte[][]{own.getIssuerNameHash(), own.getIssuerKeyHash()};
        } catch (OCSPException | OperatorCreationException e) {
            return null;
        }
    }

    private CertificateStatus statusOf(CertificateAuthority ca, BigInteger serial) {
        if (ca.role() == CertificateAuthority.Role.ROOT) {
            X509CertificateHolder issuing = cas.issuing().holder();
            return issuing.getSerialNumber().equals(serial) ? CertificateStatus.GOOD : new UnknownStatus();
        }
        if (cas.tsa().certificate().getSerialNumber().equals(serial) && cas.tsa().chain().get(1).equals(ca.certificate())) {
            return CertificateStatus.GOOD;                                           // our TSA: not in the inventory
        }
        Certificate c = QuarkusTransaction.joiningExisting().call(() -> certificates.findById(serial.toString(16)));
        if (c == null || !c.caName.equals(ca.name())) {
            return new UnknownStatus();
        }
        if (c.isOnCrl()) {
            RevocationReason reason = c.revocationReason == null ? RevocationReason.unspecified : c.revocationReason;
            return new RevokedStatus(Date.from(c.revokedAt.truncatedTo(ChronoUnit.SECONDS)), reason.code());
        }
        return CertificateStatus.GOOD;
    }

    private static byte[] error(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (IOException | OCSPException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
