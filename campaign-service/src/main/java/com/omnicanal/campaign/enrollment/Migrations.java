package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.JourneyDefinition.Phase;
import com.omnicanal.campaign.journey.Journeys;
import com.omnicanal.support.problem.InvalidRequestException;
import com.omnicanal.support.problem.ProblemHandling.InvalidField;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Moves the customers still in one version of a journey to another, explicitly: every step of the old version must
 * land on a step of the new one (same id, or mapped), checked before anything is written; each enrolment keeps its
 * waits and history and records the move.
 */
@Component
class Migrations {

    private static final int TRIES = 5;

    private final MongoTemplate mongo;
    private final Enrollments enrollments;
    private final Journeys journeys;

    Migrations(MongoTemplate mongo, Enrollments enrollments, Journeys journeys) {
        this.mongo = mongo;
        this.enrollments = enrollments;
        this.journeys = journeys;
        // a real MongoDB finds a version's running enrolments through it; the embedded store ignores it and scans
        mongo.indexOps(Enrollment.class).createIndex(new Index().on("journeyId", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC).on("state", Sort.Direction.ASC).named("journey_version_state"));
    }

    record Result(String journeyId, int fromVersion, int toVersion, long migrated, long skipped) {
    }

    Result migrate(String journeyId, int from, Integer requestedTo, Map<String, String> mapping, String actor) {
        int to = requestedTo != null ? requestedTo : journeys.require(journeyId).activeVersion();
        JourneyDefinition old = journeys.definition(journeyId, from).orElseThrow(() ->
                new InvalidRequestException("/fromVersion", "no version " + from + " of this journey"));
        JourneyDefinition target = journeys.definition(journeyId, to).orElseThrow(() ->
                new InvalidRequestException("/toVersion", "no version " + to + " of this journey"));
        Map<String, String> map = mapping == null ? Map.of() : mapping;
        check(old, target, from, to, map);
        long migrated = 0;
        long skipped = 0;
        // the running enrolments of one version, streamed (millions are never held at once); each moved by compare-and-set
        try (Stream<Enrollment> running = mongo.stream(query(where("journeyId").is(journeyId).and("version").is(from)
                .and("state").nin("completed", "exited")), Enrollment.class)) {
            for (Enrollment e : (Iterable<Enrollment>) running::iterator) {
                if (move(e.id(), old, target, from, to, map, actor)) {
                    migrated++;
                } else {
                    skipped++;
                }
            }
        }
        return new Result(journeyId, from, to, migrated, skipped);
    }

    private static void check(JourneyDefinition old, JourneyDefinition target, int from, int to, Map<String, String> map) {
        List<InvalidField> problems = new ArrayList<>();
        if (from == to) {
            problems.add(new InvalidField("/toVersion", "is the version they are in"));
        }
        map.keySet().stream().filter(k -> old.position(k) == null).forEach(k ->
                problems.add(new InvalidField("/mapping/" + k, "version " + from + " has no step " + k)));
        for (Phase phase : old.phases()) {
            phase.steps().forEach(step -> {
                String landing = map.getOrDefault(step.id(), step.id());
                if (target.position(landing) == null) {
                    problems.add(new InvalidField("/mapping/" + step.id(), "version " + to + " has no step " + landing
                            + ": say where customers on " + step.id() + " go"));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private boolean move(String id, JourneyDefinition old, JourneyDefinition target, int from, int to,
                         Map<String, String> map, String actor) {
        for (int attempt = 0; attempt < TRIES; attempt++) {
            Enrollment e = enrollments.find(id).orElse(null);
            if (e == null || e.isOver() || e.version() != from) {
                return false;
            }
            int[] at = landing(old, target, e.phase(), e.step(), map);
            Update update = new Update().set("version", to).set("phase", at[0]).set("step", at[1]);
            Enrollment.LastSend s = e.lastSend();
            if (s != null) {
                int[] sent = s.phase() < old.phases().size() && s.step() < old.phases().get(s.phase()).steps().size()
                        ? landing(old, target, s.phase(), s.step(), map) : null;
                update = sent == null ? update.unset("lastSend") : update.set("lastSend", new Enrollment.LastSend(
                        s.requestId(), s.channel(), sent[0], sent[1], s.sentAt(), s.status(), s.replied(), s.clicked(),
                        s.converted(), s.sends()));
            }
            if (enrollments.change(e, update, List.of(new Enrollment.Entry(Instant.now(), null, null, "migrated",
                    "from version " + from + " to " + to + " by " + actor + ": " + position(old, e) + " → "
                    + position(target, at))), List.of())) {
                return true;
            }
        }
        return false;
    }

    /** The new position of an old one: the same step id (or its mapping); past a phase's end, the end of that phase. */
    private static int[] landing(JourneyDefinition old, JourneyDefinition target, int phase, int step,
                                 Map<String, String> map) {
        if (phase >= old.phases().size()) {
            return new int[]{target.phases().size(), 0};
        }
        Phase p = old.phases().get(phase);
        if (step >= p.steps().size()) {
            int[] start = target.position("phase:" + p.id());
            return start == null ? new int[]{target.phases().size(), 0}
                    : new int[]{start[0], target.phases().get(start[0]).steps().size()};
        }
        String id = p.steps().get(step).id();
        return target.position(map.getOrDefault(id, id));
    }

    private static String position(JourneyDefinition d, Enrollment e) {
        return position(d, new int[]{e.phase(), e.step()});
    }

    private static String position(JourneyDefinition d, int[] at) {
        if (at[0] >= d.phases().size()) {
            return "the end";
        }
        Phase p = d.phases().get(at[0]);
        return at[1] >= p.steps().size() ? "the end of " + p.id() : p.steps().get(at[1]).id();
    }
}
