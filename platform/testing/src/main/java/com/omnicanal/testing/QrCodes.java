package com.omnicanal.testing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.util.Map;

/** Reads back a QR code image a service drew, as a phone's camera would: the text (link) it carries. */
public final class QrCodes {

    /** A drawn code is a pure barcode: told so, the reader locates it exactly instead of guessing (no misreads). */
    private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE,
            DecodeHintType.TRY_HARDER, Boolean.TRUE);

    private QrCodes() {
    }

    public static String text(byte[] png) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(png));
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    HINTS).getText();
        } catch (Exception unreadable) {
            throw new AssertionError("not a readable QR code: " + unreadable, unreadable);
        }
    }
}
