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
    private static final Map<Map<String, String>, ServiceProcess> profiles = new HashMap<>();
    private static final String NO_CONSUMER =
            "{\"spring.cloud.stream.bindings.omniEvents-in-0.consumer.auto-startup\":false}";
    private static ServiceProcess conversations;

    private PlatformServices() {
    }

    /** The shared profile-service: its privacy export has no other service's URL, so it reports those parts missing. */
    public static String profiles() {
        return profiles(Map.of());
    }

    /**
     * A profile-service of its own for these settings (one per distinct map), e.g. {@code FEEDBACK_SERVICE_URL}: where
     * its privacy export fetches feedback-service's part (likewise conversation- and campaign-service's). A URL not given is empty, never the localhost default. It
     * answers HTTP but consumes no events: on the same queues it would take the shared one's (erasure confirmations).
     */
    public static synchronized String profiles(Map<String, String> settings) {
        return profiles.computeIfAbsent(Map.copyOf(settings), given -> {
            Map<String, String> env = new HashMap<>(Map.of("PROFILE_DB", "it-profiles-" + suffix(),
                    "FEEDBACK_SERVICE_URL", "", "CONVERSATION_SERVICE_URL", "", "CAMPAIGN_SERVICE_URL", ""));
            if (!given.isEmpty()) {
                env.put("SPRING_APPLICATION_JSON", NO_CONSUMER);
            }
            env.putAll(given);
            return start("profile-service", env);
        }).url();
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
                "RABBITMQ_PASSWORD", infra.rabbitPassword(), "KEYCLOAK_ISSUER_URI", infra.issuerUri(),
                // its own token for internal calls, also when Testcontainers generated the secret
                "OMNI_SERVICES_CLIENT_SECRET", infra.clientSecret("omni-services")));
        env.putAll(extra);
        ServiceProcess process = ServiceProcess.start(Repository.root(), module, env);
        process.awaitReady(Duration.ofMinutes(3));
        return process;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
