package com.omnicanal.conversation.inbox;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PartiesTest {

    @Test
    void aWhatsAppOrSmsNumberIsThePhoneProfileServiceReturnsAndEmailIgnoresCase() {
        Set<String> returned = Parties.normalized(List.of("phone:+34600111222", "email:B@Example.com", "web:s-1"));
        assertThat(Parties.anyIn(Parties.of(List.of(new InboundMessage.SenderId("whatsapp", "+34600111222", true))),
                returned)).isTrue();
        assertThat(Parties.anyIn(Parties.to("sms", "+34 600 111 222"), returned)).isTrue();
        assertThat(Parties.anyIn(Parties.to("email", "b@example.com"), returned)).isTrue();
        assertThat(Parties.anyIn(Parties.to("webchat", "s-1"), returned)).isTrue();
        assertThat(Parties.anyIn(Parties.to("email", "a@example.com"), returned)).isFalse();
        assertThat(Parties.anyIn(null, returned)).as("a note, or a message from before parties").isFalse();
    }
}
