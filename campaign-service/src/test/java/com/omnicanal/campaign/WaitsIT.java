package com.omnicanal.campaign;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Time in the customer's zone (kept from profile-service's events): a wait until a time of day lands on their clock,
 * a send outside the journey's window waits for it to open; and waits for an event end on the event or the timeout.
 */
class WaitsIT extends CampaignTestBase {

    private static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu"); // +05:45: no server clock matches it by chance

    @Test
    void aWaitUntilATimeOfDayAndASendWindowFollowTheCustomersClock() {
        LocalTime local = Instant.now().atZone(KATHMANDU).toLocalTime();
        LocalTime until = local.plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        LocalTime opens = local.getHour() < 12 ? LocalTime.of(13, 0) : LocalTime.of(1, 0);
        String journey = publish("""
                {"name":"Clock","purpose":"service","trigger":{"type":"manual"},
                 "sendWindow":{"from":"%s","to":"%s"},
                 "phases":[{"id":"apertura","channels":[{"channel":"email","role":"primary"}],
                   "steps":[{"id":"hello","type":"send","content":{"es":{"subject":"Hola","text":"Hola"}}}]}]}"""
                .formatted(opens, opens.plusHours(1)));
        String waiting = publish("""
                {"name":"Until","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","channels":[{"channel":"email","role":"primary"}],
                   "steps":[{"id":"morning","type":"wait","until":"%s"},
                            {"id":"hello","type":"send","content":{"es":{"subject":"Hola","text":"Hola"}}}]}]}"""
                .formatted(until));
        String profileId = customer(newPhone());
        assertThat(Http.send("PUT", PlatformServices.profiles() + "/api/profiles/" + profileId + "/preferences",
                Tokens.user("ana"), java.util.Map.of("Content-Type", "application/json"),
                "{\"timezone\":\"Asia/Kathmandu\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(url("/api/campaigns/contacts/" + profileId),
                Tokens.user("ana")).body().contains("Asia/Kathmandu"));

        enrol(journey, profileId);
        JsonNode held = awaitEnrollment(profileId, journey, e -> "waiting".equals(e.get("state").asString()));
        assertThat(held.get("history").toString()).contains("outside the journey's send window", "Asia/Kathmandu");
        assertThat(Instant.parse(held.get("wakeAt").asString())).isEqualTo(nextInKathmandu(opens));

        enrol(waiting, profileId);
        JsonNode sleeping = awaitEnrollment(profileId, waiting, e -> "waiting".equals(e.get("state").asString()));
        assertThat(Instant.parse(sleeping.get("wakeAt").asString())).isEqualTo(nextInKathmandu(until));
        assertThat(sleeping.get("history").toString()).contains("waits until " + until + " in the customer's time zone");
    }

    @Test
    void aWaitForAnEventEndsWhenItHappensOrWhenItsTimeIsUp() {
        String journey = publish("""
                {"name":"Event","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"refuerzo-acuerdo","channels":[{"channel":"email","role":"primary"}],
                   "steps":[{"id":"delivery","type":"wait","on":"activity","activityType":"delivery","timeout":"PT3S"},
                            {"id":"next","type":"wait","duration":"PT1M"}]}]}""");
        String phone = newPhone();
        String delivered = customer(phone);
        enrol(journey, delivered);
        awaitEnrollment(delivered, journey, e -> e.toString().contains("waits up to PT3S for delivery"));
        Http.Response recorded = Http.post(PlatformServices.profiles() + "/api/activities", Tokens.partnerDemo(), """
                {"id":"%s","type":"delivery","customer":{"identifiers":[{"type":"phone","value":"%s"}]},
                 "occurredAt":"2026-11-20T10:00:00Z","channel":"online","orderId":"D-1"}""".formatted(java.util.UUID.randomUUID(), phone));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(awaitEnrollment(delivered, journey, e -> e.get("step").asInt() == 1).get("history").toString())
                .contains("delivery happened → goes on");

        String quiet = customer(newPhone());
        enrol(journey, quiet);
        assertThat(awaitEnrollment(quiet, journey, e -> e.get("step").asInt() == 1).get("history").toString())
                .contains("no delivery within PT3S → goes on");
    }

    private static Instant nextInKathmandu(LocalTime time) {
        ZonedDateTime now = Instant.now().atZone(KATHMANDU);
        ZonedDateTime today = now.toLocalDate().atTime(time).atZone(KATHMANDU);
        return (today.isAfter(now) ? today : today.plusDays(1)).toInstant();
    }

    private void enrol(String journey, String profileId) {
        assertThat(Http.post(url("/api/journeys/" + journey + "/enrollments"), Tokens.user("marco"),
                "{\"profileId\":\"" + profileId + "\",\"requestId\":\"r-" + profileId + "\"}").status()).isEqualTo(201);
    }
}
