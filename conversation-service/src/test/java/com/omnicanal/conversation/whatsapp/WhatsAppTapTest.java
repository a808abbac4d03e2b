package com.omnicanal.conversation.whatsapp;

import com.omnicanal.conversation.channel.Interactive;
import com.omnicanal.conversation.channel.SandboxConnector;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's tap is Meta's interactive reply webhook, and our webhook reads its title and id back. */
class WhatsAppTapTest {

    private final JsonMapper json = new JsonMapper();
    private final WhatsAppSimulator simulator = new WhatsAppSimulator(
            new WhatsAppProperties("verify", "secret", "http://graph", "v21.0", null, null), json);

    @Test
    void aTapOnButtonsIsAButtonReplyAndOnAListAListReplyEachWithItsIdAndTitle() {
        JsonNode button = message(tap(List.of(choice("yes", "Sí", null), choice("no", "No", null)), 1));
        assertThat(button.at("/interactive/type").asString()).isEqualTo("button_reply");
        assertThat(button.at("/interactive/button_reply/id").asString()).isEqualTo("no");
        assertThat(button.at("/context/id").asString()).isEqualTo("sbx-1");
        assertThat(WhatsAppContent.text(button)).isEqualTo("No");
        assertThat(WhatsAppContent.details(button).replyId()).isEqualTo("no");

        JsonNode row = message(tap(List.of(choice("a", "A", null), choice("b", "B", null), choice("c", "C", null),
                choice("d", "D", "la cuarta")), 3));
        assertThat(row.at("/interactive/type").asString()).isEqualTo("list_reply");
        assertThat(row.at("/interactive/list_reply/description").asString()).isEqualTo("la cuarta");
        assertThat(WhatsAppContent.text(row)).isEqualTo("D");
        assertThat(WhatsAppContent.details(row).replyId()).isEqualTo("d");
    }

    @Test
    void aTemplatesQuickReplyKeepsItsPayloadAndATypedMessageHasNoReplyId() {
        JsonNode quick = json.readTree("{\"type\":\"button\",\"button\":{\"text\":\"Bien\",\"payload\":\"csat=4\"}}");
        assertThat(WhatsAppContent.text(quick)).isEqualTo("Bien");
        assertThat(WhatsAppContent.details(quick).replyId()).isEqualTo("csat=4");
        JsonNode typed = json.readTree("{\"type\":\"text\",\"text\":{\"body\":\"4\"}}");
        assertThat(WhatsAppContent.details(typed).replyId()).isNull();
    }

    private byte[] tap(List<Interactive.Choice> choices, int index) {
        Interactive interactive = new Interactive("¿Qué tal?", null, choices);
        SandboxConnector.Kept kept = new SandboxConnector.Kept("sbx-1", "out:1", "whatsapp", "+34600111222",
                "interactive", "¿Qué tal?", null, null, List.of(), interactive, interactive.form(), Instant.now());
        return simulator.tap("+34600111222", kept, choices.get(index)).body();
    }

    private JsonNode message(byte[] webhook) {
        return json.readTree(webhook).at("/entry/0/changes/0/value/messages/0");
    }

    private static Interactive.Choice choice(String id, String title, String description) {
        return new Interactive.Choice(id, title, description);
    }
}
