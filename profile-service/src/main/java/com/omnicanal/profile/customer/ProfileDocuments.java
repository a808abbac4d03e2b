package com.omnicanal.profile.customer;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Stored profiles read by hand for bulk reads (an activity batch reads a thousand; a broadcast's reachability batch,
 * whose customers all have consents, as many): the mapping of whole profiles was two fifths of such a read, and most of
 * profile-service's CPU in a broadcast (profiled). Only the contact preferences (times of day) still go through the
 * mapping. {@code ProfileDocumentsTest} holds the two readings equal.
 */
final class ProfileDocuments {

    private ProfileDocuments() {
    }

    static Profile read(Document d, MongoConverter converter) {
        Document preferences = d.get("preferences", Document.class);
        return new Profile(d.getString("_id"), ProfileStatus.valueOf(d.getString("status")), d.getString("mergedInto"),
                d.getString("name"), d.getString("language"), d.getString("timezone"),
                d.getList("identifiers", Document.class, List.of()).stream().map(ProfileDocuments::identifier).toList(),
                consents(d.get("consents", Document.class)),
                preferences == null ? null : converter.read(ContactPreferences.class, preferences),
                activity(d.get("activity", Document.class)),
                List.copyOf(d.getList("appliedMerges", String.class, List.of())), number(d.get("version")),
                instant(d, "createdAt"), instant(d, "updatedAt"),
                new LinkedHashSet<>(d.getList("_outbox", String.class, List.of())));
    }

    /** Channel × purpose → its current consent, in the stored order. */
    private static Map<String, ConsentEntry> consents(Document consents) {
        if (consents == null || consents.isEmpty()) {
            return Map.of();
        }
        Map<String, ConsentEntry> read = new LinkedHashMap<>();
        consents.forEach((key, value) -> {
            Document c = (Document) value;
            read.put(key, new ConsentEntry(c.getString("state"), instant(c, "at"), c.getString("source"),
                    c.getString("evidence"), c.getString("actor")));
        });
        return read;
    }

    private static ProfileIdentifier identifier(Document i) {
        return new ProfileIdentifier(i.getString("type"), i.getString("value"), Boolean.TRUE.equals(i.getBoolean("verified")),
                i.getString("source"), instant(i, "firstSeen"), instant(i, "lastSeen"), i.getString("invalidReason"));
    }

    private static ActivitySummary activity(Document a) {
        if (a == null) {
            return null;
        }
        return new ActivitySummary((int) number(a.get("purchases")), instant(a, "firstPurchaseAt"),
                instant(a, "lastPurchaseAt"), instant(a, "lastActivityAt"), a.getString("stage"),
                decimal(a.get("lastPurchaseAmount")), decimal(a.get("totalSpent")), instant(a, "lastVisitAt"));
    }

    private static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Written by the mapping as text or by bulk writes as Decimal128: read back the same value either way. */
    private static BigDecimal decimal(Object value) {
        return switch (value) {
            case null -> null;
            case Decimal128 d -> d.bigDecimalValue();
            case BigDecimal b -> b;
            case String s -> new BigDecimal(s);
            default -> new BigDecimal(value.toString());
        };
    }
}
