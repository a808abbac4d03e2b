package com.omnicanal.conversation.webchat;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open SSE streams of this instance, by chat address (a session id or a signed-in customer's subject). A customer
 * who is not connected loses nothing: the message is in their history when they come back.
 */
@Component
class LiveChats {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Map<String, List<SseEmitter>> streams = new ConcurrentHashMap<>();

    SseEmitter open(String address) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        streams.computeIfAbsent(address, a -> new CopyOnWriteArrayList<>()).add(emitter);
        Runnable remove = () -> streams.getOrDefault(address, List.of()).remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        push(emitter, "ready", Map.of("address", address));
        return emitter;
    }

    /** Pushes to every open stream of the address; the number of streams that took it. */
    int push(String address, String event, Object data) {
        int delivered = 0;
        for (SseEmitter emitter : streams.getOrDefault(address, List.of())) {
            delivered += push(emitter, event, data) ? 1 : 0;
        }
        return delivered;
    }

    private static boolean push(SseEmitter emitter, String event, Object data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data));
            return true;
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
            return false;
        }
    }
}
