package com.omnicanal.feedback.touchpoint;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A link as a QR code (ZXing): PNG for screens and small prints, SVG to scale to any size. */
final class QrImages {

    private static final int SIZE = 600;

    private QrImages() {
    }

    static BufferedImage image(String link) {
        return MatrixToImageWriter.toBufferedImage(matrix(link, SIZE));
    }

    static byte[] png(String link) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            MatrixToImageWriter.writeToStream(matrix(link, SIZE), "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] svg(String link) {
        BitMatrix m = matrix(link, 1); // one unit per module, scaled by the viewer
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(m.getWidth()).append(' ').append(m.getHeight()).append("\" shape-rendering=\"crispEdges\">")
                .append("<title>").append(link.replace("&", "&amp;").replace("<", "&lt;")).append("</title>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    svg.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return svg.append("\"/></svg>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static BitMatrix matrix(String link, int size) {
        try {
            return new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
