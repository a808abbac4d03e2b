package com.omnicanal.campaign.enrollment;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Coalesces the sends of many enrolments running at once (a broadcast) into conversation-service's batch dispatch:
 * a few senders each take what has queued up (at most {@code max}) and post it as one call, so a lone send goes at
 * once and a crowd goes in batches. A batch that fails fails each of its sends, which the engine retries later.
 */
final class DispatchBatches {

    private record Pending(Map<String, Object> request, CompletableFuture<JsonNode> answer) {
    }

    private final RestClient conversations;
    private final int max;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

    DispatchBatches(RestClient conversations, int max, int senders) {
        this.conversations = conversations;
        this.max = max;
        for (int i = 0; i < senders; i++) {
            Thread.ofVirtual().name("dispatch-batches-" + i).start(this::sendForever);
        }
    }

    /** The dispatch's answer, as a single dispatch would give it. */
    JsonNode send(Map<String, Object> request) {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        queue.add(new Pending(request, answer));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestClientException("interrupted while dispatching", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RestClientException r ? r : new RestClientException("dispatch failed", e.getCause());
        }
    }

    private void sendForever() {
        while (true) {
            List<Pending> batch = new ArrayList<>(max);
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, max - 1);
            post(batch);
        }
    }

    private void post(List<Pending> batch) {
        try {
            JsonNode results = conversations.post().uri("/api/messages/dispatch/batch")
                    .body(Map.of("requests", batch.stream().map(Pending::request).toList()))
                    .retrieve().body(JsonNode.class).path("results");
            for (int i = 0; i < batch.size(); i++) {
                JsonNode result = results.path(i);
                String status = result.path("status").asString("failed");
                if (status.equals("failed") || status.equals("invalid")) {
                    batch.get(i).answer().completeExceptionally(new RestClientException("dispatch " + status + ": "
                            + result.path("decisions")));
                } else {
                    batch.get(i).answer().complete(result);
                }
            }
        } catch (RuntimeException e) {
            RestClientException failure = e instanceof RestClientException r ? r : new RestClientException("batch failed", e);
            batch.forEach(p -> p.answer().completeExceptionally(failure));
        }
    }
}
