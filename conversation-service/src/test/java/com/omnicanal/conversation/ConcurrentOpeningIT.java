package com.omnicanal.conversation;

import com.omnicanal.conversation.inbox.Conversation;
import com.omnicanal.conversation.inbox.Conversations;
import com.omnicanal.testing.OmniServiceTest;
import org.bson.Document;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Messages for a customer without a conversation, arriving at once from anywhere, all land in one new conversation. */
@OmniServiceTest
class ConcurrentOpeningIT {

    @Autowired
    Conversations conversations;
    @Autowired
    MongoTemplate mongo;

    @RepeatedTest(5)
    void sendsAndComplaintsForAFreshCustomerAtOnceOpenOneConversation() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            customers.add("race-" + UUID.randomUUID());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> opened = new ArrayList<>();
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String customer : customers) {
                for (int copy = 0; copy < 6; copy++) {
                    boolean complaint = copy % 3 == 2;
                    opened.add(each.submit(() -> {
                        start.await();
                        Conversation c = complaint ? conversations.forComplaint(customer, Instant.now())
                                : conversations.forOutbound(customer, "email", Instant.now());
                        return customer + " " + c.id();
                    }));
                }
            }
            start.countDown();
        }
        Set<String> pairs = new java.util.HashSet<>();
        for (Future<String> f : opened) {
            pairs.add(f.resultNow());
        }
        assertThat(pairs.stream().map(p -> p.split(" ")[0]).collect(Collectors.toList()))
                .as("each customer got one conversation, whoever asked").hasSize(customers.size())
                .containsExactlyInAnyOrderElementsOf(customers);
        for (String customer : customers) {
            assertThat(mongo.find(query(where("profileId").is(customer)), Document.class, "conversations"))
                    .as("conversations stored for " + customer).hasSize(1);
        }
    }
}
