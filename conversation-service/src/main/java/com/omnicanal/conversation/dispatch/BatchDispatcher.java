package com.omnicanal.conversation.dispatch;

import com.omnicanal.conversation.complaint.OpenComplaints;
import com.omnicanal.conversation.inbox.Conversations;
import com.omnicanal.support.problem.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * Many services' dispatches in one call (a broadcast's batch): each request goes through the same {@link Dispatcher},
 * so every rule, the customer's thread and the request-id idempotency hold per message; a few run at once. Their
 * request ids are claimed in one bulk insert, and what they read about the customers — reachability (profile-service's
 * bulk question, the same rule) and the pressure budgets — is read once for the batch. A request repeated inside the batch is sent once and answered for each occurrence.
 */
@Service
class BatchDispatcher {

    private static final Logger log = LoggerFactory.getLogger(BatchDispatcher.class);

    private final Dispatcher dispatcher;
    private final BatchReachability reachability;
    private final PressureBudget budget;
    private final Claims claims;
    private final OpenComplaints complaints;
    private final Conversations conversations;
    private final Semaphore parallel;

    BatchDispatcher(Dispatcher dispatcher, BatchReachability reachability, PressureBudget budget, Claims claims,
                    OpenComplaints complaints, Conversations conversations,
                    @Value("${omni.dispatch.batch-parallelism:256}") int parallelism) {
        this.dispatcher = dispatcher;
        this.reachability = reachability;
        this.budget = budget;
        this.claims = claims;
        this.complaints = complaints;
        this.conversations = conversations;
        this.parallel = new Semaphore(parallelism); // shared by every batch: the cap holds however many arrive
    }

    /** One answer per request, in their order: the stored outcome, or why this one could not be handled now. */
    List<DispatchController.DispatchResult> dispatch(List<DispatchRequest> requests) throws InterruptedException {
        Instant now = Instant.now();
        BatchFacts known = new BatchFacts(claims.claimAll(requests.stream().filter(dispatcher::isValid).toList(), now),
                now, reachability.ask(requests), budget.read(profileIds(requests)), openComplaints(requests),
                conversations.currentOfAll(alone(requests)));
        Map<String, Future<DispatchController.DispatchResult>> outcomes = new LinkedHashMap<>();
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            for (DispatchRequest request : requests) {
                outcomes.computeIfAbsent(request.requestId(), id -> each.submit(() -> one(request, known)));
            }
        }
        List<DispatchController.DispatchResult> results = new ArrayList<>(requests.size());
        for (DispatchRequest request : requests) {
            results.add(outcomes.get(request.requestId()).resultNow());
        }
        return results;
    }

    private static Set<String> profileIds(List<DispatchRequest> requests) {
        return requests.stream().map(DispatchRequest::profileId).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** Profile id → has an open complaint, for the customers of the batch's promotions. */
    private Map<String, Boolean> openComplaints(List<DispatchRequest> requests) {
        Set<String> asked = profileIds(requests.stream().filter(r -> "marketing".equals(r.purpose())).toList());
        Set<String> open = complaints.openOf(asked);
        return asked.stream().collect(Collectors.toMap(id -> id, open::contains));
    }

    /** Customers with one request in the batch: the one message may start from the conversation read for the batch
     * (a customer's second message must see the conversation the first one opened, so theirs are read alone). */
    private static Set<String> alone(List<DispatchRequest> requests) {
        Map<String, Long> perProfile = requests.stream().filter(r -> r.profileId() != null)
                .collect(Collectors.toMap(DispatchRequest::requestId, DispatchRequest::profileId, (a, b) -> a))
                .values().stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        return perProfile.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private DispatchController.DispatchResult one(DispatchRequest request, BatchFacts known)
            throws InterruptedException {
        parallel.acquire();
        try {
            return DispatchController.DispatchResult.of(dispatcher.dispatch(request, null, null, known));
        } catch (InvalidRequestException invalid) {
            return DispatchController.DispatchResult.failed(request.requestId(), "invalid", invalid.getMessage());
        } catch (RuntimeException e) { // a dependency is down: this one may be asked again with the same request id
            log.warn("dispatch {} in a batch failed: {}", request.requestId(), e.toString());
            return DispatchController.DispatchResult.failed(request.requestId(), "failed", e.getMessage());
        } finally {
            parallel.release();
        }
    }
}
