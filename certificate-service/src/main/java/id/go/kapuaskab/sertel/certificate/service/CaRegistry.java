package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.config.CaConfig;
import id.go.kapuaskab.sertel.certificate.repository.CaKeyStorage;
import id.go.kapuaskab.sertel.certificate.repository.Pkcs11KeyStorage;
import id.go.kapuaskab.sertel.certificate.repository.Pkcs12KeyStorage;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * The CAs of this service, ready to sign, found or created once when the service starts. A missing or unreadable
 * keystore stops the start, as it should: a CA without keys must not pretend to be up.
 */
@Startup
@ApplicationScoped
public class CaRegistry {

    private final CertificateAuthority root;
    private final CertificateAuthority issuing;
    private final TimestampAuthority tsa;
    private final AuditKey audit;
    private final PkiUrls urls;

    CaRegistry(CaConfig config, Clock clock) {
        this.urls = new PkiUrls(config.publicBaseUrl());
        CaKeyStorage storage = storage(config.keystore());
        CaConfig.Bootstrap b = config.bootstrap();
        CaBootstrap.Source source = new CaBootstrap.Source(b.generate(), b.importPkcs12().map(Path::of),
                b.importPassword().map(String::toCharArray), b.importPemDir().map(Path::of));
        List<CertificateAuthority> cas = new CaBootstrap(storage, clock, urls).ensure(spec(config.root()), spec(config.issuing()), source);
        this.root = cas.get(0);
        this.issuing = cas.get(1);
        CaConfig.Tsa t = config.tsa();
        TsaBootstrap keys = new TsaBootstrap(storage, clock, urls);
        this.tsa = keys.ensure(new CaBootstrap.Spec(t.name(), t.subject(), t.keyType(), t.validity()), issuing);
        CaConfig.AuditKey a = config.audit();
        this.audit = new AuditKey(a.name(), List.of(keys.ensureKey(new CaBootstrap.Spec(a.name(), a.subject(), a.keyType(), a.validity()),
                issuing, KeyPurposeId.getInstance(new ASN1ObjectIdentifier(a.purposeOid())))), storage);
    }

    private static CaKeyStorage storage(CaConfig.Keystore k) {
        return switch (k.type()) {
            case "PKCS12" -> new Pkcs12KeyStorage(Path.of(k.path()), k.password().toCharArray());
            case "PKCS11" -> new Pkcs11KeyStorage(k.pkcs11Config().orElseThrow(() -> new IllegalStateException(
                    "sertel.ca.keystore.type=PKCS11 needs sertel.ca.keystore.pkcs11-config")), k.password().toCharArray());
            default -> throw new IllegalStateException("sertel.ca.keystore.type must be PKCS12 or PKCS11, was " + k.type());
        };
    }

    private static CaBootstrap.Spec spec(CaConfig.Authority a) {
        return new CaBootstrap.Spec(a.name(), a.subject(), a.keyType(), a.validity());
    }

    public CertificateAuthority root() {
        return root;
    }

    /** The CA that signs end-entity certificates. */
    public CertificateAuthority issuing() {
        return issuing;
    }

    /** Our RFC 3161 time-stamping authority, certified by {@link #issuing()}. */
    public TimestampAuthority tsa() {
        return tsa;
    }

    /** The key that signs the audit trail's checkpoints, certified by {@link #issuing()}. */
    public AuditKey audit() {
        return audit;
    }

    public List<CertificateAuthority> all() {
        return List.of(issuing, root);
    }

    public Optional<CertificateAuthority> byName(String name) {
        return all().stream().filter(ca -> ca.name().equals(name)).findFirst();
    }

    public CertificateAuthority require(String name) {
        return byName(name).orElseThrow(() -> DomainException.notFound("ca.unknown", name == null ? "" : name));
    }

    public PkiUrls urls() {
        return urls;
    }
}
