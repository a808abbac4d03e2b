package com.omnicanal.conversation.sla;

import com.omnicanal.conversation.sla.BusinessCalendar.OpeningHours;
import com.omnicanal.support.problem.InvalidRequestException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    /** Mon–Fri 09:00-14:00 and 15:00-18:00 in Madrid, Christmas off. */
    private static final BusinessCalendar OFFICE = new CalendarDefinition("Europe/Madrid", Map.of(
            "MONDAY", List.of("09:00-14:00", "15:00-18:00"),
            "TUESDAY", List.of("09:00-14:00", "15:00-18:00"),
            "WEDNESDAY", List.of("09:00-14:00", "15:00-18:00"),
            "THURSDAY", List.of("09:00-14:00", "15:00-18:00"),
            "FRIDAY", List.of("15:00-18:00", "09:00-14:00")),
            List.of("2026-12-25")).toCalendar("office");

    private static Instant madrid(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MADRID).toInstant();
    }

    private static Instant deadline(String start, Duration duration) {
        return OFFICE.addBusinessTime(madrid(start), duration);
    }

    @Nested
    class Deadlines {

        @Test
        void staysInsideOneShift() {
            assertThat(deadline("2026-03-02T10:00", Duration.ofHours(2))).isEqualTo(madrid("2026-03-02T12:00"));
        }

        @Test
        void skipsTheLunchBreakOfASplitShift() {
            assertThat(deadline("2026-03-02T13:00", Duration.ofHours(2))).isEqualTo(madrid("2026-03-02T16:00"));
        }

        @Test
        void carriesOverTheNight() {
            assertThat(deadline("2026-03-02T17:00", Duration.ofHours(2))).isEqualTo(madrid("2026-03-03T10:00"));
        }

        @Test
        void carriesOverTheWeekend() {
            assertThat(deadline("2026-03-06T17:30", Duration.ofHours(1))).isEqualTo(madrid("2026-03-09T09:30"));
        }

        @Test
        void skipsHolidays() {
            // Thursday 24 December, Friday 25 is a holiday, then the weekend
            assertThat(deadline("2026-12-24T17:00", Duration.ofHours(2))).isEqualTo(madrid("2026-12-28T10:00"));
        }

        @Test
        void startsCountingAtTheNextOpeningWhenStartedOutsideHours() {
            assertThat(deadline("2026-03-07T12:00", Duration.ofMinutes(30))).isEqualTo(madrid("2026-03-09T09:30"));
            assertThat(deadline("2026-03-02T07:00", Duration.ofHours(1))).isEqualTo(madrid("2026-03-02T10:00"));
            assertThat(deadline("2026-03-02T14:30", Duration.ofMinutes(30))).isEqualTo(madrid("2026-03-02T15:30"));
            assertThat(deadline("2026-03-02T23:59", Duration.ofMinutes(1))).isEqualTo(madrid("2026-03-03T09:01"));
        }

        @Test
        void endsAtClosingTimeRatherThanTheNextMorning() {
            assertThat(deadline("2026-03-02T17:00", Duration.ofHours(1))).isEqualTo(madrid("2026-03-02T18:00"));
        }

        @Test
        void aWorkingWeekOfBusinessTime() {
            assertThat(deadline("2026-03-02T09:00", Duration.ofHours(40))).isEqualTo(madrid("2026-03-06T18:00"));
            assertThat(deadline("2026-03-02T09:00", Duration.ofHours(41))).isEqualTo(madrid("2026-03-09T10:00"));
        }

        @Test
        void countsOpeningHoursInTheNewOffsetAfterTheSpringDstChange() {
            // Friday 17:00 CET (+01:00); Madrid moves to CEST (+02:00) on Sunday 29 March 2026
            Instant start = madrid("2026-03-27T17:00");
            Instant due = OFFICE.addBusinessTime(start, Duration.ofHours(2));

            assertThat(due).isEqualTo(madrid("2026-03-30T10:00")).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
            assertThat(OFFICE.businessTimeBetween(start, due)).isEqualTo(Duration.ofHours(2));
        }

        @Test
        void countsOpeningHoursInTheNewOffsetAfterTheAutumnDstChange() {
            Instant due = deadline("2026-10-23T17:00", Duration.ofHours(2));

            assertThat(due).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
        }

        @Test
        void measuresRealElapsedTimeAcrossADstNight() {
            BusinessCalendar allDayMadrid = new CalendarDefinition("Europe/Madrid", Map.of(
                    "MONDAY", List.of("00:00-24:00"), "TUESDAY", List.of("00:00-24:00"),
                    "WEDNESDAY", List.of("00:00-24:00"), "THURSDAY", List.of("00:00-24:00"),
                    "FRIDAY", List.of("00:00-24:00"), "SATURDAY", List.of("00:00-24:00"),
                    "SUNDAY", List.of("00:00-24:00")), List.of()).toCalendar("all-day");

            // the spring day has 23 hours, the autumn day 25
            assertThat(allDayMadrid.addBusinessTime(madrid("2026-03-28T12:00"), Duration.ofHours(24)))
                    .isEqualTo(madrid("2026-03-29T13:00"));
            assertThat(allDayMadrid.addBusinessTime(madrid("2026-10-24T12:00"), Duration.ofHours(24)))
                    .isEqualTo(madrid("2026-10-25T11:00"));
        }

        @Test
        void anOpeningThatSpansTheSkippedHourIsAnHourShorter() {
            BusinessCalendar nightShift = new CalendarDefinition("Europe/Madrid",
                    Map.of("SUNDAY", List.of("01:00-04:00")), List.of()).toCalendar("night");

            assertThat(nightShift.addBusinessTime(madrid("2026-03-29T01:00"), Duration.ofHours(2)))
                    .isEqualTo(madrid("2026-03-29T04:00"));
            assertThat(nightShift.addBusinessTime(madrid("2026-03-29T01:00"), Duration.ofHours(3)))
                    .isEqualTo(madrid("2026-04-05T02:00"));
        }

        @Test
        void joinsRangesThatMeetAtMidnight() {
            BusinessCalendar lateNight = new CalendarDefinition("UTC", Map.of(
                    "FRIDAY", List.of("22:00-24:00"), "SATURDAY", List.of("00:00-02:00")), List.of())
                    .toCalendar("late");

            assertThat(lateNight.addBusinessTime(Instant.parse("2026-03-06T23:00:00Z"), Duration.ofHours(2)))
                    .isEqualTo(Instant.parse("2026-03-07T01:00:00Z"));
        }

        @Test
        void zeroDurationIsDueAtOnce() {
            assertThat(deadline("2026-03-07T12:00", Duration.ZERO)).isEqualTo(madrid("2026-03-07T12:00"));
        }

        @Test
        void rejectsNegativeDurations() {
            assertThatThrownBy(() -> deadline("2026-03-02T10:00", Duration.ofMinutes(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusesToLoopForeverWithoutOpeningHours() {
            BusinessCalendar closed = new BusinessCalendar("closed", MADRID, Map.of(), Set.of());

            assertThatThrownBy(() -> closed.addBusinessTime(Instant.EPOCH, Duration.ofHours(1)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> closed.nextOpening(Instant.EPOCH)).isInstanceOf(IllegalStateException.class);
            assertThat(closed.isOpen(Instant.EPOCH)).isFalse();
            assertThat(closed.businessTimeBetween(Instant.EPOCH, Instant.EPOCH.plus(Duration.ofDays(30))))
                    .isZero();
        }
    }

    @Nested
    class BusinessTimeBetween {

        @Test
        void countsOnlyOpeningHours() {
            assertThat(OFFICE.businessTimeBetween(madrid("2026-03-06T17:00"), madrid("2026-03-09T10:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(OFFICE.businessTimeBetween(madrid("2026-03-02T00:00"), madrid("2026-03-09T00:00")))
                    .isEqualTo(Duration.ofHours(40));
            assertThat(OFFICE.businessTimeBetween(madrid("2026-12-21T00:00"), madrid("2026-12-28T00:00")))
                    .isEqualTo(Duration.ofHours(32));
        }

        @Test
        void isNegativeBackwardsAndZeroWhenClosed() {
            assertThat(OFFICE.businessTimeBetween(madrid("2026-03-09T10:00"), madrid("2026-03-06T17:00")))
                    .isEqualTo(Duration.ofHours(-2));
            assertThat(OFFICE.businessTimeBetween(madrid("2026-03-07T08:00"), madrid("2026-03-08T20:00"))).isZero();
            assertThat(OFFICE.businessTimeBetween(madrid("2026-03-02T10:00"), madrid("2026-03-02T10:00"))).isZero();
        }

        @Test
        void isTheInverseOfAddingBusinessTime() {
            Instant start = madrid("2026-03-04T11:17");
            for (long minutes : new long[] {1, 59, 163, 480, 2000, 10_000}) {
                Instant due = OFFICE.addBusinessTime(start, Duration.ofMinutes(minutes));
                assertThat(OFFICE.businessTimeBetween(start, due)).isEqualTo(Duration.ofMinutes(minutes));
            }
        }
    }

    @Nested
    class Opening {

        @Test
        void isOpenDuringOpeningHoursOnly() {
            assertThat(OFFICE.isOpen(madrid("2026-03-02T09:00"))).isTrue();
            assertThat(OFFICE.isOpen(madrid("2026-03-02T13:59"))).isTrue();
            assertThat(OFFICE.isOpen(madrid("2026-03-02T14:00"))).isFalse();
            assertThat(OFFICE.isOpen(madrid("2026-03-02T14:30"))).isFalse();
            assertThat(OFFICE.isOpen(madrid("2026-03-02T08:59"))).isFalse();
            assertThat(OFFICE.isOpen(madrid("2026-03-07T11:00"))).isFalse();
            assertThat(OFFICE.isOpen(madrid("2026-12-25T11:00"))).isFalse();
        }

        @Test
        void nextOpeningIsNowWhenOpen() {
            assertThat(OFFICE.nextOpening(madrid("2026-03-02T10:00"))).isEqualTo(madrid("2026-03-02T10:00"));
        }

        @Test
        void nextOpeningAfterLunchNightWeekendAndHoliday() {
            assertThat(OFFICE.nextOpening(madrid("2026-03-02T14:00"))).isEqualTo(madrid("2026-03-02T15:00"));
            assertThat(OFFICE.nextOpening(madrid("2026-03-02T19:00"))).isEqualTo(madrid("2026-03-03T09:00"));
            assertThat(OFFICE.nextOpening(madrid("2026-03-06T18:00"))).isEqualTo(madrid("2026-03-09T09:00"));
            assertThat(OFFICE.nextOpening(madrid("2026-12-24T19:00"))).isEqualTo(madrid("2026-12-28T09:00"));
        }
    }

    @Nested
    class Always {

        private final BusinessCalendar always = BusinessCalendar.always("24x7");

        @Test
        void isAlwaysOpenInUtc() {
            assertThat(always.id()).isEqualTo("24x7");
            assertThat(always.zone()).isEqualTo(ZoneOffset.UTC);
            assertThat(always.isOpen(Instant.parse("2026-03-07T03:00:00Z"))).isTrue();
            assertThat(always.nextOpening(Instant.parse("2026-03-07T03:00:00Z")))
                    .isEqualTo(Instant.parse("2026-03-07T03:00:00Z"));
        }

        @Test
        void businessTimeIsWallClockTime() {
            Instant start = Instant.parse("2026-03-06T17:45:12Z");
            assertThat(always.addBusinessTime(start, Duration.ofHours(50))).isEqualTo(start.plus(Duration.ofHours(50)));
            assertThat(always.addBusinessTime(start, Duration.ofDays(400))).isEqualTo(start.plus(Duration.ofDays(400)));
            assertThat(always.businessTimeBetween(start, start.plusSeconds(86_400 * 3 + 7)))
                    .isEqualTo(Duration.ofSeconds(86_400 * 3 + 7));
        }
    }

    @Nested
    class Construction {

        @Test
        void sortsRangesAndCopiesDefensively() {
            assertThat(OFFICE.week().get(DayOfWeek.FRIDAY)).containsExactly(
                    new OpeningHours(LocalTime.of(9, 0), LocalTime.of(14, 0)),
                    new OpeningHours(LocalTime.of(15, 0), LocalTime.of(18, 0)));
            assertThatThrownBy(() -> OFFICE.week().put(DayOfWeek.SUNDAY, List.of()))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void rejectsOverlappingOrInvertedRanges() {
            assertThatThrownBy(() -> new BusinessCalendar("x", MADRID, Map.of(DayOfWeek.MONDAY, List.of(
                    new OpeningHours(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                    new OpeningHours(LocalTime.of(11, 0), LocalTime.of(13, 0)))), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new OpeningHours(LocalTime.of(12, 0), LocalTime.of(9, 0)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Definitions {

        @Test
        void buildsTheCalendar() {
            Map<String, List<String>> hours = new LinkedHashMap<>();
            hours.put("monday", List.of(" 09:00-14:00 ", "15:00-18:00"));
            hours.put("Saturday", List.of("10:00-24:00"));
            hours.put("SUNDAY", List.of());
            BusinessCalendar calendar = new CalendarDefinition(" Europe/Madrid ", hours, List.of("2026-01-06"))
                    .toCalendar("shop");

            assertThat(calendar.id()).isEqualTo("shop");
            assertThat(calendar.zone()).isEqualTo(MADRID);
            assertThat(calendar.week().get(DayOfWeek.MONDAY)).hasSize(2);
            assertThat(calendar.week().get(DayOfWeek.SATURDAY))
                    .containsExactly(new OpeningHours(LocalTime.of(10, 0), LocalTime.MIDNIGHT));
            assertThat(calendar.week().get(DayOfWeek.SUNDAY)).isEmpty();
            assertThat(calendar.holidays()).containsExactly(java.time.LocalDate.of(2026, 1, 6));
            assertThat(calendar.isOpen(madrid("2026-03-07T23:59"))).isTrue();
        }

        @Test
        void nullHolidaysMeanNone() {
            assertThat(new CalendarDefinition("UTC", Map.of("MONDAY", List.of("09:00-10:00")), null)
                    .toCalendar("x").holidays()).isEmpty();
        }

        @Test
        void rejectsAMissingOrUnknownTimezone() {
            assertRejected(new CalendarDefinition("Mars/Olympus_Mons", Map.of("MONDAY", List.of("09:00-10:00")), null),
                    "timezone");
            assertRejected(new CalendarDefinition(null, Map.of("MONDAY", List.of("09:00-10:00")), null), "timezone");
            assertRejected(new CalendarDefinition(" ", Map.of("MONDAY", List.of("09:00-10:00")), null), "timezone");
        }

        @Test
        void rejectsAnUnknownOrRepeatedDay() {
            assertRejected(definition(Map.of("MONDEY", List.of("09:00-10:00"))), "hours.MONDEY");
            Map<String, List<String>> twice = new LinkedHashMap<>();
            twice.put("MONDAY", List.of("09:00-10:00"));
            twice.put("monday", List.of("11:00-12:00"));
            assertRejected(definition(twice), "hours.monday");
        }

        @Test
        void rejectsMalformedRanges() {
            for (String bad : new String[] {"9-14", "09:00 - 14:00", "09:00", "25:00-26:00", "09:60-10:00",
                    "24:00-24:00", "", "nine to five"}) {
                assertRejected(definition(Map.of("MONDAY", List.of("08:00-08:30", bad))), "hours.MONDAY[1]");
            }
            assertRejected(definition(Map.of("MONDAY", java.util.Arrays.asList((String) null))), "hours.MONDAY[0]");
        }

        @Test
        void rejectsInvertedRanges() {
            assertRejected(definition(Map.of("MONDAY", List.of("09:00-14:00", "18:00-15:00"))), "hours.MONDAY[1]");
            assertRejected(definition(Map.of("MONDAY", List.of("10:00-10:00"))), "hours.MONDAY[0]");
        }

        @Test
        void rejectsOverlappingRanges() {
            assertRejected(definition(Map.of("TUESDAY", List.of("09:00-14:00", "13:00-18:00"))), "hours.TUESDAY[1]");
            assertRejected(definition(Map.of("TUESDAY", List.of("15:00-18:00", "09:00-15:30"))), "hours.TUESDAY[1]");
            assertRejected(definition(Map.of("TUESDAY", List.of("09:00-12:00", "09:00-10:00"))), "hours.TUESDAY[1]");
            assertRejected(definition(Map.of("TUESDAY", List.of("20:00-24:00", "21:00-22:00"))), "hours.TUESDAY[1]");
        }

        @Test
        void acceptsRangesThatMerelyTouch() {
            assertThat(definition(Map.of("TUESDAY", List.of("09:00-14:00", "14:00-18:00"))).toCalendar("x")
                    .week().get(DayOfWeek.TUESDAY)).hasSize(2);
        }

        @Test
        void rejectsMalformedHolidays() {
            assertRejected(new CalendarDefinition("UTC", Map.of("MONDAY", List.of("09:00-10:00")),
                    List.of("2026-12-25", "2026-13-01")), "holidays[1]");
            assertRejected(new CalendarDefinition("UTC", Map.of("MONDAY", List.of("09:00-10:00")),
                    List.of("25/12/2026")), "holidays[0]");
        }

        @Test
        void rejectsACalendarThatNeverOpens() {
            assertRejected(definition(Map.of()), "hours");
            assertRejected(definition(null), "hours");
            assertRejected(definition(Map.of("MONDAY", List.of(), "FRIDAY", List.of())), "hours");
        }

        private static CalendarDefinition definition(Map<String, List<String>> hours) {
            return new CalendarDefinition("Europe/Madrid", hours, List.of());
        }

        private static void assertRejected(CalendarDefinition definition, String field) {
            assertThatThrownBy(() -> definition.toCalendar("x"))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fields())
                            .singleElement().satisfies(f -> assertThat(f.field()).isEqualTo(field)));
        }
    }
}
