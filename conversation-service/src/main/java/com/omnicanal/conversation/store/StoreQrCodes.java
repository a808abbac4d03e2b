package com.omnicanal.conversation.store;

import com.omnicanal.qr.QrImages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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
        return QrImages.png(link(storeId), SIZE);
    }

    byte[] svg(String storeId) {
        return QrImages.svg(link(storeId));
    }
}
