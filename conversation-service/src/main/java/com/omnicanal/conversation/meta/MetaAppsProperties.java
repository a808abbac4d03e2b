package com.omnicanal.conversation.meta;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The Meta apps behind Messenger and Instagram: webhook secrets and the page access token for the Send API. */
@ConfigurationProperties("omni.channels")
record MetaAppsProperties(App messenger, App instagram) {

    record App(String verifyToken, String appSecret, String pageAccessToken,
               @DefaultValue("https://graph.facebook.com") String baseUrl, @DefaultValue("v21.0") String apiVersion) {
    }

    App of(String channel) {
        App app = channel.equals("instagram") ? instagram : messenger;
        return app == null ? new App(null, null, null, "https://graph.facebook.com", "v21.0") : app;
    }
}
