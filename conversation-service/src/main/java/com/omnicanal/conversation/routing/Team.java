package com.omnicanal.conversation.routing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Set;

/** A team: the channels and topics it serves and the SLA calendar it works on. */
@Document("teams")
record Team(@Id String id, String name, Set<String> channels, Set<String> topics, String calendarId) {
}
