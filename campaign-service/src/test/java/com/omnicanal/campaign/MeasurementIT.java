package com.omnicanal.campaign;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live counters as the facts happen, from real receipts, replies, clicks and purchases: per journey, step, channel and
 * variant, suppressions by reason, the conversion and its revenue, and the A/B comparison of the split.
 */
class MeasurementIT extends CampaignTestBase {

    @Test
    void everyFactIsCountedOnceWhereItHappenedAndTheSplitIsCompared() {
        String journey = publish("""
                {"name":"Measured","purpose":"service","trigger":{"type":"manual"},"goals":[{"id":"bought","activityType":"purchase"}],
                 "phases":[{"id":"refuerzo-vinculo","channels":[{"channel":"sms","role":"primary"}],
                   "steps":[{"id":"split","type":"branch","on":"random","variants":[{"id":"a","weight":1,"next":"offer-a"},
                              {"id":"b","weight":1,"next":"offer-b"}]},
                            {"id":"offer-a","type":"send","content":{"es":{"text":"Oferta A https://shop.example.com/a"}}},
                            {"id":"wait-a","type":"wait","duration":"PT10M"},
                            {"id":"offer-b","type":"send","content":{"es":{"text":"Oferta B https://shop.example.com/b"}}},
                            {"id":"promo-b","type":"send","purpose":"marketing","content":{"es":{"text":"Promo"}}},
                            {"id":"wait-b","type":"wait","duration":"PT10M"}]}]}""");
        List<String> phones = new ArrayList<>();
        Map<String, String> variantOf = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            String phone = newPhone();
            String profileId = customer(phone);
            assertThat(Http.post(url("/api/journeys/" + journey + "/enrollments"), Tokens.user("marco"),
                    "{\"profileId\":\"" + profileId + "\",\"requestId\":\"m-" + i + "\"}").status()).isEqualTo(201);
            phones.add(phone);
            variantOf.put(phone, awaitEnrollment(profileId, journey, e -> e.toString().contains("send:sent"))
                    .get("variant").asString());
        }
        long a = variantOf.values().stream().filter("a"::equals).count();

        JsonNode read = sandboxMessage("sms", phones.get(0));
        providerReports(read, "delivered");
        providerReports(read, "read");
        providerReports(read, "read"); // a repeated receipt counts once
        providerReports(sandboxMessage("sms", phones.get(1)), "failed");
        customerWrites("sms", phones.get(2), "¿Y el precio?");
        Matcher link = Pattern.compile("http://localhost:8080/l/([0-9A-Za-z]+)")
                .matcher(sandboxMessage("sms", phones.get(3)).get("text").asString());
        assertThat(link.find()).isTrue();
        assertThat(Http.get(url("/l/" + link.group(1)), null).status()).isEqualTo(302);
        assertThat(Http.post(PlatformServices.profiles() + "/api/activities", Tokens.partnerDemo(), """
                {"id":"%s","type":"purchase","customer":{"identifiers":[{"type":"phone","value":"%s"}]},
                 "occurredAt":"%s","channel":"online","orderId":"M-1","amount":59.90,"currency":"EUR"}"""
                .formatted(UUID.randomUUID(), phones.get(4), Instant.now())).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode t = stats(journey, "converted").get("total");
            return t.path("converted").asInt() == 1 && t.path("read").asInt() == 1 && t.path("failed").asInt() == 1
                    && t.path("replied").asInt() == 1 && t.path("clicked").asInt() == 1;
        });
        JsonNode stats = stats(journey, "converted");
        JsonNode total = stats.get("total");
        assertThat(total.get("enrolled").asInt()).isEqualTo(6);
        assertThat(total.get("sent").asInt()).isEqualTo(6);
        assertThat(total.get("delivered").asInt()).as("read implies delivered, counted once").isEqualTo(1);
        assertThat(stats.get("channels").get("sms").get("sent").asInt()).isEqualTo(6);
        assertThat(stats.get("steps").path("offer-a").path("sent").asInt()).isEqualTo((int) a);
        assertThat(stats.get("variants").path("a").path("enrolled").asInt()
                + stats.get("variants").path("b").path("enrolled").asInt()).isEqualTo(6);
        assertThat(stats.get("variants").get(variantOf.get(phones.get(4))).get("converted").asInt()).isEqualTo(1);
        assertThat(stats.get("revenue").asDouble()).isEqualTo(59.9);
        assertThat(stats.get("suppressedBy").path("consent").asInt()).as("the marketing promo without consent")
                .isEqualTo((int) (6 - a));
        assertThat(stats.get("ab")).hasSize(a == 0 || a == 6 ? 1 : 2);
        if (a > 0 && a < 6) {
            assertThat(stats.get("ab").get(1).get("pValue").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(Http.get(url("/api/journeys/" + journey + "/stats?metric=bogus"), Tokens.user("marco")).status())
                .isEqualTo(400);
        assertThat(Http.get(url("/api/journeys/" + journey + "/stats"), Tokens.user("ana")).status()).isEqualTo(403);
    }

    private JsonNode stats(String journey, String metric) {
        return Http.get(url("/api/journeys/" + journey + "/stats?metric=" + metric), Tokens.user("marco")).json();
    }
}
