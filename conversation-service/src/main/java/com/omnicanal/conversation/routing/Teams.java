package com.omnicanal.conversation.routing;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/** Which teams an agent belongs to: what they may read (supervisors and admins read everything). */
@Component
public class Teams {

    private final MongoTemplate mongo;

    Teams(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Set<String> of(String agentId) {
        return Optional.ofNullable(mongo.findById(agentId, Agent.class)).map(Agent::teams).orElse(Set.of());
    }

    /** The team that serves a channel first (its channels include it), for conversations no rule assigned. */
    Optional<String> servingChannel(String channel) {
        return mongo.findAll(Team.class).stream().filter(t -> t.channels() != null && t.channels().contains(channel))
                .map(Team::id).sorted().findFirst();
    }
}
