package com.omnicanal.conversation.privacy;

import com.omnicanal.support.privacy.ExportParticipant;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A person's conversations, every message in them (both directions, with channel and delivery status), their
 * complaints and web-chat addresses, for the privacy export (a rare staff or service call: read by profile id).
 */
@Configuration(proxyBeanMethods = false)
class ConversationExport {

    @Bean
    ExportParticipant showConversations(MongoTemplate mongo) {
        return profileId -> Map.of(
                "conversations", mongo.find(query(where("profileId").is(profileId)), Document.class, "conversations"),
                "messages", mongo.find(query(where("profileId").is(profileId)).with(Sort.by("at")), Document.class,
                        "messages"),
                "complaints", mongo.find(query(where("profileId").is(profileId)), Document.class, "complaints"),
                "webchatAddresses", mongo.find(query(where("profileId").is(profileId)), Document.class,
                        "webchat_addresses"));
    }
}
