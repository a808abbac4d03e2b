package com.omnicanal.campaign;

import com.omnicanal.testing.Infrastructure;
import com.omnicanal.testing.Repository;
import com.omnicanal.testing.ServiceProcess;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The real profile- and conversation-service (their built jars, as processes), started once for this module. */
final class Services {

    static final String SECRET = "campaign-it-" + UUID.randomUUID();
    private static ServiceProcess profiles;
    private static ServiceProcess conversations;

    private Services() {
    }

    static synchronized String profiles() {
        if (profiles == null) {
            profiles = start("profile-service", Map.of("PROFILE_DB", "campaign-it-profiles-" + suffix()));
        }
        return profiles.url();
    }

    static synchronized String conversations() {
        if (conversations == null) {
            conversations = start("conversation-service", Map.of("CONVERSATION_DB", "campaign-it-conversations-" + suffix(),
                    "PROFILE_SERVICE_URL", profiles(), "TWILIO_AUTH_TOKEN", SECRET, "WHATSAPP_APP_SECRET", SECRET,
                    "EMAIL_WEBHOOK_SIGNING_KEY", SECRET));
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
