package com.omnicanal.conversation.privacy;

import com.omnicanal.conversation.inbox.Unmerges;
import com.omnicanal.events.profile.ProfileMerged;
import com.omnicanal.support.privacy.ErasureParticipant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.util.function.Consumer;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * An erased person's messages keep only their shape (channel, time, status) for reports; bodies, names, attachments,
 * headers and addresses go. A merge moves the merged profile's conversations to the surviving one.
 */
@Configuration(proxyBeanMethods = false)
class ConversationPrivacy {

    @Bean
    ErasureParticipant eraseMessages(MongoTemplate mongo) {
        return profileId -> {
            forgetAwaitedReceipts(mongo, profileId); // first: the messages' parties name the addresses
            mongo.updateMulti(query(where("profileId").is(profileId)), new Update().set("text", "[erased]")
                    .unset("senderName").unset("subject").unset("attachments").unset("headers").unset("parties")
                    .set("erased", true),
                    "messages");
            mongo.remove(query(where("profileId").is(profileId)), "webchat_addresses");
        };
    }

    /** The watermark lists are keyed by the customer's address, which is personal data too. */
    private static void forgetAwaitedReceipts(MongoTemplate mongo, String profileId) {
        org.springframework.data.mongodb.core.query.Query mine = query(where("profileId").is(profileId));
        mine.fields().include("parties");
        java.util.Set<String> addresses = new java.util.HashSet<>();
        mongo.find(mine, org.bson.Document.class, "messages")
                .forEach(m -> addresses.addAll(m.getList("parties", String.class, java.util.List.of())));
        mongo.remove(query(where("_id").in(addresses)), "watermark_pending");
    }

    @Bean
    Consumer<ProfileMerged> relinkOnMerge(MongoTemplate mongo, Unmerges unmerges) {
        return event -> {
            if (unmerges.undone(event.mergeId())) {
                return; // a late or replayed merge event must not undo its own undoing
            }
            for (String collection : new String[]{"conversations", "messages", "complaints"}) {
                mongo.updateMulti(query(where("profileId").is(event.mergedProfileId())),
                        new Update().set("profileId", event.profileId()), collection);
            }
            org.bson.Document current = mongo.findById(event.mergedProfileId(), org.bson.Document.class, "open_conversations");
            if (current != null && mongo.findById(event.profileId(), org.bson.Document.class, "open_conversations") == null) {
                mongo.save(new org.bson.Document("_id", event.profileId())
                        .append("conversationId", current.getString("conversationId")), "open_conversations");
            }
            mongo.remove(query(where("_id").is(event.mergedProfileId())), "open_conversations");
        };
    }
}
