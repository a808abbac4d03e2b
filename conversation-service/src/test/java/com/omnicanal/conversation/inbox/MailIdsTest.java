package com.omnicanal.conversation.inbox;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MailIdsTest {

    @Test
    void ourIdNamesItsConversationAndItsMessage() {
        String conversation = UUID.randomUUID().toString();
        String message = Outbound.newId();
        String id = MailIds.forMessage(message, conversation, "omnicanal.local");
        assertThat(id).startsWith("<").endsWith("@omnicanal.local>")
                .isNotEqualTo(MailIds.forMessage(Outbound.newId(), conversation, "omnicanal.local"));
        assertThat(MailIds.conversationOf(id)).contains(conversation);
        assertThat(MailIds.messageOf(id)).contains(message);
        assertThat(MailIds.conversationOf(" " + id.substring(1, id.length() - 1) + " ")).as("without brackets")
                .contains(conversation);
        assertThat(MailIds.messageOf(id.substring(1, id.length() - 1))).as("without brackets").contains(message);
    }

    @Test
    void anIdNotOfOursGetsARandomPartThatNamesNoMessageOfOurs() {
        String id = MailIds.forMessage("note:1", "c-1", "omnicanal.local");
        assertThat(MailIds.conversationOf(id)).contains("c-1");
        assertThat(MailIds.messageOf(id)).hasValueSatisfying(m -> assertThat(m).isNotEqualTo("note:1").startsWith("out:"));
    }

    @Test
    void anyoneElsesIdNamesNothing() {
        assertThat(MailIds.conversationOf("<CAF=abc123@mail.gmail.com>")).isEmpty();
        assertThat(MailIds.conversationOf("<" + UUID.randomUUID() + "@omnicanal.local>")).as("ours before ids named")
                .isEmpty();
        assertThat(MailIds.conversationOf("<" + UUID.randomUUID() + ".a b@x>")).isEmpty();
        assertThat(MailIds.conversationOf(null)).isEmpty();
        assertThat(MailIds.messageOf("<CAF=abc123@mail.gmail.com>")).isEmpty();
        assertThat(MailIds.messageOf(null)).isEmpty();
    }
}
