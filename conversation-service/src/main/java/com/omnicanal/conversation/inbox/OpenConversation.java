package com.omnicanal.conversation.inbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The customer's open conversation, keyed by profile id: joining it is a read by {@code _id}. */
@Document(OpenConversation.COLLECTION)
record OpenConversation(@Id String profileId, String conversationId) {

    static final String COLLECTION = "open_conversations";
}
