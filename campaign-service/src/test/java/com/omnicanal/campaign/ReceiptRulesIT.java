package com.omnicanal.campaign;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retry rules judged by real receipts from conversation-service: an e-mail not delivered in time falls back to SMS,
 * whose "read" is the success that moves the journey on; a reply is a success; a failure with no attempt left ends
 * the journey as the rule says; a rule that cannot be decided is refused with its pointers.
 */
class ReceiptRulesIT extends CampaignTestBase {

    @Test
    void anUndeliveredEmailFallsBackToSmsWhoseReadReceiptIsTheSuccess() {
        String journey = publish("""
                {"name":"Read it","purpose":"service","trigger":{"type":"activity","activityType":"purchase","channel":"kiosk"},
                 "phases":[{"id":"apertura","channels":[{"channel":"email","role":"primary"},{"channel":"sms","role":"support"}],
                   "retry":{"maxAttempts":2,"success":"read","fallbackOn":["failed","not-delivered"],
                            "notDeliveredAfter":"PT2S","successWithin":"PT1M","onExhausted":"exit"},
                   "steps":[{"id":"thanks","type":"send","content":{"es":{"subject":"Gracias","text":"Gracias {{firstName}}"}}},
                            {"id":"pause","type":"wait","duration":"PT30S"}]}]}""");
        String phone = newPhone();
        String profileId = customer(phone);
        purchase(phone, "kiosk");

        JsonNode fellBack = awaitEnrollment(profileId, journey, e -> e.toString().contains("sms: chosen"));
        assertThat(fellBack.get("history").toString()).contains("awaits-receipt", "email not delivered after PT2S",
                "attempt 2 of 2");
        assertThat(fellBack.get("step").asInt()).as("still at the send step: no read yet").isZero();

        JsonNode sms = sandboxMessage("sms", phone);
        providerReports(sms, "delivered");
        assertThat(awaitEnrollment(profileId, journey, e -> e.toString().contains("sms delivered")).get("step").asInt())
                .as("delivered is not yet read").isZero();
        providerReports(sms, "read");
        JsonNode read = awaitEnrollment(profileId, journey, e -> e.get("step").asInt() == 1);
        assertThat(read.get("history").toString()).contains("sms read", "success (read) on sms");
    }

    @Test
    void aReplyIsTheSuccessOfAChannelRuleAndAFailureWithNoAttemptLeftExitsAsTheRuleSays() {
        String journey = publish("""
                {"name":"Reply","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"consideracion","channels":[{"channel":"sms","role":"primary",
                     "retry":{"fallbackOn":["no-reply","failed"],"noReplyAfter":"PT1M","onExhausted":"exit"}}],
                   "steps":[{"id":"ask","type":"send","content":{"es":{"text":"¿Alguna duda?"}}},
                            {"id":"pause","type":"wait","duration":"PT1M"}]}]}""");
        String phone = newPhone();
        String replying = customer(phone);
        enrol(journey, replying);
        sandboxMessage("sms", phone);
        customerWrites("sms", phone, "Sí, una pregunta");
        JsonNode replied = awaitEnrollment(replying, journey, e -> e.get("step").asInt() == 1);
        assertThat(replied.get("history").toString()).contains("the customer replied on sms", "success (replied) on sms");

        String other = newPhone();
        String failing = customer(other);
        enrol(journey, failing);
        providerReports(sandboxMessage("sms", other), "failed");
        JsonNode exited = awaitEnrollment(failing, journey, e -> "exited".equals(e.get("state").asString()));
        assertThat(exited.get("endReason").asString()).contains("sms failed", "no attempt left", "the rule says exit");
    }

    @Test
    void aRuleThatCannotBeDecidedIsRefusedWithItsPointers() {
        Http.Response bad = put("/api/journeys/undecidable", """
                {"name":"Bad","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","channels":[{"channel":"sms","role":"primary","retry":{"success":"clicked"}}],
                   "retry":{"fallbackOn":["not-read"],"success":"converted","onExhausted":"nowhere"},
                   "steps":[{"id":"a","type":"send","content":{"es":{"text":"x"}}}]}]}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("/phases/0/retry/notReadAfter",
                "/phases/0/retry/conversionActivity", "/phases/0/retry/onExhausted",
                "/phases/0/channels/0/retry/successWithin");
    }

    private void enrol(String journey, String profileId) {
        assertThat(Http.post(url("/api/journeys/" + journey + "/enrollments"), Tokens.user("marco"),
                "{\"profileId\":\"" + profileId + "\",\"requestId\":\"r-" + profileId + "\"}").status()).isEqualTo(201);
    }
}
