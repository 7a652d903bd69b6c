package id.go.kapuaskab.sertel.bench.ca;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * PKCS#10 requests for fresh P-256 keys, made before a run so that the load generator only sends. A CA refuses a
 * key it certified before, so a pool is used at most once per CA; the same pool serves every CA and peer.
 */
public final class Csrs {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private Csrs() {
    }

    public static List<String> make(int count) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = count / threads + (t < count % threads ? 1 : 0);
                parts.add(pool.submit(() -> batch(share)));
            }
            List<String> all = new ArrayList<>(count);
            for (Future<List<String>> f : parts) {
                all.addAll(f.get());
            }
            return Collections.unmodifiableList(all);
        } finally {
            pool.shutdown();
        }
    }

    private static List<String> batch(int count) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            KeyPair pair = generator.generateKeyPair();
            var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ignored by the CA"), pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(pair.getPrivate()));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(csr);
            }
            out.add(pem.toString());
        }
        return out;
    }
}
