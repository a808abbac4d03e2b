package com.omnicanal.feedback.invitation;

import com.omnicanal.events.feedback.InvitationSent;
import com.omnicanal.feedback.results.Dimensions;
import com.omnicanal.feedback.results.Stats;
import com.omnicanal.feedback.survey.Survey;
import com.omnicanal.feedback.survey.SurveyDefinition;
import com.omnicanal.support.client.ServiceClients;
import com.omnicanal.support.outbox.EventOutbox;
import com.omnicanal.support.timer.Timers;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Asks a customer to answer: sampling and the per-customer cooldown first (a skipped invitation says why), then
 * conversation-service's dispatch with purpose {@code surveys} — consent, quiet hours, the WhatsApp window and the
 * platform's contact-pressure budget apply there — with a personal single-use link that expires.
 */
@Service
public class Invitations {

    private static final String CONTACTS = "survey_contacts";
    private static final String BY_PROFILE = "invitations_by_profile";
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String DUE = "invitation";
    static final String REMIND = "reminder";

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final RestClient conversations;
    private final Stats stats;
    private final String publicUrl;
    private final Timers timers;
    private final Distribution distribution;
    private final SurveyChat chat;

    Invitations(MongoTemplate mongo, EventOutbox outbox, ServiceClients clients, Stats stats, Timers timers,
                Distribution distribution, SurveyChat chat, @Value("${omni.services.conversation-url}") String conversationUrl,
                @Value("${omni.feedback.public-url:http://localhost:8080}") String publicUrl) {
        this.mongo = mongo;
        this.timers = timers;
        this.distribution = distribution;
        this.chat = chat;
        this.outbox = outbox;
        this.conversations = clients.to(conversationUrl);
        this.stats = stats;
        this.publicUrl = publicUrl;
    }

    /** The context an answer is attributed to. */
    public record Context(String trigger, String channel, String conversationId, String agentId, String teamId,
                          String storeId) {
    }

    /** At once, or scheduled after the survey's delay for the channel (a durable timer sends it then). */
    public Invitation invite(Survey survey, String profileId, Context context) {
        Instant now = Instant.now();
        SurveyDefinition d = survey.definition();
        String token = token();
        Duration delay = d.delay(context.channel(), distribution.delays());
        if (!delay.isZero()) {
            Instant at = now.plus(delay);
            Invitation scheduled = new Invitation(token, survey.id(), survey.version(), profileId, context.trigger(),
                    context.channel(), context.conversationId(), context.agentId(), context.teamId(), context.storeId(),
                    "scheduled", List.of("scheduled for " + at + ": " + delay + " after " + context.trigger()), now,
                    at.plus(Duration.ofDays(d.expiry())), null, at, null);
            record(scheduled);
            timers.schedule(DUE, token, at);
            return scheduled;
        }
        List<String> reasons = reasons(survey, profileId, context.trigger(), now);
        Invitation invitation = new Invitation(token, survey.id(), survey.version(), profileId, context.trigger(),
                context.channel(), context.conversationId(), context.agentId(), context.teamId(), context.storeId(),
                reasons.isEmpty() ? "sending" : "skipped", reasons, now, now.plus(Duration.ofDays(d.expiry())), null,
                now, null);
        record(invitation);
        return reasons.isEmpty() ? send(survey, invitation, "survey:" + token, now) : invitation;
    }

    /** A scheduled invitation whose time came: the rules are checked now (the cooldown, an open complaint). */
    void sendScheduled(Invitation invitation, Survey survey, Instant now) {
        List<String> reasons = reasons(survey, invitation.profileId(), invitation.trigger(), now);
        mongo.updateFirst(query(where("_id").is(invitation.token())), new Update().set("state",
                reasons.isEmpty() ? "sending" : "skipped").set("reasons", reasons), Invitation.class);
        if (reasons.isEmpty()) {
            send(survey, invitation, "survey:" + invitation.token() + ":" + now.getEpochSecond(), now);
        }
    }

    private void record(Invitation invitation) {
        mongo.insert(invitation);
        mongo.upsert(query(where("_id").is(invitation.profileId())), new Update().addToSet("tokens", invitation.token()),
                BY_PROFILE);
    }

    /** Why not to ask now: outside the sample, inside the cooldown, or an open complaint (except its own survey). */
    private List<String> reasons(Survey survey, String profileId, String trigger, Instant now) {
        SurveyDefinition d = survey.definition();
        List<String> reasons = new ArrayList<>();
        if (!"schedule".equals(trigger) && !sampled(survey.id(), profileId, d.sampling())) { // a round samples itself
            reasons.add("not in the sample (" + Math.round(d.sampling() * 100) + " % of customers)");
        }
        Document contact = mongo.findById(profileId, Document.class, CONTACTS);
        if (contact != null && contact.getDate("lastInvitedAt").toInstant().isAfter(now.minus(Duration.ofDays(d.cooldown())))) {
            reasons.add("cooldown: invited on " + contact.getDate("lastInvitedAt").toInstant() + ", at most one survey every "
                    + d.cooldown() + " days");
        }
        if (!"complaint-resolved".equals(trigger) && complaintOpen(profileId)) {
            reasons.add("the customer has an open complaint: only that complaint's own resolution survey may go");
        }
        return reasons;
    }

    /** The state of a survey being answered in the conversation, by profile (one at a time per customer). */
    public record Pending(String token, int index, Map<String, List<String>> answers, int retries) {
    }

    private static final String PENDING = "conversational_surveys";
    private static final Duration HOLD = Duration.ofHours(24);

    /**
     * Sends the invitation: a link to the survey page, or — in the conversation — the first question, with the
     * customer's replies held for us. Recorded as sent (event, cooldown, counters) or as skipped with dispatch's reasons.
     */
    private Invitation send(Survey survey, Invitation invitation, String requestId, Instant now) {
        SurveyDefinition d = survey.definition();
        String language = d.languages().containsKey("es") ? "es" : d.languages().keySet().iterator().next();
        SurveyDefinition.Localized l = d.languages().get(language);
        String link = publicUrl + "/s/" + invitation.token();
        String text = d.conversational() ? l.title() + "\n" + Prompts.question(l.questions().getFirst())
                : (l.invitation() == null ? "¿Nos cuentas qué tal?" : l.invitation()) + " " + link;
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requestId", requestId);
        request.put("profileId", invitation.profileId());
        request.put("purpose", "surveys");
        request.put("channels", channels(d, invitation.channel()));
        request.put("text", text);
        request.put("subject", l.title());
        request.put("language", language);
        if (d.whatsappTemplate() != null) { // outside the WhatsApp window only an approved template may go
            request.put("template", d.whatsappTemplate());
            request.put("variables", Map.of("title", l.title(), "question", text, "link", link));
        }
        List<Map<String, Object>> taps = d.conversational() ? Taps.of(l.questions().getFirst(), l.title() + "\n") : List.of();
        if (!taps.isEmpty()) {
            request.put("interactive", taps.getFirst());
        }
        JsonNode answer = chat.dispatch(request);
        List<String> decisions = new ArrayList<>();
        answer.path("decisions").forEach(x -> decisions.add(x.asString()));
        if (!"sent".equals(answer.path("status").asString())) {
            return notSent(invitation, answer, decisions);
        }
        if (d.conversational()) {
            holdReplies(invitation, now);
            chat.rest(invitation.profileId(), requestId, answer, taps);
        }
        String channel = answer.path("channel").asString();
        outbox.publish(Invitation.COLLECTION, invitation.token(), new InvitationSent(invitation.profileId(),
                invitation.token(), survey.id(), survey.version(), channel, invitation.trigger(),
                invitation.conversationId(), now), pending -> mongo.updateFirst(query(where("_id").is(invitation.token())),
                pending.mark(new Update().set("state", "sent").set("channel", channel).set("reasons", decisions)),
                Invitation.class));
        mongo.upsert(query(where("_id").is(invitation.profileId())), new Update().set("lastInvitedAt", now), CONTACTS);
        stats.count(survey.id(), Dimensions.of(channel, invitation.agentId()), "sent", now);
        if (d.reminderAfter() != null && !d.conversational()) {
            timers.schedule(REMIND, invitation.token(), now.plus(d.reminderAfter()));
        }
        return mongo.findById(invitation.token(), Invitation.class);
    }

    /** Deferred by dispatch (quiet hours, the pressure budget): tried again then, if still before expiry; else skipped. */
    private Invitation notSent(Invitation invitation, JsonNode answer, List<String> decisions) {
        Instant until = answer.path("deferredUntil").isString() ? Instant.parse(answer.path("deferredUntil").asString()) : null;
        boolean retry = until != null && !invitation.isExpired(until);
        if (retry) {
            decisions.add("scheduled again for " + until);
            timers.schedule(DUE, invitation.token(), until);
        }
        mongo.updateFirst(query(where("_id").is(invitation.token())), new Update().set("state", retry ? "scheduled"
                : "skipped").set("reasons", decisions).set("dueAt", until), Invitation.class);
        return mongo.findById(invitation.token(), Invitation.class);
    }

    /** The one reminder, unless answered, expired or reminded already; it goes through dispatch like any survey. */
    void remind(Invitation invitation, Survey survey, Instant now) {
        if (!"sent".equals(invitation.state()) || invitation.remindedAt() != null || invitation.isExpired(now)
                || mongo.exists(query(where("_id").is(invitation.token())), "responses")) {
            return;
        }
        SurveyDefinition.Localized l = survey.definition().languages().getOrDefault("es",
                survey.definition().languages().values().iterator().next());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requestId", "survey:" + invitation.token() + ":reminder:" + now.getEpochSecond());
        request.put("profileId", invitation.profileId());
        request.put("purpose", "surveys");
        request.put("channels", invitation.channel() == null ? List.of() : List.of(invitation.channel()));
        request.put("text", "Recordatorio: " + (l.invitation() == null ? "¿Nos cuentas qué tal?" : l.invitation()) + " "
                + publicUrl + "/s/" + invitation.token());
        request.put("subject", l.title());
        JsonNode answer = chat.dispatch(request);
        List<String> decisions = new ArrayList<>();
        answer.path("decisions").forEach(x -> decisions.add(x.asString()));
        Update update = new Update().push("reasons", "reminder " + answer.path("status").asString() + ": " + decisions);
        if ("sent".equals(answer.path("status").asString())) {
            update.set("remindedAt", now);
        } else if (answer.path("deferredUntil").isString()
                && !invitation.isExpired(Instant.parse(answer.path("deferredUntil").asString()))) {
            timers.schedule(REMIND, invitation.token(), Instant.parse(answer.path("deferredUntil").asString()));
        }
        mongo.updateFirst(query(where("_id").is(invitation.token())), update, Invitation.class);
    }

    /** The customer's next messages answer the survey: conversation-service holds them, we keep the state. */
    private void holdReplies(Invitation invitation, Instant now) {
        conversations.put().uri("/api/conversations/survey-holds/{id}", invitation.profileId())
                .body(Map.of("until", now.plus(HOLD).toString(), "reference", "survey:" + invitation.token()))
                .retrieve().toBodilessEntity();
        savePending(invitation.profileId(), new Pending(invitation.token(), 0, Map.of(), 0));
    }

    private boolean complaintOpen(String profileId) {
        return conversations.get().uri("/api/conversations/complaints?profileId={id}", profileId).retrieve()
                .body(JsonNode.class).path("open").asBoolean(false);
    }

    @SuppressWarnings("unchecked")
    public java.util.Optional<Pending> pending(String profileId) {
        org.bson.Document d = mongo.findById(profileId, org.bson.Document.class, PENDING);
        return d == null ? java.util.Optional.empty() : java.util.Optional.of(new Pending(d.getString("token"),
                d.getInteger("index"), (Map<String, List<String>>) (Map<?, ?>) d.get("answers", org.bson.Document.class),
                d.getInteger("retries")));
    }

    public void savePending(String profileId, Pending pending) {
        mongo.save(new org.bson.Document("_id", profileId).append("token", pending.token()).append("index", pending.index())
                .append("answers", pending.answers()).append("retries", pending.retries()), PENDING);
    }

    /** The survey in the conversation is over (answered or abandoned): replies go to agents again. */
    public void endPending(String profileId) {
        mongo.remove(query(where("_id").is(profileId)), PENDING);
        conversations.delete().uri("/api/conversations/survey-holds/{id}", profileId).retrieve().toBodilessEntity();
    }

    public java.util.Optional<Invitation> find(String token) {
        return java.util.Optional.ofNullable(mongo.findById(token, Invitation.class));
    }

    /** The survey's channels, else the channel of the conversation being surveyed first, then any. */
    private static List<String> channels(SurveyDefinition d, String channel) {
        if (d.channels() != null && !d.channels().isEmpty()) {
            return d.channels();
        }
        return channel == null ? List.of() : List.of(channel, "webchat", "whatsapp", "sms", "email",
                "telegram", "messenger", "instagram").stream().distinct().toList();
    }

    public List<Invitation> ofProfile(String profileId) {
        Document tokens = mongo.findById(profileId, Document.class, BY_PROFILE);
        return tokens == null ? List.of() : mongo.find(query(where("_id").in(tokens.getList("tokens", String.class,
                List.of()))), Invitation.class);
    }

    /** A response with no stored invitation (a QR answer) linked to the person who identified themselves. */
    public void linkAnswer(String profileId, String responseId) {
        mongo.upsert(query(where("_id").is(profileId)), new Update().addToSet("answers", responseId), BY_PROFILE);
    }

    public List<String> answeredWithoutInvitation(String profileId) {
        Document links = mongo.findById(profileId, Document.class, BY_PROFILE);
        return links == null ? List.of() : links.getList("answers", String.class, List.of());
    }

    public void forget(String profileId) {
        ofProfile(profileId).forEach(i -> mongo.remove(query(where("_id").is(i.token())), Invitation.class));
        mongo.remove(query(where("_id").is(profileId)), BY_PROFILE);
        mongo.remove(query(where("_id").is(profileId)), CONTACTS);
    }

    /** A deterministic share of customers per survey, so a customer is in or out of the sample consistently. */
    static boolean sampled(String surveyId, String profileId, Double share) {
        if (share == null || share >= 1) {
            return true;
        }
        CRC32 crc = new CRC32();
        crc.update((surveyId + ":" + profileId).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 10_000 < share * 10_000;
    }

    private static String token() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
