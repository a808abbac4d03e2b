package com.omnicanal.support.deadletter;

import java.util.List;

/** A consumer queue's dead-letter queue with what it holds right now. */
record DeadLetterQueue(String queue, String deadLetterQueue, long count, List<DeadLetter> messages) {
}
