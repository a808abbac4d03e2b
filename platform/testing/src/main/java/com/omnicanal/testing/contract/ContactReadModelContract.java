package com.omnicanal.testing.contract;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.TestBroker;
import com.omnicanal.testing.Tokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every service that keeps a contact read model must do, through the real broker: learn profiles from
 * {@code omni.profile.created.v1}, keep the newest version, and show them only to staff.
 */
public abstract class ContactReadModelContract {

    private static final TestBroker broker = new TestBroker();

    private final String path;

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    protected ContactReadModelContract(String path) {
        this.path = path;
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void aCreatedProfileBecomesAContactStaffCanRead() {
        String id = UUID.randomUUID().toString();
        publish(id, "Lucía Pérez", 1);

        Http.Response card = awaitCard(id, "Lucía Pérez");
        assertThat(card.json().get("email").asString()).isEqualTo("lucia@example.com");
        assertThat(card.json().get("phone").asString()).isEqualTo("+34600111222");
    }

    @Test
    void anOlderOrRepeatedVersionChangesNothing() {
        String id = UUID.randomUUID().toString();
        publish(id, "Second name", 2);
        awaitCard(id, "Second name");
        double processed = processed();
        publish(id, "First name", 1);
        publish(id, "Another first", 2);

        await().atMost(Duration.ofSeconds(30)).until(() -> processed() >= processed + 2);
        Http.Response card = Http.get(url(id), Tokens.user("ana"));
        assertThat(card.json().get("name").asString()).isEqualTo("Second name");
        assertThat(card.json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void anUpdateReplacesTheCardAndAMergePointsItToTheSurvivor() {
        String id = UUID.randomUUID().toString();
        String survivor = UUID.randomUUID().toString();
        publish(id, "Before", 1);
        awaitCard(id, "Before");
        broker.publish("omni.profile", "omni.profile.updated.v1", UUID.randomUUID().toString(), id, """
                {"profileId":"%s","name":"After","email":"new@example.com","language":"es",\
                "timezone":"Europe/Madrid","version":3,"occurredAt":"%s"}""".formatted(id, Instant.now()));
        Http.Response card = awaitCard(id, "After");
        assertThat(card.json().get("timezone").asString()).isEqualTo("Europe/Madrid");

        broker.publish("omni.profile", "omni.profile.merged.v1", UUID.randomUUID().toString(), survivor, """
                {"profileId":"%s","mergedProfileId":"%s","mergeId":"m1","reason":"test","version":7,\
                "occurredAt":"%s"}""".formatted(survivor, id, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Http.Response r = Http.get(url(id), Tokens.user("ana"));
            return r.json().has("mergedInto") && r.json().get("mergedInto").asString().equals(survivor);
        });
    }

    @Test
    void customersAndAnonymousCallersLearnNothing() {
        String id = UUID.randomUUID().toString();
        publish(id, "Hidden", 1);
        awaitCard(id, "Hidden");

        Http.Response asCustomer = Http.get(url(id), Tokens.user("carla"));
        assertThat(asCustomer.status()).isEqualTo(403);
        assertThat(asCustomer.isProblem()).isTrue();
        assertThat(asCustomer.body()).doesNotContain("Hidden");
        Http.Response anonymous = Http.get(url(id), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
    }

    @Test
    void anUnknownContactIsNotFound() {
        Http.Response response = Http.get(url(UUID.randomUUID().toString()), Tokens.user("sofia"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
    }

    private Http.Response awaitCard(String id, String name) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Http.Response r = Http.get(url(id), Tokens.user("ana"));
            return r.status() == 200 && r.json().get("name").asString().equals(name);
        });
        return Http.get(url(id), Tokens.user("ana"));
    }

    private double processed() {
        return meters.find("omni.events.processed").counters().stream().mapToDouble(Counter::count).sum();
    }

    private void publish(String id, String name, long version) {
        broker.publish("omni.profile", "omni.profile.created.v1", UUID.randomUUID().toString(), id, """
                {"profileId":"%s","name":"%s","email":"lucia@example.com","phone":"+34600111222",\
                "version":%d,"occurredAt":"%s"}""".formatted(id, name, version, Instant.now()));
    }

    private String url(String id) {
        return "http://localhost:" + port + path + "/" + id;
    }
}
