package com.omnicanal.campaign;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** This service's part of a person's privacy export: their enrolments with every decision; services and staff only. */
class PrivacyExportIT extends CampaignTestBase {

    @Test
    void thePersonsEnrollmentsWithTheirDecisionsAreInThisServicesPartOfTheExport() {
        String journey = publish("""
                {"name":"Export","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","steps":[{"id":"rest","type":"wait","duration":"PT10M"}]}]}""");
        String profileId = customer(newPhone());
        String other = customer(newPhone());
        for (String who : new String[]{profileId, other}) {
            assertThat(Http.post(url("/api/journeys/" + journey + "/enrollments"), Tokens.user("marco"),
                    "{\"profileId\":\"" + who + "\",\"requestId\":\"export-" + who + "\"}").status()).isLessThan(300);
        }
        awaitEnrollment(profileId, journey, e -> e.get("state").asString().equals("waiting"));

        Http.Response answer = Http.get(url("/internal/privacy/" + profileId + "/export"), Tokens.services());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode export = answer.json();
        assertThat(export.get("service").asString()).isEqualTo("campaign-service");
        assertThat(export.get("profileId").asString()).isEqualTo(profileId);
        assertThat(export.get("enrollments")).hasSize(1);
        JsonNode enrollment = export.get("enrollments").get(0);
        assertThat(enrollment.get("journeyId").asString()).isEqualTo(journey);
        assertThat(enrollment.get("profileId").asString()).as("nobody else's").isEqualTo(profileId);
        assertThat(enrollment.get("history").findValuesAsString("action")).isNotEmpty();
        assertThat(export.has("links") && export.has("linkVisits") && export.has("qrScans")).isTrue();
    }

    @Test
    void onlyServicesAndPrivacyStaffMayReadIt() {
        String path = url("/internal/privacy/" + customer(newPhone()) + "/export");
        assertThat(Http.get(path, null).status()).isEqualTo(401);
        assertThat(Http.get(path, Tokens.user("ana")).status()).as("an agent").isEqualTo(403);
        assertThat(Http.get(path, Tokens.user("carla")).status()).as("a customer").isEqualTo(403);
        assertThat(Http.get(path, Tokens.user("sofia")).status()).as("a supervisor").isEqualTo(200);
    }
}
