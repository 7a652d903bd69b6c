package id.go.kapuaskab.sertel.certificate.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.security.Provider;
import java.security.Security;
import org.jboss.logging.Logger;

/**
 * Puts BouncyCastle's ECDSA first for {@code SHA256withECDSA} and {@code SHA384withECDSA} looked up without a named
 * provider, which is how the token library (jose4j, under SmallRye JWT) verifies every ES256 access token. On these
 * machines the JDK's SunEC verifies about four times slower than BouncyCastle, and a profile of the issue endpoint
 * under load showed token verification as the largest single CPU cost. Only these two signature names are
 * registered; everything else keeps the JDK's providers, and our own signing code names BouncyCastle explicitly.
 */
@Singleton
public class FastEcdsa {

    private static final Logger LOG = Logger.getLogger(FastEcdsa.class);
    static final String NAME = "SertelBcEcdsa";

    void register(@Observes StartupEvent event) {
        if (Security.getProvider(NAME) == null) {
            Security.insertProviderAt(new EcdsaProvider(), 1);
            LOG.debug("BouncyCastle ECDSA registered first for SHA256withECDSA and SHA384withECDSA");
        }
    }

    /** BouncyCastle's ECDSA signature classes under the standard names, nothing more. */
    static final class EcdsaProvider extends Provider {
        EcdsaProvider() {
            super(NAME, "1.0", "BouncyCastle ECDSA (SHA256withECDSA, SHA384withECDSA) for token verification");
            put("Signature.SHA256withECDSA", "org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi$ecDSA256");
            put("Signature.SHA384withECDSA", "org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi$ecDSA384");
            put("Signature.SHA256withECDSA SupportedKeyClasses", "java.security.interfaces.ECPublicKey|java.security.interfaces.ECPrivateKey");
            put("Signature.SHA384withECDSA SupportedKeyClasses", "java.security.interfaces.ECPublicKey|java.security.interfaces.ECPrivateKey");
        }
    }
}
