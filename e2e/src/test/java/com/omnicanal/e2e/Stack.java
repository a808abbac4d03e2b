package com.omnicanal.e2e;

import com.omnicanal.testing.Infrastructure;
import com.omnicanal.testing.Repository;
import com.omnicanal.testing.ServiceProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The four services and the gateway as real processes against the test infrastructure, each with fresh data. */
final class Stack implements AutoCloseable {

    private static final Map<String, String> DATABASE_VARIABLES = Map.of("profile-service", "PROFILE_DB",
            "conversation-service", "CONVERSATION_DB", "campaign-service", "CAMPAIGN_DB", "feedback-service", "FEEDBACK_DB");
    private static final Map<String, String> URL_VARIABLES = Map.of("profile-service", "PROFILE_SERVICE_URL",
            "conversation-service", "CONVERSATION_SERVICE_URL", "campaign-service", "CAMPAIGN_SERVICE_URL",
            "feedback-service", "FEEDBACK_SERVICE_URL");

    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();

    static Stack start() {
        Stack stack = new Stack();
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        Path root = Repository.root();
        Map<String, String> env = infrastructureEnv();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> gatewayEnv = new HashMap<>(env);
        // in this order, each told where the ones before it are (campaign-service asks profile-service, …)
        for (String module : List.of("profile-service", "conversation-service", "campaign-service", "feedback-service")) {
            Map<String, String> own = new HashMap<>(gatewayEnv);
            own.put(DATABASE_VARIABLES.get(module), "e2e-" + module + "-" + run);
            ServiceProcess process = ServiceProcess.start(root, module, own);
            processes.put(module, process);
            gatewayEnv.put(URL_VARIABLES.get(module), process.url());
        }
        processes.put("gateway", ServiceProcess.start(root, "gateway", gatewayEnv));
        processes.values().forEach(p -> p.awaitReady(Duration.ofMinutes(4)));
    }

    String gateway() {
        return processes.get("gateway").url();
    }

    @Override
    public void close() {
        processes.values().forEach(ServiceProcess::close);
    }

    private static Map<String, String> infrastructureEnv() {
        Infrastructure infra = Infrastructure.get();
        Map<String, String> env = new HashMap<>();
        env.put("MONGODB_URI", infra.mongoUri());
        env.put("RABBITMQ_HOST", infra.rabbitHost());
        env.put("RABBITMQ_PORT", String.valueOf(infra.rabbitPort()));
        env.put("RABBITMQ_USERNAME", infra.rabbitUsername());
        env.put("RABBITMQ_PASSWORD", infra.rabbitPassword());
        env.put("KEYCLOAK_ISSUER_URI", infra.issuerUri());
        env.put("OMNI_SERVICES_CLIENT_SECRET", infra.clientSecret("omni-services"));
        return env;
    }
}
