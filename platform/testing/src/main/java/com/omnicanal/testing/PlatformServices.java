package com.omnicanal.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real profile- and conversation-service (their built jars, as processes, each with its own database), started
 * once per JVM for the tests of a service that calls them. Provider secrets are {@link #SECRET}, so tests can sign
 * webhooks and use the sandbox.
 */
public final class PlatformServices {

    public static final String SECRET = "services-" + UUID.randomUUID();
    private static ServiceProcess profiles;
    private static ServiceProcess conversations;

    private PlatformServices() {
    }

    public static synchronized String profiles() {
        if (profiles == null) {
            profiles = start("profile-service", Map.of("PROFILE_DB", "it-profiles-" + suffix()));
        }
        return profiles.url();
    }

    public static synchronized String conversations() {
        if (conversations == null) {
            Map<String, String> env = new HashMap<>(Map.of("CONVERSATION_DB", "it-conversations-" + suffix(),
                    "PROFILE_SERVICE_URL", profiles()));
            for (String secret : new String[]{"TWILIO_AUTH_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN",
                    "EMAIL_WEBHOOK_SIGNING_KEY", "TELEGRAM_WEBHOOK_SECRET", "WEBCHAT_SESSION_SECRET"}) {
                env.put(secret, SECRET);
            }
            conversations = start("conversation-service", env);
        }
        return conversations.url();
    }

    private static ServiceProcess start(String module, Map<String, String> extra) {
        Infrastructure infra = Infrastructure.get();
        Map<String, String> env = new HashMap<>(Map.of("MONGODB_URI", infra.mongoUri(), "RABBITMQ_HOST", infra.rabbitHost(),
                "RABBITMQ_PORT", String.valueOf(infra.rabbitPort()), "RABBITMQ_USERNAME", infra.rabbitUsername(),
                "RABBITMQ_PASSWORD", infra.rabbitPassword(), "KEYCLOAK_ISSUER_URI", infra.issuerUri()));
        env.putAll(extra);
        ServiceProcess process = ServiceProcess.start(Repository.root(), module, env);
        process.awaitReady(Duration.ofMinutes(3));
        return process;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
