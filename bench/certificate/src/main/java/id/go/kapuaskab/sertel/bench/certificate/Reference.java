package id.go.kapuaskab.sertel.bench.certificate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The yardstick the issue gives: BouncyCastle P-256 signatures per second on one thread (about 4,000 on an idle
 * machine of this kind). Measured right before a run, it shows how much of the machine the run really had.
 */
final class Reference {

    private Reference() {
    }

    static double bcP256SignaturesPerSecond() throws Exception {
        BouncyCastleProvider bc = new BouncyCastleProvider();
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", bc);
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = g.generateKeyPair();
        byte[] data = new byte[512];
        run(bc, keys, data, 2_000_000_000L);
        return run(bc, keys, data, 3_000_000_000L) / 3.0;
    }

    private static int run(BouncyCastleProvider bc, KeyPair keys, byte[] data, long nanos) throws Exception {
        long end = System.nanoTime() + nanos;
        int n = 0;
        while (System.nanoTime() < end) {
            Signature s = Signature.getInstance("SHA256withECDSA", bc);
            s.initSign(keys.getPrivate());
            s.update(data);
            s.sign();
            n++;
        }
        return n;
    }

    /** The load average when a run starts, printed beside its figures. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
