package id.go.kapuaskab.sertel.signing;

import id.go.kapuaskab.sertel.signing.peers.RealCa;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/** The signature time-stamp inside a signed PDF, handed to {@code openssl ts -verify} as a stock client would. */
final class Tokens {

    private Tokens() {
    }

    /** openssl's output for the first signature's time-stamp token, checked against the digest of its signature value. */
    static String opensslVerifiesTheSignatureTimestamp(byte[] pdf, Path dir) throws Exception {
        byte[] cms;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = doc.getSignatureDictionaries().get(0);
            try (ASN1InputStream in = new ASN1InputStream(signature.getContents(pdf))) {
                ASN1Primitive first = in.readObject();                        // the CMS without the zero padding
                cms = first.getEncoded();
            }
        }
        SignerInformation signer = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next();
        byte[] token = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)
                .getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded();
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));
        Files.createDirectories(dir);
        Path tokenFile = Files.createTempFile(dir, "token", ".tst");
        Files.write(tokenFile, token);
        Path chain = dir.resolve("chain.pem");
        Files.writeString(chain, RestAssured.given().get(RealCa.url() + "/pki/ca/chain.pem").then().statusCode(200).extract().asString());
        Path tsa = dir.resolve("tsa.pem");
        Files.writeString(tsa, RestAssured.given().get(RealCa.url() + "/pki/tsa/certificate.pem").then().statusCode(200).extract().asString());
        Process p = new ProcessBuilder("openssl", "ts", "-verify", "-token_in", "-in", tokenFile.toString(), "-digest", digest,
                "-CAfile", chain.toString(), "-untrusted", tsa.toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return "$ openssl ts -verify -token_in -in " + tokenFile.getFileName() + " -digest " + digest
                + " -CAfile chain.pem -untrusted tsa.pem\n" + out;
    }
}
