package com.omnicanal.campaign;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call outcomes feeding the journey's rules: no answer is tried again in another part of the day and then the step's
 * message falls back to SMS; interested takes the Decisión's yes path; a wrong number is marked invalid in
 * profile-service, the message goes on the next channel and the Decisión takes its no path.
 */
class DispositionsIT extends CampaignTestBase {

    @Test
    void noAnswerIsCalledAgainInAnotherPartOfTheDayThenTheMessageFallsBackToSms() {
        String team = team();
        String journey = publish("""
                {"name":"Call then SMS","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","channels":[{"channel":"phone","role":"primary"},{"channel":"sms","role":"support"}],
                   "steps":[{"id":"call","type":"agent-task","team":"%s","script":"Saluda","attempts":2,
                             "content":{"es":{"text":"Te llamamos y no pudimos hablar: escríbenos por aquí"}}},
                            {"id":"pause","type":"wait","duration":"PT1M"}]}]}""".formatted(team));
        String phone = newPhone();
        String profileId = customer(phone);
        enrol(journey, profileId);

        JsonNode first = openTask(team);
        JsonNode done = dispose(first, "no-answer");
        assertThat(done.get("outcome").asString()).contains("call again at", "in the ", "attempt 2 of 2");
        JsonNode second = openTask(team);
        assertThat(second.get("parts").toString()).as("the part of the day already tried").isNotEqualTo("[]");
        assertThat(instant(second.get("dueAt"))).isAfter(Instant.now());
        assertThat(done.get("outcome").asString()).doesNotContain("in the " + second.get("parts").get(0).asString() + " (");

        dispose(second, "no-answer");
        assertThat(sandboxMessage("sms", phone).get("text").asString()).startsWith("Te llamamos");
        JsonNode after = awaitEnrollment(profileId, journey, e -> e.get("step").asInt() == 1);
        assertThat(after.get("history").toString()).contains("no answer after 2 of 2 calls", "falls back to [sms]",
                "sms: chosen");
    }

    @Test
    void interestedTakesTheYesPathAndAWrongNumberIsMarkedInvalidFallsBackAndTakesTheNoPath() {
        String team = team();
        String journey = publish("""
                {"name":"Decide","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"decision","channels":[{"channel":"phone","role":"primary"},{"channel":"email","role":"support"}],
                   "steps":[{"id":"call","type":"agent-task","team":"%s","dispositions":["contacted-interested","wrong-number"],
                             "content":{"es":{"subject":"Hola","text":"No pudimos localizarte por teléfono"}}},
                            {"id":"decide","type":"branch","on":"disposition","then":"yes","otherwise":"no"},
                            {"id":"yes","type":"send","content":{"es":{"subject":"Gracias","text":"Gracias por tu confianza"}}},
                            {"id":"end","type":"exit"},
                            {"id":"no","type":"send","content":{"es":{"subject":"Gracias","text":"La puerta sigue abierta"}}}]}]}"""
                .formatted(team));
        String yesPhone = newPhone();
        String yes = customer(yesPhone);
        enrol(journey, yes);
        dispose(openTask(team), "contacted-interested");
        JsonNode decided = awaitEnrollment(yes, journey, e -> "exited".equals(e.get("state").asString()));
        assertThat(decided.get("history").toString()).contains("contacted-interested → yes path");
        assertThat(sandboxMessage("email", email(yesPhone)).get("text").asString()).isEqualTo("Gracias por tu confianza");

        String noPhone = newPhone();
        String no = customer(noPhone);
        enrol(journey, no);
        dispose(openTask(team), "wrong-number");
        JsonNode marked = awaitEnrollment(no, journey, e -> e.toString().contains("no path"));
        assertThat(marked.get("history").toString()).contains("marked invalid in profile-service", "email: chosen");
        sandboxMessage("email", email(noPhone), m -> m.get("text").asString().equals("La puerta sigue abierta"));
        JsonNode profile = Http.get(PlatformServices.profiles() + "/api/profiles/" + no, Tokens.user("ana")).json();
        assertThat(profile.get("identifiers").toString()).contains("wrong-number");
    }

    private static Instant instant(JsonNode value) {
        return value.isNumber() ? Instant.ofEpochMilli(value.asLong()) : java.time.OffsetDateTime.parse(value.asString()).toInstant();
    }

    private static String team() {
        return "t-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private void enrol(String journey, String profileId) {
        assertThat(Http.post(url("/api/journeys/" + journey + "/enrollments"), Tokens.user("marco"),
                "{\"profileId\":\"" + profileId + "\",\"requestId\":\"r-" + profileId + "\"}").status()).isEqualTo(201);
    }

    private JsonNode openTask(String team) {
        JsonNode[] task = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            JsonNode open = Http.get(url("/api/campaigns/tasks?team=" + team), Tokens.user("ana")).json();
            task[0] = open.isEmpty() ? null : open.get(0);
            return task[0] != null;
        });
        return task[0];
    }

    private JsonNode dispose(JsonNode task, String disposition) {
        Http.Response done = Http.post(url("/api/campaigns/tasks/" + task.get("_id").asString() + "/disposition"),
                Tokens.user("ana"), "{\"disposition\":\"" + disposition + "\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        return done.json();
    }
}
