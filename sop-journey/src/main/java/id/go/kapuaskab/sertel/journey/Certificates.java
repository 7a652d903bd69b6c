package id.go.kapuaskab.sertel.journey;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Certificates as their holder and relying parties see them: read through the API (JSON for the state, PEM for the
 * file), and judged by openssl against the public PKI endpoints of the gateway: the CA chain, the OCSP responder and
 * the CRL named in the certificate.
 */
final class Certificates {

    private final Gateway gateway;
    private final OpenSsl openssl;
    private Path chain;
    private Path issuing;
    private Path root;

    Certificates(Gateway gateway, OpenSsl openssl) {
        this.gateway = gateway;
        this.openssl = openssl;
    }

    /** The CA chain from {@code /pki/ca/chain.pem} (issuing CA, then root), fetched once per run. */
    Path chain() {
        if (chain == null) {
            Answer answer = gateway.get("/pki/ca/chain.pem").accept("application/pem-certificate-chain").send();
            answer.expect(200).expectContentType("application/pem-certificate-chain");
            List<String> blocks = pemBlocks(answer.text());
            if (blocks.size() != 2) {
                throw answer.fail("expected the issuing CA and the root, got " + blocks.size() + " certificates");
            }
            chain = openssl.write("chain.pem", answer.text());
            issuing = openssl.write("issuing-ca.pem", blocks.get(0));
            root = openssl.write("root-ca.pem", blocks.get(1));
        }
        return chain;
    }

    /** The certificate as the holder downloads it (PEM), saved as {@code file}. */
    Path download(Session holder, String serial, String file) {
        Answer answer = gateway.get("/api/v1/certificates/" + serial).as(holder).accept("application/x-pem-file").send();
        answer.expect(200).expectContentType("application/x-pem-file");
        if (pemBlocks(answer.text()).size() != 1) {
            throw answer.fail("expected one PEM certificate");
        }
        return openssl.write(file, answer.text());
    }

    /** The certificate's record; fails unless it has this status. */
    Answer record(Session caller, String serial, String status) {
        Answer answer = gateway.get("/api/v1/certificates/" + serial).as(caller).send();
        answer.json(200);
        answer.has("serial", serial).has("status", status);
        return answer;
    }

    void verify(Path cert) {
        openssl.verify(chain(), cert);
    }

    /** Fails unless the certificate's serial (as openssl reads it) is this one. */
    void hasSerial(Path cert, String serial) {
        if (!new java.math.BigInteger(openssl.serial(cert), 16).equals(new java.math.BigInteger(serial, 16))) {
            throw new JourneyFailure(cert.getFileName() + " is not certificate " + serial);
        }
    }

    String subject(Path cert) {
        return openssl.subject(cert);
    }

    /** {@code openssl ocsp} through the gateway's responder; fails unless it verifies and says {@code status}. */
    String ocsp(Path cert, String status) {
        chain();
        String out = openssl.ocsp(issuing, root, cert, gateway.base() + "/pki/ocsp");
        if (!out.contains("Response verify OK") || !out.contains(cert + ": " + status)) {
            throw new JourneyFailure("openssl ocsp did not verify and say " + status + " for " + cert.getFileName() + ":\n" + out);
        }
        return out;
    }

    /**
     * Fetches the CRL from the distribution point written in the certificate (its path, on the gateway this run talks
     * to) and fails unless openssl verifies its signature and it lists the serial.
     */
    String crlLists(Path cert, String serial) {
        String url = openssl.crlUrl(cert);
        String path = URI.create(url).getPath();
        if (!path.startsWith("/pki/crl/") || !path.endsWith(".crl")) {
            throw new JourneyFailure("unexpected CRL distribution point " + url);
        }
        Answer answer = gateway.get(path).accept("application/pkix-crl").send();
        answer.expect(200).expectContentType("application/pkix-crl");
        Path der = openssl.write(serial + ".crl", answer.bytes());
        String text = openssl.crl(der, chain(), serial);
        java.math.BigInteger wanted = new java.math.BigInteger(serial, 16);
        boolean listed = text.lines().map(String::trim).filter(l -> l.startsWith("Serial Number:"))
                .anyMatch(l -> new java.math.BigInteger(l.substring("Serial Number:".length()).trim(), 16).equals(wanted));
        if (!text.contains("verify OK") || !listed) {
            throw new JourneyFailure("the CRL " + path + " does not verify or does not list " + serial);
        }
        return text;
    }

    static List<String> pemBlocks(String pem) {
        return java.util.Arrays.stream(pem.split("(?<=-----END CERTIFICATE-----)")).map(String::strip)
                .filter(b -> b.startsWith("-----BEGIN CERTIFICATE-----")).map(b -> b + "\n").toList();
    }
}
