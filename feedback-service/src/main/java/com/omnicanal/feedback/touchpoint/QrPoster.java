package com.omnicanal.feedback.touchpoint;

import com.omnicanal.qr.QrImages;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The printable A5 poster (PDFBox): a call to scan, the store, the QR code and its link in words. */
final class QrPoster {

    private static final int QR_SIZE = 600; // pixels of the code drawn on the page

    private QrPoster() {
    }

    static byte[] pdf(String title, String store, String link) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A5);
            document.addPage(page);
            float width = page.getMediaBox().getWidth();
            float height = page.getMediaBox().getHeight();
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                line(content, bold, 20, width, height - 70, title);
                line(content, regular, 14, width, height - 95, store);
                float side = 300;
                content.drawImage(LosslessFactory.createFromImage(document, QrImages.image(link, QR_SIZE)), (width - side) / 2,
                        height - 120 - side, side, side);
                line(content, regular, 9, width, 60, link);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(PDPageContentStream content, PDType1Font font, float size, float width, float y, String text)
            throws IOException {
        String printable = latin1(text);
        float textWidth = font.getStringWidth(printable) / 1000 * size;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(Math.max(20, (width - textWidth) / 2), y);
        content.showText(printable);
        content.endText();
    }

    /** The standard fonts encode WinAnsi only: other characters (emoji, CJK) become '?'. */
    private static String latin1(String text) {
        StringBuilder printable = new StringBuilder();
        (text == null ? "" : text).codePoints().forEach(c -> printable.append(c >= 32 && c < 256 ? (char) c : '?'));
        return printable.toString();
    }
}
