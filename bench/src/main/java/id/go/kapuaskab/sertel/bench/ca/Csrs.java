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
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * PKCS#10 requests for fresh P-256 keys, made before a run so that the load generator only sends. A CA refuses a
 * key it certified before, so a pool is used at most once per CA; the same pool serves every CA and peer. Each names
 * the holder's e-mail in subjectAltName, as our CA requires of an applicant's CSR.
 */
public final class Csrs {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private Csrs() {
    }

    /** The e-mail of the bench's holder in the CA's own scenarios (issuance, OCSP). */
    public static final String BENCH_HOLDER = "bench.holder@kapuaskab.go.id";

    public static List<String> make(int count) throws Exception {
        return make(count, BENCH_HOLDER);
    }

    public static List<String> make(int count, String email) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = count / threads + (t < count % threads ? 1 : 0);
                parts.add(pool.submit(() -> batch(share, email)));
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

    private static List<String> batch(int count, String email) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            KeyPair pair = generator.generateKeyPair();
            var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ignored by the CA"), pair.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new Extensions(new Extension(
                            Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)).getEncoded())))
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
