package id.go.kapuaskab.sertel.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small PDFs made with PDFBox for the tests: a letter, an encrypted one, and bytes that are no PDF. */
public final class Pdfs {

    public static final String TITLE = "Surat Keputusan Bupati Kapuas";

    private Pdfs() {
    }

    /** A one-page letter, saved without compression so its title can be found (and tampered with) in the bytes. */
    public static byte[] letter() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(doc);
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encrypted() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(doc);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF header followed by junk: looks like a PDF, is none. */
    public static byte[] broken() {
        byte[] junk = new byte[4096];
        new Random(3).nextBytes(junk);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + junk.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(junk, 0, out, header.length, junk.length);
        return out;
    }

    /** The letter followed by whitespace after %%EOF, so it is still a readable PDF but more than {@code bytes} long. */
    public static byte[] larger(int bytes) {
        byte[] pdf = letter();
        byte[] padded = java.util.Arrays.copyOf(pdf, bytes + 1024);
        java.util.Arrays.fill(padded, pdf.length, padded.length, (byte) '\n');
        return padded;
    }

    private static void fill(PDDocument doc) throws IOException {
        doc.getDocumentInformation().setTitle(TITLE);
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.beginText();
            cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            cs.newLineAtOffset(72, 760);
            cs.showText("PEMERINTAH KABUPATEN KAPUAS - Surat Keputusan Nomor 800/123/KOMINFO/2026");
            cs.endText();
        }
    }
}
