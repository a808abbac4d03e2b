package com.omnicanal.conversation.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio Messaging: the auth token that signs webhooks and the public URL Twilio calls (it signs that URL, which
 * differs from the one this service sees behind the gateway).
 */
@ConfigurationProperties("omni.channels.sms")
record TwilioProperties(String authToken, String publicWebhookUrl) {
}
