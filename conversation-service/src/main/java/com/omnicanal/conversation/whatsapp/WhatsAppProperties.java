package com.omnicanal.conversation.whatsapp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WhatsApp Cloud API app: the webhook's verify token and app secret (which signs payloads), and for live sending
 * the Graph API base URL and version, the business phone number id and its access token.
 */
@ConfigurationProperties("omni.channels.whatsapp")
record WhatsAppProperties(String verifyToken, String appSecret,
                          @DefaultValue("https://graph.facebook.com") String baseUrl,
                          @DefaultValue("v21.0") String apiVersion, String phoneNumberId, String accessToken) {
}
