package com.omnicanal.conversation;

import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.Tokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.omnicanal.conversation.BatchDispatchCalls.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** A provider's send rate (here e-mail at 2 a minute, no waiting): what goes over it is deferred, never dropped. */
@OmniServiceTest
class ProviderThrottleIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("omni.services.profile-url", PlatformServices::profiles);
        registry.add("omni.channels.throttles.email", () -> "2/min");
        registry.add("omni.channels.throttle-wait", () -> "PT0S");
    }

    @Test
    void aMessageOverTheProvidersRateIsDeferredUntilTheChannelHasRoomAndWrittenNowhere() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        mongo.remove(new Query(), "provider_rate_buckets"); // the shared bucket starts full, whatever ran before
        List<Map<String, Object>> requests = new ArrayList<>();
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String customer = customer();
            customers.add(customer);
            requests.add(Map.of("requestId", run + "-notice-" + i, "profileId", customer, "purpose", "service",
                    "channels", List.of("email"), "subject", "Su pedido", "text", "Su pedido ha salido"));
        }
        Instant asked = Instant.now();

        JsonNode results = batch(requests);

        List<String> statuses = List.of(status(results, 0), status(results, 1), status(results, 2));
        assertThat(statuses).containsExactlyInAnyOrder("sent", "sent", "deferred");
        int deferred = statuses.indexOf("deferred");
        JsonNode answer = results.get(deferred);
        assertThat(answer.get("decisions").toString()).contains("provider's limit of 2/min");
        assertThat(Instant.parse(answer.get("deferredUntil").asString()))
                .as("when the bucket has room again: about half a minute").isBetween(asked.plusSeconds(20),
                        Instant.now().plusSeconds(31));
        assertThat(mongo.find(query(where("profileId").is(customers.get(deferred))), Document.class, "messages"))
                .as("nothing queued for the provider").isEmpty();
        assertThat(status(batch(List.of(requests.get(deferred))), 0)).as("asked again: the first answer")
                .isEqualTo("deferred");
    }

    private static String customer() {
        return BatchDispatchCalls.customer("{\"type\":\"email\",\"value\":\"throttled-" + UUID.randomUUID()
                + "@example.com\",\"verified\":true}");
    }

    private JsonNode batch(List<Map<String, Object>> requests) {
        return BatchDispatchCalls.batch(port, requests, Tokens.services());
    }
}
