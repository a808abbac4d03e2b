package com.omnicanal.conversation.routing;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/** Which teams an agent belongs to: what they may read (supervisors and admins read everything). */
@Component
public class Teams {

    private final MongoTemplate mongo;
    /** Teams change rarely and routing reads them for every conversation: re-read every few seconds. */
    private final com.github.benmanes.caffeine.cache.LoadingCache<String, java.util.List<Team>> all;

    Teams(MongoTemplate mongo) {
        this.mongo = mongo;
        this.all = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                .expireAfterWrite(java.time.Duration.ofSeconds(5)).build(k -> mongo.findAll(Team.class));
    }

    void changed() {
        all.invalidateAll();
    }

    public Set<String> of(String agentId) {
        return Optional.ofNullable(mongo.findById(agentId, Agent.class)).map(Agent::teams).orElse(Set.of());
    }

    /** The team that serves a channel first (its channels include it), for conversations no rule assigned. */
    Optional<String> servingChannel(String channel) {
        return all.get("all").stream().filter(t -> t.channels() != null && t.channels().contains(channel))
                .map(Team::id).sorted().findFirst();
    }
}
