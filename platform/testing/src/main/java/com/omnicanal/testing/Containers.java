package com.omnicanal.testing;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.RabbitMQContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Testcontainers path, used only where a Docker engine exists and {@code ./omni test} gave nothing. */
final class Containers {

    private Containers() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // containers live as long as the test JVM (Ryuk removes them)
    static Infrastructure start() {
        Map<String, String> secrets = Map.of(
                "omni-services", UUID.randomUUID().toString(), "partner-demo", UUID.randomUUID().toString());
        MongoDBContainer mongo = new MongoDBContainer("mongo:7");
        RabbitMQContainer rabbit = new RabbitMQContainer("rabbitmq:3.13-management");
        KeycloakContainer keycloak = new KeycloakContainer("quay.io/keycloak/keycloak:26.5.5")
                .withRealmImportFile(realmFile().toString())
                .withEnv("OMNI_SERVICES_CLIENT_SECRET", secrets.get("omni-services"))
                .withEnv("PARTNER_DEMO_CLIENT_SECRET", secrets.get("partner-demo"));
        mongo.start();
        rabbit.start();
        keycloak.start();
        return new Infrastructure(mongo.getReplicaSetUrl(), rabbit.getHost(), rabbit.getAmqpPort(),
                rabbit.getAdminUsername(), rabbit.getAdminPassword(), keycloak.getAuthServerUrl(), secrets);
    }

    private static Path realmFile() {
        return Repository.root().resolve("infra/keycloak/omnicanal-realm.json");
    }
}
