package com.omnicanal.conversation.webchat;

import com.omnicanal.conversation.channel.ChannelConnector;
import com.omnicanal.conversation.channel.OutboundMessage;
import com.omnicanal.conversation.channel.ProviderReceipt;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Web chat is ours: "sending" is pushing to the customer's open streams; the app acknowledges delivery and reading. */
@Component
class WebchatConnector implements ChannelConnector {

    private final LiveChats chats;

    WebchatConnector(LiveChats chats) {
        this.chats = chats;
    }

    record Pushed(String messageId, String conversationId, String direction, String text, Instant at) {
    }

    @Override
    public String channel() {
        return "webchat";
    }

    @Override
    public ProviderReceipt send(OutboundMessage message) {
        chats.push(message.address(), "message",
                new Pushed(message.messageId(), message.conversationId(), "outbound", message.text(), Instant.now()));
        return new ProviderReceipt(message.messageId());
    }
}
