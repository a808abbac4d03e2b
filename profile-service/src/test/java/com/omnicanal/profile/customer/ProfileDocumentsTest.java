package com.omnicanal.profile.customer;

import com.omnicanal.testing.MongoConverters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Profiles read by hand are the profiles Spring Data's mapping reads from the same stored documents. */
class ProfileDocumentsTest {

    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.MILLIS); // the store keeps milliseconds

    private final MappingMongoConverter converter = MongoConverters.bootLike();

    @Test
    void aProfileWithConsentsPreferencesAndActivityReadsAsTheMappingReadsIt() {
        Map<String, ConsentEntry> consents = new LinkedHashMap<>();
        consents.put("email:marketing", new ConsentEntry("granted", AT, "web-form", "ip 10.0.0.1", "user:carla"));
        consents.put("sms:marketing", new ConsentEntry("revoked", AT.plusSeconds(5), "sms-stop", null, null));
        Profile profile = new Profile("p-1", ProfileStatus.ACTIVE, null, "Carla Ruiz", "es", "America/Bogota",
                List.of(new ProfileIdentifier("email", "carla@example.com", true, "web", AT, AT.plusSeconds(1), null),
                        new ProfileIdentifier("phone", "+573001234567", false, "store", AT, AT, "wrong-number")),
                consents, new ContactPreferences("whatsapp", LocalTime.of(21, 0), LocalTime.of(8, 30), false,
                        Map.of("whatsapp", 3, "email", 1)),
                new ActivitySummary(2, AT, AT.plusSeconds(60), AT.plusSeconds(90), "customer", new BigDecimal("19.90"),
                        new BigDecimal("39.80"), AT.plusSeconds(30)),
                List.of("p-0"), 7, AT, AT.plusSeconds(2), Set.of("mark-1"));

        assertThat(ProfileDocuments.read(stored(profile), converter)).isEqualTo(converter.read(Profile.class, stored(profile)));
    }

    @Test
    void aBareProfileReadsAsTheMappingReadsIt() {
        Profile profile = new Profile("p-2", ProfileStatus.MERGED, "p-1", null, null, null, List.of(), Map.of(), null,
                null, List.of(), 1, AT, AT, Set.of());

        assertThat(ProfileDocuments.read(stored(profile), converter)).isEqualTo(converter.read(Profile.class, stored(profile)));
    }

    private Document stored(Profile profile) {
        Document d = new Document();
        converter.write(profile, d);
        return d;
    }
}
