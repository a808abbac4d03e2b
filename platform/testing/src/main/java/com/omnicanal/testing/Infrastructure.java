package com.omnicanal.testing;

import java.util.Map;

/**
 * Where the test infrastructure is: given by {@code ./omni test} through the environment, or started once per JVM
 * with Testcontainers when a Docker engine exists and nothing is given.
 */
public record Infrastructure(String mongoUri, String rabbitHost, int rabbitPort, String rabbitUsername,
                             String rabbitPassword, String keycloakUrl, Map<String, String> clientSecrets) {

    public static final String REALM = "omnicanal";

    private static volatile Infrastructure current;

    /** The one infrastructure of this test JVM, resolved on first use. */
    public static Infrastructure get() {
        Infrastructure infra = current;
        if (infra == null) {
            synchronized (Infrastructure.class) {
                if (current == null) {
                    current = resolve();
                }
                infra = current;
            }
        }
        return infra;
    }

    private static Infrastructure resolve() {
        if ("local".equals(System.getenv("OMNI_TEST_INFRA"))) {
            return fromEnvironment();
        }
        if (Containers.dockerAvailable()) {
            return Containers.start();
        }
        throw new IllegalStateException("No test infrastructure: run the tests with ./omni test, which starts RabbitMQ, "
                + "Keycloak and a MongoDB-wire server and passes them in the environment (OMNI_TEST_INFRA=local), "
                + "or run them on a host with a Docker engine so Testcontainers can start them.");
    }

    private static Infrastructure fromEnvironment() {
        return new Infrastructure(
                env("MONGODB_URI"), env("RABBITMQ_HOST"), Integer.parseInt(env("RABBITMQ_PORT")),
                env("RABBITMQ_USERNAME"), env("RABBITMQ_PASSWORD"), env("KEYCLOAK_URL"),
                Map.of("omni-services", env("OMNI_SERVICES_CLIENT_SECRET"),
                        "partner-demo", env("PARTNER_DEMO_CLIENT_SECRET")));
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("OMNI_TEST_INFRA=local but " + name + " is not set: run ./omni test");
        }
        return value;
    }

    public String issuerUri() {
        return keycloakUrl + "/realms/" + REALM;
    }

    public String clientSecret(String clientId) {
        return clientSecrets.get(clientId);
    }

    /** Spring properties that point a service at this infrastructure, using its own database. */
    public Map<String, Object> springProperties(String database) {
        return Map.of(
                "spring.mongodb.uri", mongoUri,
                "spring.mongodb.database", database,
                "spring.rabbitmq.host", rabbitHost,
                "spring.rabbitmq.port", rabbitPort,
                "spring.rabbitmq.username", rabbitUsername,
                "spring.rabbitmq.password", rabbitPassword,
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUri(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                issuerUri() + "/protocol/openid-connect/certs",
                "omni.services.client-secret", clientSecret("omni-services"));
    }
}
