package com.omnicanal.profile.customer;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Stored profiles read by hand for bulk reads (an activity batch reads a thousand): the mapping of whole profiles was
 * two fifths of such a read. A profile with consents or preferences, rarer and richer, still goes through the mapping.
 */
final class ProfileDocuments {

    private ProfileDocuments() {
    }

    static Profile read(Document d, MongoConverter converter) {
        Document consents = d.get("consents", Document.class);
        if ((consents != null && !consents.isEmpty()) || d.get("preferences") != null) {
            return converter.read(Profile.class, d);
        }
        return new Profile(d.getString("_id"), ProfileStatus.valueOf(d.getString("status")), d.getString("mergedInto"),
                d.getString("name"), d.getString("language"), d.getString("timezone"),
                d.getList("identifiers", Document.class, List.of()).stream().map(ProfileDocuments::identifier).toList(),
                Map.of(), null, activity(d.get("activity", Document.class)),
                List.copyOf(d.getList("appliedMerges", String.class, List.of())), number(d.get("version")),
                instant(d, "createdAt"), instant(d, "updatedAt"),
                new LinkedHashSet<>(d.getList("_outbox", String.class, List.of())));
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
