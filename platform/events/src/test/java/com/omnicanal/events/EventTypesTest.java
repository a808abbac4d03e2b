package com.omnicanal.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventTypesTest {

    @Test
    void everyRegisteredEventIsARecordWithAWellFormedType() {
        assertThat(EventTypes.all()).allSatisfy(type -> {
            assertThat(type.isRecord()).as(type.getName()).isTrue();
            assertThat(EventTypes.typeOf(type)).matches("omni\\.([a-z]+|\\*)\\.[a-z-]+\\.v\\d+");
            assertThat(EventTypes.classOf(EventTypes.typeOf(type))).contains(type);
        });
    }

    @Test
    void exchangeIsTheContextOfTheType() {
        assertThat(EventTypes.exchangeOf("omni.profile.created.v1")).isEqualTo("omni.profile");
        assertThatIllegalArgumentException().isThrownBy(() -> EventTypes.exchangeOf("profile.created"));
    }

    @Test
    void eventsEveryServicePublishesResolveFromAnyContext() {
        assertThat(EventTypes.classOf("omni.campaign.erasure-confirmed.v1"))
                .contains(com.omnicanal.events.privacy.ErasureConfirmed.class);
        assertThat(EventTypes.concrete(com.omnicanal.events.privacy.ErasureConfirmed.class, "feedback"))
                .isEqualTo("omni.feedback.erasure-confirmed.v1");
    }

    @Test
    void unknownTypesAreNotResolved() {
        assertThat(EventTypes.classOf("omni.profile.exploded.v9")).isEmpty();
    }
}
