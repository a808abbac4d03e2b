package com.omnicanal.conversation.inbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The customer's current conversation (open or recently resolved), keyed by profile id: a read by {@code _id}. */
@Document(CurrentConversation.COLLECTION)
record CurrentConversation(@Id String profileId, String conversationId) {

    static final String COLLECTION = "open_conversations";
}
