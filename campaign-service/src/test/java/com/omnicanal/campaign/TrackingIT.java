package com.omnicanal.campaign;

import com.omnicanal.testing.EventTap;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.QrCodes;
import com.omnicanal.testing.TestBroker;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Links in a message become per-recipient short links whose opening redirects, is published, and is the send's
 * "clicked" success; campaign QR codes are real (PNG decodes to their link, SVG), and their scans are counted by hour
 * and place, tied to the person a link of theirs identified earlier, and to the purchase that follows.
 */
class TrackingIT extends CampaignTestBase {

    private static final TestBroker broker = new TestBroker();
    private static final Pattern SHORT = Pattern.compile("http://localhost:8080/l/([0-9A-Za-z]+)");

    @AfterAll
    static void close() {
        broker.close();
    }

    @Test
    void aLinkInAMessageIsPerRecipientItsOpeningIsPublishedAndIsTheClickedSuccessAndAQrScanIsTiedToThatPerson() throws Exception {
        EventTap clicks = broker.tap("omni.campaign", "omni.campaign.link-clicked.v1");
        String journey = publish("""
                {"name":"Care tips","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"refuerzo-acuerdo","channels":[{"channel":"email","role":"read-only"}],
                   "retry":{"success":"clicked","successWithin":"PT10M"},
                   "steps":[{"id":"tips","type":"send","content":{"es":{"subject":"Consejos","text":"Lee https://shop.example.com/care?x=1 hoy"}}},
                            {"id":"pause","type":"wait","duration":"PT1M"}]}]}""");
        String phone = newPhone();
        String profileId = customer(phone);
        assertThat(Http.post(url("/api/journeys/" + journey + "/enrollments"), Tokens.user("marco"),
                "{\"profileId\":\"" + profileId + "\",\"requestId\":\"t-" + profileId + "\"}").status()).isEqualTo(201);
        Matcher link = SHORT.matcher(sandboxMessage("email", email(phone)).get("text").asString());
        assertThat(link.find()).as("the link was replaced by a short one").isTrue();
        String code = link.group(1);

        Http.Response opened = Http.get(url("/l/" + code), null);
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.headers().get("location")).isEqualTo("https://shop.example.com/care?x=1");
        String visitor = opened.headers().get("set-cookie").split(";")[0];
        JsonNode clicked = awaitEnrollment(profileId, journey, e -> e.get("step").asInt() == 1);
        assertThat(clicked.get("history").toString()).contains("clicked https://shop.example.com/care?x=1",
                "success (clicked) on email");
        assertThat(EventTap.body(clicks.await(m -> EventTap.body(m).contains(code), Duration.ofSeconds(20))))
                .contains(profileId, "\"kind\":\"message\"");
        assertThat(Http.get(url("/l/doesNotExist1"), null).status()).isEqualTo(404);

        String campaign = "billboards-" + UUID.randomUUID().toString().substring(0, 6);
        Http.Response created = Http.post(url("/api/campaigns/qr"), Tokens.user("marco"), """
                {"campaign":"%s","name":"Gran Vía","place":"Madrid, Gran Vía 32","url":"https://shop.example.com/winter"}"""
                .formatted(campaign));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String qr = created.json().get("code").asString();
        assertThat(QrCodes.text(image(qr, "png"))).isEqualTo("http://localhost:8080/l/" + qr);
        assertThat(new String(image(qr, "svg"))).startsWith("<svg").contains("/l/" + qr);

        assertThat(Http.send("GET", url("/l/" + qr), null, Map.of("Cookie", visitor), null).status()).isEqualTo(302);
        assertThat(Http.get(url("/l/" + qr), null).status()).isEqualTo(302);
        Http.Response purchase = Http.post(PlatformServices.profiles() + "/api/activities", Tokens.partnerDemo(), """
                {"id":"%s","type":"purchase","customer":{"identifiers":[{"type":"phone","value":"%s"}]},
                 "occurredAt":"%s","channel":"store","orderId":"Q-1","amount":59.90,"currency":"EUR"}"""
                .formatted(UUID.randomUUID(), phone, Instant.now()));
        assertThat(purchase.status()).as(purchase.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(url("/api/campaigns/qr/" + qr), Tokens.user("marco"))
                .json().get("conversions").asInt() == 1);
        JsonNode stats = Http.get(url("/api/campaigns/qr?campaign=" + campaign), Tokens.user("marco")).json().get(0);
        assertThat(stats.get("place").asString()).isEqualTo("Madrid, Gran Vía 32");
        assertThat(stats.get("scans").asInt()).isEqualTo(2);
        assertThat(stats.get("knownScans").asInt()).as("the cookie of the customer's own link").isEqualTo(1);
        assertThat(stats.get("byHour").toString()).contains(":2");
        assertThat(stats.get("revenue").asDouble()).isEqualTo(59.9);
        assertThat(Http.post(url("/api/campaigns/qr"), Tokens.user("marco"), "{\"campaign\":\"x\",\"url\":\"ftp://x\"}")
                .json().get("errors").findValuesAsString("field")).contains("name", "place", "url");
        assertThat(Http.get(url("/api/campaigns/qr/" + qr), Tokens.user("carla")).status()).isEqualTo(403);
    }

    @Test
    void aScanFromASignedInCustomersAppIsTiedToThemAndTheirCookieRemembersThem() {
        EventTap clicks = broker.tap("omni.campaign", "omni.campaign.link-clicked.v1");
        String carla = Http.get(PlatformServices.profiles() + "/api/me/profile", Tokens.user("carla")).json().get("id")
                .asString();
        String campaign = "stores-" + UUID.randomUUID().toString().substring(0, 6);
        String qr = Http.post(url("/api/campaigns/qr"), Tokens.user("marco"), """
                {"campaign":"%s","name":"Caja 3","place":"Sevilla, Sierpes 12","url":"https://shop.example.com/club"}"""
                .formatted(campaign)).json().get("code").asString();

        Http.Response scanned = Http.get(url("/l/" + qr), Tokens.user("carla"));

        assertThat(scanned.status()).isEqualTo(302);
        assertThat(EventTap.body(clicks.await(m -> EventTap.body(m).contains(qr), Duration.ofSeconds(20))))
                .contains(carla, "\"kind\":\"qr\"");
        String visitor = scanned.headers().get("set-cookie").split(";")[0];
        assertThat(Http.send("GET", url("/l/" + qr), null, Map.of("Cookie", visitor), null).status())
                .as("the same phone later, signed out").isEqualTo(302);
        assertThat(Http.get(url("/l/" + qr), Tokens.user("marco")).status()).as("staff trying the code").isEqualTo(302);
        assertThat(Http.get(url("/l/" + qr), "forged." + Tokens.user("carla")).status()).isEqualTo(401);
        JsonNode stats = Http.get(url("/api/campaigns/qr/" + qr), Tokens.user("marco")).json();
        assertThat(stats.get("scans").asInt()).isEqualTo(3);
        assertThat(stats.get("knownScans").asInt()).as("carla's two scans; the marketer is nobody's customer").isEqualTo(2);
    }

    private byte[] image(String code, String format) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                url("/api/campaigns/qr/" + code + "/image." + format))).header("Authorization", "Bearer "
                + Tokens.user("marco")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

}
