package com.omnicanal.conversation.whatsapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The WhatsApp Cloud API app's webhook secrets: the verify token of the handshake and the app secret that signs. */
@ConfigurationProperties("omni.channels.whatsapp")
record WhatsAppProperties(String verifyToken, String appSecret) {
}
