package com.omnicanal.conversation;

import com.omnicanal.testing.Infrastructure;
import com.omnicanal.testing.Repository;
import com.omnicanal.testing.ServiceProcess;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The real profile-service (its built jar, as a process), started once for all of this module's tests. */
final class ProfileServiceFixture {

    private static ServiceProcess profileService;

    private ProfileServiceFixture() {
    }

    static synchronized String url() {
        if (profileService == null) {
            Infrastructure infra = Infrastructure.get();
            profileService = ServiceProcess.start(Repository.root(), "profile-service", Map.of("MONGODB_URI", infra.mongoUri(),
                    "PROFILE_DB", "conversation-it-profiles-" + UUID.randomUUID().toString().substring(0, 8),
                    "RABBITMQ_HOST", infra.rabbitHost(), "RABBITMQ_PORT", String.valueOf(infra.rabbitPort()),
                    "RABBITMQ_USERNAME", infra.rabbitUsername(), "RABBITMQ_PASSWORD", infra.rabbitPassword(),
                    "KEYCLOAK_ISSUER_URI", infra.issuerUri()));
            profileService.awaitReady(Duration.ofMinutes(3));
            Runtime.getRuntime().addShutdownHook(new Thread(profileService::close));
        }
        return profileService.url();
    }
}
