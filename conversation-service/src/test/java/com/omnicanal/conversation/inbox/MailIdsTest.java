package com.omnicanal.conversation.inbox;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MailIdsTest {

    @Test
    void ourIdNamesItsConversationAndIsNewEachTime() {
        String conversation = UUID.randomUUID().toString();
        String id = MailIds.forConversation(conversation, "omnicanal.local");
        assertThat(id).startsWith("<").endsWith("@omnicanal.local>")
                .isNotEqualTo(MailIds.forConversation(conversation, "omnicanal.local"));
        assertThat(MailIds.conversationOf(id)).contains(conversation);
        assertThat(MailIds.conversationOf(" " + id.substring(1, id.length() - 1) + " ")).as("without brackets")
                .contains(conversation);
    }

    @Test
    void anyoneElsesIdNamesNothing() {
        assertThat(MailIds.conversationOf("<CAF=abc123@mail.gmail.com>")).isEmpty();
        assertThat(MailIds.conversationOf("<" + UUID.randomUUID() + "@omnicanal.local>")).as("ours before ids named")
                .isEmpty();
        assertThat(MailIds.conversationOf("<" + UUID.randomUUID() + ".a b@x>")).isEmpty();
        assertThat(MailIds.conversationOf(null)).isEmpty();
    }
}
