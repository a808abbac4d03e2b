package com.omnicanal.conversation.store;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A store's QR code (ZXing): it opens the web chat with the store already attached to the conversation. */
@Component
class StoreQrCodes {

    private static final int SIZE = 512;

    private final String chatUrl;

    StoreQrCodes(@Value("${omni.channels.webchat.public-url:http://localhost:8080/api/channels/webchat/app}")
                 String chatUrl) {
        this.chatUrl = chatUrl;
    }

    String link(String storeId) {
        return chatUrl + "?store=" + URLEncoder.encode(storeId, StandardCharsets.UTF_8);
    }

    byte[] png(String storeId) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            MatrixToImageWriter.writeToStream(matrix(storeId, SIZE), "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] svg(String storeId) {
        BitMatrix m = matrix(storeId, 1); // the smallest matrix: one unit per module, scaled by the viewer
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(m.getWidth()).append(' ').append(m.getHeight()).append("\" shape-rendering=\"crispEdges\">")
                .append("<title>").append(link(storeId).replace("&", "&amp;")).append("</title>")
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

    private BitMatrix matrix(String storeId, int size) {
        try {
            return new QRCodeWriter().encode(link(storeId), BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
