package com.omnicanal.profile.activity;

import com.omnicanal.profile.identity.IdentifyRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One thing that happened to a customer, as a partner or channel reports it; {@code id} makes it idempotent. */
record ActivityInput(
        @NotBlank @Size(max = 100) String id,
        @NotBlank @Pattern(regexp = ActivityInput.TYPES,
                message = "must be purchase, delivery, return, store_visit, cart_abandoned, app_event or custom:<name>")
        String type,
        @NotNull Instant occurredAt,
        @NotNull @Valid CustomerRef customer,
        @Size(max = 40) String channel,
        @Size(max = 100) String storeId,
        @Size(max = 100) String orderId,
        @Size(max = 200) List<@Valid Item> items,
        @DecimalMin("0") BigDecimal amount,
        @Pattern(regexp = ActivityInput.CURRENCY, message = "must be an ISO 4217 code such as EUR") String currency,
        @Size(max = 50) Map<String, Object> attributes) {

    /** The patterns checked here and, for the common clean case, by hand in {@link PlainActivities}. */
    static final String TYPES = "purchase|delivery|return|store_visit|cart_abandoned|app_event|custom:[a-z0-9_]{1,40}";
    static final String CURRENCY = "[A-Z]{3}";

    /** The customer's identifiers as identify takes them. */
    List<IdentifyRequest.IdentifierInput> identifierInputs() {
        return customer.identifiers().stream()
                .map(i -> new IdentifyRequest.IdentifierInput(i.type(), i.value(), i.verified(), false)).toList();
    }

    /** Who it happened to: a profile id (staff only) or identifiers resolved like {@code identify}. */
    record CustomerRef(@Size(max = 64) String profileId, @Size(max = 20) List<@Valid Identifier> identifiers) {
    }

    record Identifier(@NotBlank @Size(max = 80) String type, @NotBlank @Size(max = 320) String value,
                      boolean verified) {
    }

    record Item(@NotBlank @Size(max = 100) String sku, @Size(max = 200) String name, @Positive int quantity,
                @DecimalMin("0") BigDecimal price) {
    }
}
