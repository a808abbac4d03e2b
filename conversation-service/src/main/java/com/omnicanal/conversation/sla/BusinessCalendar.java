package com.omnicanal.conversation.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When a team is open: weekly opening hours in a time zone, minus holidays. Business time is real
 * elapsed time inside opening hours, so a DST night inside a 24-hour opening lasts 23 or 25 hours.
 */
record BusinessCalendar(String id, ZoneId zone, Map<DayOfWeek, List<OpeningHours>> week, Set<LocalDate> holidays) {

    /** A full week is enough to see every opening range; a few spare days cover nothing but holidays. */
    private static final int WEEK = 7;

    BusinessCalendar {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        week = normalised(Objects.requireNonNull(week, "week"));
        holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
    }

    /** Open all day, every day, in UTC. */
    static BusinessCalendar always(String id) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(OpeningHours.ALL_DAY));
        }
        return new BusinessCalendar(id, ZoneOffset.UTC, week, Set.of());
    }

    /** The deadline: the earliest instant at which {@code businessDuration} of opening time has passed since start. */
    Instant addBusinessTime(Instant start, Duration businessDuration) {
        Objects.requireNonNull(start, "start");
        if (businessDuration.isNegative()) {
            throw new IllegalArgumentException("business duration must not be negative: " + businessDuration);
        }
        if (businessDuration.isZero()) {
            return start;
        }
        requireSomeOpening();
        Duration remaining = businessDuration;
        LocalDate day = localDate(start);
        int closedDays = 0;
        while (true) {
            List<Interval> intervals = intervalsOn(day);
            closedDays = intervals.isEmpty() ? closedDays + 1 : 0;
            guardClosedRun(closedDays);
            for (Interval interval : intervals) {
                if (!interval.end().isAfter(start)) {
                    continue;
                }
                Instant from = later(interval.start(), start);
                Duration available = Duration.between(from, interval.end());
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
            day = day.plusDays(1);
        }
    }

    /** Opening time between two instants; negative when {@code to} comes before {@code from}. */
    Duration businessTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        for (LocalDate day = localDate(from); !day.isAfter(localDate(to)); day = day.plusDays(1)) {
            for (Interval interval : intervalsOn(day)) {
                Instant start = later(interval.start(), from);
                Instant end = interval.end().isBefore(to) ? interval.end() : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    boolean isOpen(Instant at) {
        return intervalsOn(localDate(at)).stream().anyMatch(interval -> interval.contains(at));
    }

    /** The instant the calendar next opens: {@code at} itself when already open. */
    Instant nextOpening(Instant at) {
        requireSomeOpening();
        LocalDate day = localDate(at);
        int closedDays = 0;
        while (true) {
            List<Interval> intervals = intervalsOn(day);
            closedDays = intervals.isEmpty() ? closedDays + 1 : 0;
            guardClosedRun(closedDays);
            for (Interval interval : intervals) {
                if (interval.end().isAfter(at)) {
                    return later(interval.start(), at);
                }
            }
            day = day.plusDays(1);
        }
    }

    /** One opening range on one date, as instants; empty ranges (swallowed by a DST gap) are dropped. */
    private List<Interval> intervalsOn(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<Interval> intervals = new ArrayList<>();
        for (OpeningHours hours : week.getOrDefault(day.getDayOfWeek(), List.of())) {
            Instant start = day.atTime(hours.from()).atZone(zone).toInstant();
            Instant end = hours.untilMidnight()
                    ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : day.atTime(hours.to()).atZone(zone).toInstant();
            if (end.isAfter(start)) {
                intervals.add(new Interval(start, end));
            }
        }
        return intervals;
    }

    private void requireSomeOpening() {
        if (week.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalStateException("calendar " + id + " has no opening hours");
        }
    }

    /** Holidays are finite, so a run of closed days longer than them plus a week means nothing ever opens. */
    private void guardClosedRun(int closedDays) {
        if (closedDays > holidays.size() + WEEK) {
            throw new IllegalStateException("calendar " + id + " never opens");
        }
    }

    private LocalDate localDate(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Map<DayOfWeek, List<OpeningHours>> normalised(Map<DayOfWeek, List<OpeningHours>> week) {
        Map<DayOfWeek, List<OpeningHours>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, hours) -> {
            List<OpeningHours> sorted = hours.stream().sorted(Comparator.comparing(OpeningHours::from)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                    throw new IllegalArgumentException("overlapping opening hours on " + day + ": " + sorted);
                }
            }
            copy.put(day, sorted);
        });
        return Map.copyOf(copy);
    }

    /** Local opening range; {@code to} 00:00 means until midnight, so 00:00-00:00 is the whole day. */
    record OpeningHours(LocalTime from, LocalTime to) {

        static final OpeningHours ALL_DAY = new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

        OpeningHours {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!to.equals(LocalTime.MIDNIGHT) && !from.isBefore(to)) {
                throw new IllegalArgumentException("opening hours end before they start: " + from + "-" + to);
            }
        }

        boolean untilMidnight() {
            return to.equals(LocalTime.MIDNIGHT);
        }

        /** Both ranges sorted by start, this one first. */
        boolean overlaps(OpeningHours next) {
            return untilMidnight() || next.from().isBefore(to);
        }

        @Override
        public String toString() {
            return from + "-" + (untilMidnight() ? "24:00" : to);
        }
    }

    private record Interval(Instant start, Instant end) {

        boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }
}
