package com.omnicanal.support.deadletter;

/** What an admin sees of a dead-lettered event: never its body, which may carry personal data. */
record DeadLetter(String eventId, String type, String subject, String reason, long bodyBytes) {
}
