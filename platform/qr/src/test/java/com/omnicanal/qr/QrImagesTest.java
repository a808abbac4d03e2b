package com.omnicanal.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class QrImagesTest {

    @Test
    void thePngReadsBackAsTheLink() throws Exception {
        String link = "https://omnicanal.example/q/madrid-01?lang=es&x=<1>";
        var image = ImageIO.read(new ByteArrayInputStream(QrImages.png(link, 300)));
        assertThat(image.getWidth()).isEqualTo(300);
        var decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)); // a drawn, pure code
        assertThat(decoded.getText()).isEqualTo(link);
    }

    @Test
    void theSvgIsScalableAndItsTitleEscaped() {
        String svg = new String(QrImages.svg("https://x.example/l/a?b=1&c=<2>"), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .contains("<title>https://x.example/l/a?b=1&amp;c=&lt;2&gt;</title>").contains("h1v1h-1z");
    }
}
