package com.omnicanal.campaign.enrollment;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DaypartsTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void aCallNobodyAnsweredIsTriedInAnotherPartOfTheDayUntriedPartsFirstInsideTheWindow() {
        ZonedDateTime morning = ZonedDateTime.of(2026, 11, 26, 10, 15, 0, 0, MADRID);
        Dayparts.Slot next = Dayparts.next(morning, LocalTime.of(9, 0), LocalTime.of(21, 0), List.of("morning"));
        assertThat(next.part()).isEqualTo("afternoon");
        assertThat(next.at()).isEqualTo(morning.withHour(13).withMinute(0));

        Dayparts.Slot untried = Dayparts.next(morning.withHour(14), LocalTime.of(9, 0), LocalTime.of(21, 0),
                List.of("morning", "afternoon"));
        assertThat(untried.part()).isEqualTo("evening");

        Dayparts.Slot window = Dayparts.next(morning.withHour(14), LocalTime.of(9, 0), LocalTime.of(16, 0),
                List.of("morning", "afternoon"));
        assertThat(window.part()).as("no evening inside a window that ends at 16:00").isEqualTo("morning");
        assertThat(window.at()).isEqualTo(morning.plusDays(1).withHour(9).withMinute(0));

        Dayparts.Slot night = Dayparts.next(morning.withHour(23), LocalTime.of(10, 0), LocalTime.of(21, 0), List.of());
        assertThat(night.at()).isEqualTo(morning.plusDays(1).withHour(10).withMinute(0));
    }
}
