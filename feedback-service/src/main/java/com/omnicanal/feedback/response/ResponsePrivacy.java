package com.omnicanal.feedback.response;

import com.omnicanal.feedback.invitation.Invitation;
import com.omnicanal.feedback.invitation.Invitations;
import com.omnicanal.support.privacy.ErasureParticipant;
import com.omnicanal.support.privacy.ExportParticipant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The person's part of the privacy export (invitations, responses, unfinished answers), served at the platform's
 * {@code /internal/privacy/<id>/export} for profile-service. Erasure anonymises a person's responses — the profile link, the comment and the answers go; the score stays, and
 * so do the counters — found by {@code _id} through the person's invitation tokens (read before they are forgotten).
 */
@Configuration(proxyBeanMethods = false)
class ResponsePrivacy {

    @Bean
    ExportParticipant showResponses(ResponseController responses) {
        return responses::held;
    }

    @Bean
    @Order(0) // before the invitations (and their per-person token list) are forgotten
    ErasureParticipant anonymiseResponses(Invitations invitations, MongoTemplate mongo, PartialAnswers partials) {
        return profileId -> {
            List<String> ids = invitations.ofProfile(profileId).stream().map(Invitation::token).toList();
            partials.forget(ids); // half-answered surveys are personal data too
            List<String> linked = invitations.answeredWithoutInvitation(profileId);
            mongo.updateMulti(query(where("_id").in(ids.isEmpty() && linked.isEmpty() ? List.of("-")
                    : java.util.stream.Stream.concat(ids.stream(), linked.stream()).toList())), new Update()
                    .unset("profileId").unset("comment").unset("answers").set("anonymisedAt", Instant.now()), Response.class);
        };
    }
}
