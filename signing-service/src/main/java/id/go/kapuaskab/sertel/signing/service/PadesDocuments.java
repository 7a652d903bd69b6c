package id.go.kapuaskab.sertel.signing.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * The two incremental updates of a PAdES B-LT signature (ETSI EN 319 142-1), each appended to the file so every
 * earlier signature keeps covering exactly the bytes it signed: first the signature itself (Filter Adobe.PPKLite,
 * SubFilter ETSI.CAdES.detached, M as the claimed signing time, the CMS in /Contents), then the Document Security
 * Store with the certificates and OCSP answers needed to validate it and its time-stamp later, with a VRI entry
 * keyed by the SHA-1 of the signature's CMS. Earlier signatures' DSS content (their CRLs included) is kept.
 */
public final class PadesDocuments {

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName VRI = COSName.getPDFName("VRI");

    private PadesDocuments() {
    }

    /** What goes into the signature dictionary. */
    public record Meta(String name, String location, String reason, Calendar signingTime, int reservedBytes) {
    }

    /** Validation data for the DSS: DER certificates and DER OCSPResponses. */
    public record ValidationData(List<X509Certificate> certificates, List<byte[]> ocsps) {
    }

    /** The signed PDF and the CMS in its /Contents. */
    public record Signed(byte[] pdf, CadesSignatures.Signed cms) {
    }

    /**
     * Appends a signature to {@code doc} (opened from {@code original}): PDFBox writes the incremental update with a
     * placeholder, hands us the byte range to sign, and puts the CMS that {@code signer} makes into the placeholder.
     */
    public static Signed sign(PDDocument doc, int originalLength, Meta meta, InputStream visibleTemplate, int page,
                              Function<byte[], CadesSignatures.Signed> signer) {
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
        signature.setName(meta.name());
        signature.setLocation(meta.location());
        signature.setReason(meta.reason());
        signature.setSignDate(meta.signingTime());
        try (SignatureOptions options = new SignatureOptions();
             ByteArrayOutputStream out = new ByteArrayOutputStream(originalLength + 2 * meta.reservedBytes() + 65536)) {
            options.setPreferredSignatureSize(meta.reservedBytes());
            if (visibleTemplate != null) {
                options.setVisualSignature(visibleTemplate);
                options.setPage(page - 1);
            }
            doc.addSignature(signature, options);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            byte[] content;
            try (InputStream in = external.getContent()) {
                content = in.readAllBytes();
            }
            CadesSignatures.Signed cms = signer.apply(content);
            if (cms.cms().length > meta.reservedBytes()) {
                throw new IllegalStateException("The CMS signature (" + cms.cms().length + " bytes) exceeds the reserved "
                        + meta.reservedBytes() + " bytes; raise sertel.signing.documents.signature-size");
            }
            external.setSignature(cms.cms());
            return new Signed(out.toByteArray(), cms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends the DSS (and the VRI entry of this signature) to an already signed PDF; earlier DSS content is kept. */
    public static byte[] addValidationData(byte[] signedPdf, byte[] cms, ValidationData data) {
        try (PDDocument doc = Loader.loadPDF(signedPdf); ByteArrayOutputStream out = new ByteArrayOutputStream(signedPdf.length + 65536)) {
            COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
            catalog.setNeedToBeUpdated(true);
            COSDictionary dss = child(catalog, DSS, COSDictionary.class);
            COSArray certs = child(dss, COSName.getPDFName("Certs"), COSArray.class);
            COSArray ocsps = child(dss, COSName.getPDFName("OCSPs"), COSArray.class);
            COSDictionary vri = child(dss, VRI, COSDictionary.class);

            Map<String, COSStream> known = new LinkedHashMap<>();
            COSDictionary entry = new COSDictionary();
            entry.setItem(COSName.getPDFName("Cert"), streams(doc, certs, known, data.certificates().stream().map(Certificates::der).toList()));
            entry.setItem(COSName.getPDFName("OCSP"), streams(doc, ocsps, known, data.ocsps()));
            vri.setItem(COSName.getPDFName(HexFormat.of().withUpperCase().formatHex(Certificates.digest("SHA-1", cms))), entry);

            COSDictionary extensions = child(catalog, COSName.getPDFName("Extensions"), COSDictionary.class);
            COSDictionary esic = new COSDictionary();
            esic.setItem(COSName.getPDFName("BaseVersion"), COSName.getPDFName("1.7"));
            esic.setInt(COSName.getPDFName("ExtensionLevel"), 5);
            extensions.setItem(COSName.getPDFName("ESIC"), esic);
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One stream per item, added to the DSS array unless an equal one is there already; answers the VRI array. */
    private static COSArray streams(PDDocument doc, COSArray dssArray, Map<String, COSStream> known, List<byte[]> items) throws IOException {
        COSArray vriArray = new COSArray();
        for (byte[] item : items) {
            String key = Certificates.sha256Hex(item);
            COSStream stream = known.get(key);
            if (stream == null) {
                stream = doc.getDocument().createCOSStream();
                try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
                    os.write(item);
                }
                known.put(key, stream);
                dssArray.add(stream);
            }
            vriArray.add(stream);
        }
        return vriArray;
    }

    private static <T extends COSBase> T child(COSDictionary parent, COSName name, Class<T> type) {
        COSBase existing = parent.getDictionaryObject(name);
        T result;
        if (type.isInstance(existing)) {
            result = type.cast(existing);
        } else {
            try {
                result = type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            result.setDirect(false);
            parent.setItem(name, result);
        }
        if (result instanceof COSDictionary d) {
            d.setNeedToBeUpdated(true);
        } else if (result instanceof COSArray a) {
            a.setNeedToBeUpdated(true);
        }
        return result;
    }
}
