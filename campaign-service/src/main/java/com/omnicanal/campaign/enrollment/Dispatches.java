package com.omnicanal.campaign.enrollment;

import com.omnicanal.support.client.ServiceClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * conversation-service's dispatch, the one place messages leave the platform (consent, quiet hours, WhatsApp
 * window, complaints, pressure budget are all checked there again); called with this service's own token, through
 * its batch endpoint so the sends of a broadcast's many enrolments go together.
 */
@Component
class Dispatches {

    private static final int SENDING_CHECKS = 20;
    private static final Duration SENDING_PAUSE = Duration.ofMillis(100);

    private final DispatchBatches batches;

    Dispatches(ServiceClients clients, @Value("${omni.services.conversation-url}") String conversationUrl,
               @Value("${omni.dispatch.batch-size:200}") int batchSize,
               @Value("${omni.dispatch.batch-senders:4}") int senders,
               @Value("${omni.dispatch.batch-timeout:PT60S}") Duration timeout) {
        this.batches = new DispatchBatches(clients.to(conversationUrl).mutate().requestFactory(factory(timeout)).build(),
                batchSize, senders);
    }

    /** A batch answers when its last send is done: far longer than one call's read timeout, never to be cut short. */
    private static SimpleClientHttpRequestFactory factory(Duration timeout) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(2));
        factory.setReadTimeout(timeout);
        return factory;
    }

    /**
     * The dispatch's answer once it is decided. "sending" means a concurrent run of the same enrolment (two triggers of
     * a once-only journey at once) holds the request id right now: asked again, the same id gets that run's outcome, so
     * the run whose enrolment is stored never records the other's dispatch as refused.
     */
    private JsonNode firstAnswer(Map<String, Object> body) {
        for (int attempt = 0; attempt < SENDING_CHECKS; attempt++) {
            JsonNode answer = batches.send(body);
            if (!"sending".equals(answer.path("status").asString())) {
                return answer;
            }
            try {
                Thread.sleep(SENDING_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new RestClientException("dispatch " + body.get("requestId") + " is still being sent by a concurrent run");
    }

    record Answer(String status, String channel, String messageId, List<String> decisions, Instant deferredUntil) {
    }

    Answer send(String requestId, String profileId, String purpose, List<String> channels, String text,
                String subject, String template, Map<String, String> variables, String language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        body.put("profileId", profileId);
        body.put("purpose", purpose);
        body.put("channels", channels);
        body.put("text", text);
        body.put("subject", subject);
        body.put("template", template);
        body.put("variables", variables);
        body.put("language", language);
        JsonNode answer = firstAnswer(body);
        List<String> decisions = new ArrayList<>();
        answer.path("decisions").forEach(d -> decisions.add(d.asString()));
        String deferred = answer.path("deferredUntil").asString(null);
        return new Answer(answer.path("status").asString(), answer.path("channel").asString(null),
                answer.path("messageId").asString(null), decisions, deferred == null ? null : Instant.parse(deferred));
    }
}
