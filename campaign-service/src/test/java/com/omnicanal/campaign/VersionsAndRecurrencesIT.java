package com.omnicanal.campaign;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new version never moves enrolled customers until they are migrated explicitly (and a migration that would strand
 * someone writes nothing); a recurring send reaches the segment every period until it is stopped.
 */
class VersionsAndRecurrencesIT extends CampaignTestBase {

    @Test
    void customersStayOnTheirVersionUntilAnExplicitMigrationMovesThemStepByStep() {
        String journey = publish("""
                {"name":"V1","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","steps":[{"id":"rest","type":"wait","duration":"PT10M"},
                                                     {"id":"old-end","type":"exit"}]}]}""");
        String profileId = customer(newPhone());
        JsonNode enrolled = Http.post(url("/api/journeys/" + journey + "/enrollments"), Tokens.user("marco"),
                "{\"profileId\":\"" + profileId + "\",\"requestId\":\"v1\"}").json();
        assertThat(put("/api/journeys/" + journey, """
                {"name":"V2","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","steps":[{"id":"hello","type":"wait","duration":"PT1M"},
                                                     {"id":"pause","type":"wait","duration":"PT10M"}]}]}""").status()).isEqualTo(200);
        assertThat(Http.post(url("/api/journeys/" + journey + "/publish"), Tokens.user("marco"), "{}").status()).isEqualTo(200);
        String id = enrolled.get("id").asString();
        assertThat(enrollment(id).get("version").asInt()).as("a new version changes no one's path").isEqualTo(1);

        Http.Response stranding = Http.post(url("/api/journeys/" + journey + "/migrations"), Tokens.user("marco"),
                "{\"fromVersion\":1,\"mapping\":{\"nowhere\":\"hello\"}}");
        assertThat(stranding.status()).isEqualTo(400);
        assertThat(stranding.json().get("errors").findValuesAsString("field")).contains("/mapping/rest",
                "/mapping/old-end", "/mapping/nowhere");
        assertThat(enrollment(id).get("version").asInt()).as("nothing half-written").isEqualTo(1);

        JsonNode migrated = Http.post(url("/api/journeys/" + journey + "/migrations"), Tokens.user("marco"),
                "{\"fromVersion\":1,\"mapping\":{\"rest\":\"pause\",\"old-end\":\"pause\"}}").json();
        assertThat(migrated.get("migrated").asInt()).isEqualTo(1);
        JsonNode moved = enrollment(id);
        assertThat(moved.get("version").asInt()).isEqualTo(2);
        assertThat(moved.get("step").asInt()).isEqualTo(1);
        assertThat(moved.get("history").toString()).contains("from version 1 to 2 by user:marco: rest → pause");
        assertThat(Http.post(url("/api/journeys/" + journey + "/migrations"), Tokens.user("ana"),
                "{\"fromVersion\":1}").status()).isEqualTo(403);
    }

    @Test
    void aRecurringSendReachesTheSegmentEveryPeriodUntilStopped() {
        String zone = "Pacific/Marquesas";
        for (int i = 0; i < 2; i++) {
            Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"), """
                    {"identifiers":[{"type":"email","value":"n%s@example.com","verified":true}],"traits":{"timezone":"%s"}}"""
                    .formatted(UUID.randomUUID(), zone));
        }
        String segment = "nurture-" + UUID.randomUUID().toString().substring(0, 6);
        Http.post(PlatformServices.profiles() + "/api/segments", Tokens.user("marco"), """
                {"id":"%s","name":"Marquesas","conditions":[{"field":"timezone","op":"eq","value":"%s"}]}""".formatted(segment, zone));
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(PlatformServices.profiles() + "/api/segments/" + segment,
                Tokens.user("marco")).json().get("state").asString().equals("ready"));
        String journey = publish("""
                {"name":"Nurture","purpose":"service","trigger":{"type":"manual"},"reentry":{"mode":"every-time"},
                 "phases":[{"id":"refuerzo-vinculo","steps":[{"id":"rest","type":"wait","duration":"PT10M"}]}]}""");

        assertThat(Http.post(url("/api/campaigns/recurring"), Tokens.user("marco"), """
                {"journeyId":"%s","segmentId":"%s","every":"PT1S"}""".formatted(journey, segment)).json()
                .get("errors").findValuesAsString("field")).containsExactly("/every");
        Http.Response created = Http.post(url("/api/campaigns/recurring"), Tokens.user("marco"), """
                {"journeyId":"%s","segmentId":"%s","every":"PT3S"}""".formatted(journey, segment));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("_id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> recurring(id).get("runs").size() >= 2);
        for (JsonNode run : recurring(id).get("runs")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(url("/api/campaigns/broadcasts/" + run.asString()),
                    Tokens.user("marco")).json().get("broadcast").get("state").asString().equals("completed"));
            assertThat(Http.get(url("/api/campaigns/broadcasts/" + run.asString()), Tokens.user("marco")).json()
                    .get("broadcast").get("enrolled").asInt()).as("every member, again").isEqualTo(2);
        }

        assertThat(Http.post(url("/api/campaigns/recurring/" + id + "/stop"), Tokens.user("marco"), "{}").status()).isEqualTo(200);
        int runs = recurring(id).get("runs").size();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> recurring(id).get("runs").size() == runs);
        assertThat(Http.post(url("/api/campaigns/recurring/" + id + "/stop"), Tokens.user("marco"), "{}").status()).isEqualTo(409);
    }

    private JsonNode enrollment(String id) {
        return Http.get(url("/api/campaigns/enrollments/" + id), Tokens.user("marco")).json();
    }

    private JsonNode recurring(String id) {
        return Http.get(url("/api/campaigns/recurring/" + id), Tokens.user("marco")).json();
    }
}
