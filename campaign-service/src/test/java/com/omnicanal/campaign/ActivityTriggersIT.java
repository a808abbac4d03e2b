package com.omnicanal.campaign;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Triggers arriving together are handled a run at a time: every customer's purchase of one partner batch enrols them
 * with its own order, a customer's two purchases are each judged by the re-entry rule (one enrolment under "once", two
 * under "every-time"), a repeated batch enrols nobody twice; customers entering a segment enter its journey once each.
 */
class ActivityTriggersIT extends CampaignTestBase {

    private static final int CUSTOMERS = 12;

    @Test
    void aBatchOfPurchasesEnrolsEachCustomerOnceOrPerPurchaseAsTheReentryRuleSays() {
        String everyTime = publish(thanks("every-time"));
        String once = publish(thanks("once"));
        List<String> phones = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            phones.add(newPhone());
            profiles.add(customer(phones.getLast()));
        }
        String repeat = phones.getFirst();
        StringJoiner batch = new StringJoiner(",", "{\"activities\":[", "]}");
        List<String> orders = new ArrayList<>();
        for (String phone : phones) {
            orders.add("B-" + UUID.randomUUID().toString().substring(0, 8));
            batch.add(purchaseJson(phone, orders.getLast()));
        }
        batch.add(purchaseJson(repeat, "B-second"));
        String body = batch.toString();
        assertThat(Http.post(PlatformServices.profiles() + "/api/activities", Tokens.partnerDemo(), body).status()).isEqualTo(200);

        for (int i = 0; i < CUSTOMERS; i++) {
            int expected = i == 0 ? 2 : 1;
            String profileId = profiles.get(i);
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                assertThat(sent(profileId, everyTime)).hasSize(expected);
                assertThat(sent(profileId, once)).hasSize(1);
            });
            // two purchases at once may be handled in either order (consumers run concurrently): "once" takes one
            assertThat(sent(profileId, once).getFirst().get("context").get("orderId").asString())
                    .isIn(i == 0 ? List.of(orders.get(i), "B-second") : List.of(orders.get(i)));
        }
        assertThat(sent(profiles.getFirst(), everyTime).stream().map(e -> e.get("context").get("orderId").asString()))
                .containsExactlyInAnyOrder(orders.getFirst(), "B-second");

        // the same activities again (a partner's retry): recorded once, so nobody is enrolled again
        assertThat(Http.post(PlatformServices.profiles() + "/api/activities", Tokens.partnerDemo(), body).status()).isEqualTo(200);
        String marker = publish(thanks("every-time")); // enrolments after the retry's events are handled show it is over
        assertThat(Http.post(PlatformServices.profiles() + "/api/activities", Tokens.partnerDemo(), "{\"activities\":["
                + purchaseJson(phones.get(1), "B-marker") + "]}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(40)).until(() -> sent(profiles.get(1), marker).size() == 1);
        assertThat(sent(profiles.getFirst(), everyTime)).hasSize(2);
        assertThat(sent(profiles.get(1), once)).hasSize(1);
    }

    @Test
    void customersEnteringASegmentEnterItsJourneyOnceEach() {
        String segment = "seg-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(Http.post(PlatformServices.profiles() + "/api/segments", Tokens.user("marco"), """
                {"id":"%s","name":"Eucla","conditions":[{"field":"timezone","op":"eq","value":"Australia/Eucla"}]}"""
                .formatted(segment)).status()).isLessThan(300);
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(PlatformServices.profiles() + "/api/segments/"
                + segment, Tokens.user("marco")).json().get("state").asString().equals("ready"));
        String journey = publish("""
                {"name":"Welcome","purpose":"service","trigger":{"type":"segment-entered","segmentId":"%s"},
                 "phases":[{"id":"apertura","channels":[{"channel":"email","role":"primary"}],
                   "steps":[{"id":"hello","type":"send","content":{"es":{"subject":"Hola","text":"Hola {{firstName}}"}}}]}]}"""
                .formatted(segment));

        List<String> entered = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            entered.add(Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"), """
                    {"identifiers":[{"type":"email","value":"k%s@example.com","verified":true}],
                     "traits":{"name":"Aroha Tane","timezone":"Australia/Eucla"}}""".formatted(UUID.randomUUID()))
                    .json().get("profileId").asString());
        }
        for (String profileId : entered) {
            await().atMost(Duration.ofSeconds(40)).until(() -> sent(profileId, journey).size() == 1);
        }
        String outsider = customer(newPhone()); // not in the segment: never enrolled
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> sent(outsider, journey).isEmpty());
        entered.forEach(profileId -> assertThat(sent(profileId, journey)).hasSize(1));
    }

    private static String thanks(String reentry) {
        return """
                {"name":"Thanks %s","purpose":"service","reentry":{"mode":"%s"},
                 "trigger":{"type":"activity","activityType":"purchase","channel":"online"},
                 "phases":[{"id":"apertura","channels":[{"channel":"email","role":"primary"}],
                   "steps":[{"id":"thanks","type":"send","content":{"es":{"subject":"Gracias","text":"Gracias por tu order {{activity.orderId}}"}}}]}]}"""
                .formatted(reentry, reentry);
    }

    private static String purchaseJson(String phone, String order) {
        return """
                {"id":"%s","type":"purchase","customer":{"identifiers":[{"type":"phone","value":"%s"}]},
                 "occurredAt":"2026-11-20T10:00:00Z","channel":"online","orderId":"%s","amount":20,"currency":"EUR"}"""
                .formatted(order + "-" + phone, phone, order);
    }

    /** The customer's enrolments in the journey whose thank-you went out. */
    private List<JsonNode> sent(String profileId, String journey) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode e : Http.get(url("/api/campaigns/enrollments?profileId=" + profileId), Tokens.user("marco")).json()) {
            if (e.get("journeyId").asString().equals(journey) && e.toString().contains("send:sent")) {
                found.add(e);
            }
        }
        return found;
    }
}
