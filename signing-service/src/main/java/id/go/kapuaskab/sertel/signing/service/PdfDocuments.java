package id.go.kapuaskab.sertel.signing.service;

import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/** Reads an uploaded PDF, refusing what we will not sign or inspect: too large, not a PDF, encrypted. */
public final class PdfDocuments {

    private PdfDocuments() {
    }

    /** Checks size and header and opens the document; the caller closes it. */
    public static PDDocument open(byte[] pdf, long maxBytes) {
        if (pdf == null || pdf.length == 0) {
            throw DomainException.invalidField("document", "required");
        }
        if (pdf.length > maxBytes) {
            throw new DomainException(ProblemKind.TOO_LARGE, "document.too-large", maxBytes / (1024 * 1024));
        }
        if (!new String(pdf, 0, Math.min(pdf.length, 1024), StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            throw DomainException.invalid("document.not-pdf");
        }
        PDDocument doc;
        try {
            doc = Loader.loadPDF(pdf);
        } catch (InvalidPasswordException e) {
            throw DomainException.invalid("document.encrypted");
        } catch (IOException | RuntimeException e) {
            throw DomainException.invalid("document.malformed");
        }
        if (doc.isEncrypted()) {
            close(doc);
            throw DomainException.invalid("document.encrypted");
        }
        if (doc.getNumberOfPages() == 0) {
            close(doc);
            throw DomainException.invalid("document.malformed");
        }
        return doc;
    }

    static void close(PDDocument doc) {
        try {
            doc.close();
        } catch (IOException ignored) {
            // nothing was written
        }
    }
}
