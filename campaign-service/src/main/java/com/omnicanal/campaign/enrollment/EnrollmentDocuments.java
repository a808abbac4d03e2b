package com.omnicanal.campaign.enrollment;

import com.omnicanal.support.outbox.PendingEvents;
import org.bson.Document;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * New enrolments as the store documents Spring Data would write for them, built by hand: the object mapping was most of
 * a broadcast's enrolment inserts (profiled), and one is written per member. The triggering context, whose values come
 * from events (amounts as decimals), still goes through the converter. {@code EnrollmentDocumentsTest} holds the two
 * forms equal.
 */
final class EnrollmentDocuments {

    private EnrollmentDocuments() {
    }

    static Document of(Enrollment e, MongoConverter converter) {
        Document d = new Document("_id", e.id());
        optional(d, "journeyId", e.journeyId());
        d.append("version", e.version());
        optional(d, "profileId", e.profileId());
        optional(d, "state", e.state());
        d.append("phase", e.phase()).append("step", e.step()).append("attempt", e.attempt());
        optional(d, "excluded", e.excluded() == null ? null : new ArrayList<>(e.excluded()));
        optional(d, "timerToken", e.timerToken());
        optional(d, "wakeAt", date(e.wakeAt()));
        optional(d, "waitingFor", e.waitingFor());
        optional(d, "retryStep", e.retryStep());
        optional(d, "lastSend", e.lastSend() == null ? null : of(e.lastSend()));
        optional(d, "context", e.context() == null ? null : converter.convertToMongoType(e.context()));
        optional(d, "source", e.source());
        optional(d, "history", e.history() == null ? null : history(e.history()));
        d.append("revision", e.revision());
        optional(d, "enrolledAt", date(e.enrolledAt()));
        optional(d, "endedAt", date(e.endedAt()));
        optional(d, "endReason", e.endReason());
        optional(d, "variant", e.variant());
        optional(d, "disposition", e.disposition());
        optional(d, PendingEvents.FIELD, e.outbox() == null ? null : new ArrayList<>(e.outbox()));
        return d;
    }

    /**
     * A changed field's value as the converter would store it, the enrolment's own types by hand (nearly half of a wake-up's
     * write bulk was the converter, JFR); anything else (the triggering context) still goes through it.
     */
    static Object value(Object value, MongoConverter converter) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Integer i -> i;
            case Long l -> l;
            case Boolean b -> b;
            case Instant at -> Date.from(at);
            case Enrollment.Entry entry -> entry(entry);
            case Enrollment.LastSend send -> of(send);
            case List<?> list when list.stream().allMatch(String.class::isInstance) -> new ArrayList<>(list);
            default -> converter.convertToMongoType(value, TypeInformation.of(value.getClass()));
        };
    }

    private static Document of(Enrollment.LastSend s) {
        Document d = new Document();
        optional(d, "requestId", s.requestId());
        optional(d, "channel", s.channel());
        d.append("phase", s.phase()).append("step", s.step());
        optional(d, "sentAt", date(s.sentAt()));
        optional(d, "status", s.status());
        optional(d, "replied", s.replied());
        optional(d, "clicked", s.clicked());
        optional(d, "converted", s.converted());
        return d.append("sends", s.sends());
    }

    private static List<Document> history(List<Enrollment.Entry> entries) {
        List<Document> history = new ArrayList<>(entries.size());
        for (Enrollment.Entry entry : entries) {
            history.add(entry(entry));
        }
        return history;
    }

    static Document entry(Enrollment.Entry entry) {
        Document d = new Document();
        optional(d, "at", date(entry.at()));
        optional(d, "phase", entry.phase());
        optional(d, "step", entry.step());
        optional(d, "action", entry.action());
        optional(d, "detail", entry.detail());
        return d;
    }

    /** Spring Data leaves null properties out; so do we. */
    private static void optional(Document d, String field, Object value) {
        if (value != null) {
            d.append(field, value);
        }
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }
}
