package com.omnicanal.feedback.invitation;

import com.omnicanal.feedback.survey.SurveyDefinition.Question;
import com.omnicanal.support.client.ServiceClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The survey's side of the conversation, through conversation-service's dispatch: the questions (tappable where the
 * channel shows buttons), the words around them, and the customer's replies read back with the id of a tapped choice.
 */
@Component
public class SurveyChat {

    private final RestClient conversations;

    SurveyChat(ServiceClients clients, @Value("${omni.services.conversation-url}") String conversationUrl) {
        this.conversations = clients.to(conversationUrl);
    }

    /** What the customer sent: its text and, for a tap on a button or list row, the choice's id. */
    public record Reply(String text, String replyId) {
    }

    /** A follow-up in the survey the customer is answering: part of that exchange, so purpose service. */
    public void say(String profileId, String token, int step, String channel, String text) {
        dispatch(followUp(profileId, "survey:" + token + ":" + step, channel, text));
    }

    /** The next question (after {@code lead}) as a follow-up: tappable where the channel shows buttons. */
    public void ask(String profileId, String token, int step, String channel, String lead, Question q) {
        String requestId = "survey:" + token + ":" + step;
        Map<String, Object> request = followUp(profileId, requestId, channel, lead + Prompts.question(q));
        List<Map<String, Object>> taps = Taps.of(q, lead);
        if (!taps.isEmpty()) {
            request.put("interactive", taps.getFirst());
        }
        rest(profileId, requestId, dispatch(request), taps);
    }

    /** A message the customer sent (events carry no bodies). */
    public Reply reply(String messageId) {
        JsonNode message = conversations.get().uri("/api/messages/{id}", messageId).retrieve().body(JsonNode.class);
        return new Reply(message.path("text").asString(""), message.path("replyId").asString(null));
    }

    /** A question split over several lists (NPS) sends the others only where the first went tappable. */
    void rest(String profileId, String requestId, JsonNode first, List<Map<String, Object>> taps) {
        if (!"interactive".equals(first.path("kind").asString())) {
            return; // as text or a template, the first message already holds the whole scale
        }
        for (int i = 1; i < taps.size(); i++) {
            Map<String, Object> request = followUp(profileId, requestId + ":part" + i, first.path("channel").asString(),
                    (String) taps.get(i).get("body")); // the thread shows the question, the customer the list
            request.put("interactive", taps.get(i));
            dispatch(request);
        }
    }

    JsonNode dispatch(Map<String, Object> request) {
        return conversations.post().uri("/api/messages/dispatch").body(request).retrieve().body(JsonNode.class);
    }

    private static Map<String, Object> followUp(String profileId, String requestId, String channel, String text) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requestId", requestId);
        request.put("profileId", profileId);
        request.put("purpose", "service");
        request.put("channels", channel == null ? List.of() : List.of(channel));
        request.put("text", text);
        return request;
    }
}
