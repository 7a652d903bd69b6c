package id.go.kapuaskab.sertel.bench.scenario;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The documents of the pades scenario, made with PDFBox: a one-page letter followed by pages of "scanned
 * attachments" (images of seeded noise, which Flate cannot shrink) until the file has about the size asked for, as
 * an e-office letter with its attachments would be. The same seed gives the same bytes.
 */
final class SamplePdfs {

    /** Noise bytes per attachment page at most (an A4 scan at low resolution). */
    private static final int PAGE_BYTES = 600_000;

    private SamplePdfs() {
    }

    static byte[] letter(int targetBytes, long seed) throws IOException {
        Random random = new Random(seed);
        try (PDDocument doc = new PDDocument()) {
            PDPage first = new PDPage(PDRectangle.A4);
            doc.addPage(first);
            try (PDPageContentStream text = new PDPageContentStream(doc, first)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 14);
                text.newLineAtOffset(72, 770);
                text.showText("SURAT KEPUTUSAN NOMOR 800/BENCH/" + seed);
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                for (int i = 0; i < 30; i++) {
                    text.newLineAtOffset(0, -18);
                    text.showText("Menimbang butir " + (i + 1) + ": pembaruan sertifikat elektronik pegawai, lampiran terlampir.");
                }
                text.endText();
            }
            int remaining = targetBytes - 4_000;                  // the letter page, fonts and the cross-reference
            while (remaining > 2_000) {
                int bytes = Math.min(remaining, PAGE_BYTES);
                int width = Math.min(500, (int) Math.sqrt(bytes / 3.0 * 0.7));
                int height = Math.max(1, bytes / 3 / width);
                BufferedImage scan = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        scan.setRGB(x, y, random.nextInt(0x1000000));
                    }
                }
                PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(image, 36, 36, PDRectangle.A4.getWidth() - 72, PDRectangle.A4.getHeight() - 72);
                }
                remaining -= width * height * 3 + 400;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(targetBytes + 65_536);
            doc.save(out);
            return out.toByteArray();
        }
    }
}
