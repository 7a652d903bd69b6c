package id.go.kapuaskab.sertel.signing.config;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one BouncyCastle provider instance of this JVM. A provider is heavy (hundreds of registered services) and
 * caches per instance, so every use of BouncyCastle in this service names this one, never a new one of its own.
 */
public final class BouncyCastle {

    public static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
