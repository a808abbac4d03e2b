package com.omnicanal.conversation.routing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Map;
import java.util.Set;

/**
 * An agent (by Keycloak username): teams, skills (languages, channels, topics), capacity per channel, presence, and
 * the conversations they hold per channel now.
 */
@Document(Agent.COLLECTION)
record Agent(@Id String id, String name, Set<String> teams, Set<String> languages, Set<String> channels,
             Set<String> topics, Map<String, Integer> capacity, String presence, Map<String, Integer> load) {

    static final String COLLECTION = "agents";

    int loadOn(String channel) {
        return load == null ? 0 : load.getOrDefault(channel, 0);
    }

    int capacityOn(String channel) {
        return capacity == null ? 0 : capacity.getOrDefault(channel, capacity.getOrDefault("default", 0));
    }

    boolean canTake(String channel, String team, String language) {
        return "online".equals(presence) && (channels == null || channels.isEmpty() || channels.contains(channel))
                && (team == null || teams.contains(team))
                && (language == null || languages == null || languages.isEmpty() || languages.contains(language))
                && loadOn(channel) < capacityOn(channel);
    }
}
