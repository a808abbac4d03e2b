package com.omnicanal.campaign.enrollment;

import com.omnicanal.testing.MongoConverters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-built enrolment documents are what Spring Data writes, and read back as the enrolments they came from. */
class EnrollmentDocumentsTest {

    private final MappingMongoConverter converter = MongoConverters.bootLike();

    @Test
    void aNewEnrolmentAsItsFirstRunLeftItIsWhatSpringDataWrites() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("orderId", "A-1");
        context.put("amount", new BigDecimal("59.90"));
        context.put("items", 2);
        Enrollment e = new Enrollment("e-1", "j-1", 3, "p-1", "waiting", 0, 1, 0, List.of("sms"), "t-1", now.plusSeconds(60),
                "receipt", false, new Enrollment.LastSend("e-1:hello:0", "email", 0, 0, now, "sent", false, null, null, 1),
                context, "broadcast b-1", List.of(new Enrollment.Entry(now, null, null, "enrolled", "by test"),
                new Enrollment.Entry(now, "apertura", "hello", "send:sent", "email chosen")), 0, now, null, null, "B",
                null, new LinkedHashSet<>(List.of("m-1", "m-2")));

        assertSameAsSpring(e);
    }

    @Test
    void anEnrolmentWithoutItsOptionalPartsStoresNoNulls() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Enrollment e = Enrollments.withMarks(new Enrollment("e-2", "j-1", 1, "p-2", "completed", 1, 0, 0, List.of(), null,
                null, null, null, null, Map.of(), "test", List.of(new Enrollment.Entry(now, null, null, "completed",
                "done")), 0, now, now, "completed", null, null, null), Set.of("m-3"));

        Document stored = assertSameAsSpring(e);
        assertThat(stored).doesNotContainKeys("timerToken", "wakeAt", "lastSend", "variant", "disposition");
    }

    @Test
    void aChangedFieldsValueIsWhatTheConverterWrites() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Object> values = List.of("waiting", 3, 7L, true, now, List.of(), List.of("sms", "email"),
                new Enrollment.Entry(now, "apertura", "hello", "send:sent", "email chosen"),
                new Enrollment.Entry(now, null, null, "completed", "done"),
                new Enrollment.LastSend("e-1:hello:0", "email", 0, 0, now, "sent", false, null, null, 1),
                Map.of("amount", new BigDecimal("59.90")));
        for (Object value : values) {
            assertThat(EnrollmentDocuments.value(value, converter)).as(value.toString())
                    .isEqualTo(converter.convertToMongoType(value, TypeInformation.of(value.getClass())));
        }
        assertThat(EnrollmentDocuments.value(null, converter)).isNull();
    }

    private Document assertSameAsSpring(Enrollment e) {
        Document spring = new Document();
        converter.write(e, spring);
        spring.remove("_class");
        Document ours = EnrollmentDocuments.of(e, converter);

        assertThat(ours).isEqualTo(spring);
        assertThat(converter.read(Enrollment.class, ours)).isEqualTo(e);
        return ours;
    }
}
