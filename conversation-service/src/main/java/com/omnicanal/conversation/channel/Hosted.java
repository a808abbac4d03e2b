package com.omnicanal.conversation.channel;

import java.util.Set;

/** Channels we host ourselves: no provider stands between us and the customer, so no sandbox either. */
final class Hosted {

    static final Set<String> CHANNELS = Set.of("webchat");

    private Hosted() {
    }
}
