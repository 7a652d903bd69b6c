package id.go.kapuaskab.sertel.signing.service;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * The visible part of a signature: a framed box with text lines and, optionally, a QR code of the verification URL
 * drawn as vector squares (no image, so it stays sharp and small). PDFBox takes it as a one-page template PDF whose
 * signature widget carries the appearance stream.
 */
public final class SignatureAppearance {

    private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final float PADDING = 4;

    private SignatureAppearance() {
    }

    public static InputStream template(PDDocument source, VisibleSignature v, List<String> lines, String qrContent) {
        PDRectangle media = source.getPage(v.page() - 1).getMediaBox();
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(media);
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            widget.setRectangle(new PDRectangle(media.getLowerLeftX() + v.x(), media.getLowerLeftY() + v.y(), v.width(), v.height()));
            widget.setPage(page);
            page.getAnnotations().add(widget);

            PDFormXObject xobject = new PDFormXObject(new PDStream(doc));
            xobject.setResources(new PDResources());
            xobject.setFormType(1);
            xobject.setBBox(new PDRectangle(v.width(), v.height()));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setDirect(true);
            PDAppearanceStream stream = new PDAppearanceStream(xobject.getCOSObject());
            appearance.setNormalAppearance(stream);
            widget.setAppearance(appearance);
            try (PDPageContentStream cs = new PDPageContentStream(doc, stream)) {
                draw(cs, v, lines, qrContent);
            }
            doc.save(out);
            return new ByteArrayInputStream(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(PDPageContentStream cs, VisibleSignature v, List<String> lines, String qrContent) throws IOException {
        cs.setLineWidth(0.8f);
        cs.setStrokingColor(0.1f, 0.25f, 0.5f);
        cs.addRect(0.5f, 0.5f, v.width() - 1, v.height() - 1);
        cs.stroke();
        float textLeft = PADDING;
        if (qrContent != null) {
            float side = v.height() - 2 * PADDING;
            drawQr(cs, qrContent, PADDING, PADDING, side);
            textLeft = side + 2 * PADDING;
        }
        float width = v.width() - textLeft - PADDING;
        float size = Math.max(5, Math.min(9, (v.height() - 2 * PADDING) / Math.max(1, lines.size()) / 1.25f));
        cs.setNonStrokingColor(0f, 0f, 0f);
        cs.beginText();
        cs.setFont(FONT, size);
        cs.setLeading(size * 1.25f);
        cs.newLineAtOffset(textLeft, v.height() - PADDING - size);
        for (String line : lines) {
            for (String wrapped : wrap(printable(line), size, width)) {
                cs.showText(wrapped);
                cs.newLine();
            }
        }
        cs.endText();
    }

    private static void drawQr(PDPageContentStream cs, String content, float x, float y, float side) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot encode the QR code", e);
        }
        float module = side / matrix.getWidth();
        cs.setNonStrokingColor(1f, 1f, 1f);
        cs.addRect(x, y, side, side);
        cs.fill();
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    cs.addRect(x + col * module, y + side - (row + 1) * module, module, module);
                }
            }
        }
        cs.fill();
    }

    /** Only characters the standard font can show (WinAnsi); others become '?'. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            String c = String.valueOf(s.charAt(i));
            try {
                FONT.encode(c);
                out.append(c);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        }
        return out.toString();
    }

    private static List<String> wrap(String line, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && FONT.getStringWidth(candidate) / 1000 * size > width) {
                out.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        out.add(current.toString());
        return out;
    }
}
