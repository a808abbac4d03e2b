package com.omnicanal.feedback.loop;

import com.omnicanal.feedback.results.Scores;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Follows each recovery case — opened for a detractor, first contact by an agent, closed, re-surveyed — and counts
 * every step in daily counters of the detractor's day (all and per channel), so the loop dashboard reads counters.
 * Lookups go by {@code _id} only: a case by complaint, by conversation and by profile (the last case).
 */
@Service
public class Loop {

    private static final String BY_CONVERSATION = "loop_by_conversation";
    private static final String BY_PROFILE = "loop_by_profile";

    private final MongoTemplate mongo;
    private final LoopStats stats;

    Loop(MongoTemplate mongo, LoopStats stats) {
        this.mongo = mongo;
        this.stats = stats;
    }

    /** An anonymous detractor: counted, though no case can open (a known one is counted with its case). */
    public void detractor(String channel, List<String> themes, Instant at) {
        stats.add(dimensions(channel, themes), at, new Update().inc("detractors", 1));
    }

    public void opened(String complaintId, String conversationId, String responseId, String profileId, String surveyId,
                       String channel, List<String> themes, Instant detractorAt, Instant now) {
        if (mongo.findById(complaintId, LoopCase.class) != null) {
            return; // the detractor's timer ran twice: one case
        }
        mongo.insert(new LoopCase(complaintId, conversationId, responseId, profileId, surveyId, channel, themes,
                detractorAt, now, null, null, null, null));
        mongo.save(new Document("_id", conversationId).append("complaintId", complaintId), BY_CONVERSATION);
        mongo.save(new Document("_id", profileId).append("complaintId", complaintId), BY_PROFILE);
        stats.add(dimensions(channel, themes), detractorAt, new Update().inc("detractors", 1).inc("opened", 1));
    }

    /** An agent's message on the case's conversation: the first one is the first contact. */
    public void agentMessage(String conversationId, Instant at) {
        Document link = mongo.findById(conversationId, Document.class, BY_CONVERSATION);
        LoopCase c = link == null ? null : mongo.findById(link.getString("complaintId"), LoopCase.class);
        if (c == null || c.firstContactAt() != null || at.isBefore(c.openedAt())) {
            return;
        }
        mongo.updateFirst(query(where("_id").is(c.complaintId())), new Update().set("firstContactAt", at), LoopCase.class);
        stats.add(dimensions(c.channel(), c.themes()), c.detractorAt(), new Update().inc("contacted", 1)
                .inc("contactSeconds", Duration.between(c.openedAt(), at).toSeconds()));
    }

    public void resolved(String complaintId, Instant at) {
        LoopCase c = mongo.findById(complaintId, LoopCase.class);
        if (c == null || c.resolvedAt() != null) {
            return; // not a survey's case, or counted already
        }
        mongo.updateFirst(query(where("_id").is(complaintId)), new Update().set("resolvedAt", at), LoopCase.class);
        stats.add(dimensions(c.channel(), c.themes()), c.detractorAt(), new Update().inc("closed", 1)
                .inc("closeSeconds", Duration.between(c.openedAt(), at).toSeconds()));
    }

    /** The recovery survey's answer: recovered when no longer a detractor (NPS passive or promoter). */
    public void resurveyed(String profileId, String kind, Integer score) {
        Document link = profileId == null ? null : mongo.findById(profileId, Document.class, BY_PROFILE);
        LoopCase c = link == null ? null : mongo.findById(link.getString("complaintId"), LoopCase.class);
        if (c == null || c.resolvedAt() == null || c.resurveyScore() != null || score == null) {
            return;
        }
        boolean recovered = !Scores.detractor(kind, score);
        mongo.updateFirst(query(where("_id").is(c.complaintId())), new Update().set("resurveyScore", score)
                .set("recovered", recovered), LoopCase.class);
        stats.add(dimensions(c.channel(), c.themes()), c.detractorAt(), new Update().inc("resurveyed", 1).inc("recovered", recovered ? 1 : 0));
    }

    /** Erasure: the cases keep their times and scores, not the person. */
    public void forget(String profileId) {
        Document link = mongo.findById(profileId, Document.class, BY_PROFILE);
        if (link != null) {
            mongo.updateFirst(query(where("_id").is(link.getString("complaintId"))), new Update().unset("profileId"),
                    LoopCase.class);
            mongo.remove(query(where("_id").is(profileId)), BY_PROFILE);
        }
    }

    public LoopStats.Summary summary(String channel, String theme, LocalDate from, LocalDate to) {
        return stats.summary(channel != null ? "channel:" + channel : theme != null ? "theme:" + theme : "all", from, to);
    }

    static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    /** All, the detractor's channel and each theme of their comment. */
    static List<String> dimensions(String channel, List<String> themes) {
        List<String> dimensions = new java.util.ArrayList<>(List.of("all"));
        if (channel != null) {
            dimensions.add("channel:" + channel);
        }
        (themes == null ? List.<String>of() : themes).forEach(t -> dimensions.add("theme:" + t));
        return dimensions;
    }
}
