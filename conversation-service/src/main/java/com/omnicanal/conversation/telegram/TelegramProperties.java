package com.omnicanal.conversation.telegram;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The Telegram bot: the webhook's secret token (set with setWebhook) and, for live sending, the bot token. */
@ConfigurationProperties("omni.channels.telegram")
record TelegramProperties(String secretToken, String botToken,
                          @DefaultValue("https://api.telegram.org") String baseUrl) {
}
