package com.omnicanal.feedback.survey;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When an invitation goes after its trigger, and which timings a survey may not have. */
class SurveyTimingTest {

    private static final Map<String, Duration> DEFAULTS = Map.of("email", Duration.ofHours(24));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void csatGoesAtOnceOnChatChannelsAndTheNextDayByEmailUnlessTheSurveySaysOtherwise() {
        SurveyDefinition csat = definition("{\"kind\":\"csat\"}");
        assertThat(csat.delay("whatsapp", DEFAULTS)).isZero();
        assertThat(csat.delay("webchat", DEFAULTS)).isZero();
        assertThat(csat.delay("email", DEFAULTS)).isEqualTo(Duration.ofHours(24));
        SurveyDefinition own = definition("{\"kind\":\"csat\",\"delays\":{\"email\":\"PT2H\",\"sms\":\"PT10M\"}}");
        assertThat(own.delay("email", DEFAULTS)).isEqualTo(Duration.ofHours(2));
        assertThat(own.delay("sms", DEFAULTS)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void npsAfterAPurchaseAndTheRecoveryReSurveyWaitTheirDaysOnAnyChannel() {
        SurveyDefinition nps = definition("{\"kind\":\"nps\",\"afterDays\":7,\"delays\":{\"email\":\"PT1H\"}}");
        assertThat(nps.delay("email", DEFAULTS)).isEqualTo(Duration.ofDays(7));
        assertThat(nps.delay(null, DEFAULTS)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void timingsOutOfRangeAreNamed() {
        SurveyDefinition bad = definition("{\"name\":\"x\",\"kind\":\"csat\",\"trigger\":{\"on\":\"manual\"},\"afterDays\":400,"
                + "\"delays\":{\"email\":\"-PT1H\"},\"reminderAfter\":\"P40D\"}");
        assertThat(SurveyRules.problems(bad)).extracting(p -> p.field())
                .contains("afterDays", "delays.email", "reminderAfter");
    }

    private static SurveyDefinition definition(String json) {
        return JSON.readValue(json, SurveyDefinition.class);
    }
}
