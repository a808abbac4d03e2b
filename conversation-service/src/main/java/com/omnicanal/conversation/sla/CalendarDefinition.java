package com.omnicanal.conversation.sla;

import com.omnicanal.conversation.sla.BusinessCalendar.OpeningHours;
import com.omnicanal.support.problem.InvalidRequestException;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A business calendar as users write it, e.g.
 * {@code {"timezone":"Europe/Madrid","hours":{"MONDAY":["09:00-14:00","15:00-18:00"]},"holidays":["2026-12-25"]}}.
 * Days left out are closed; "24:00" ends a range at midnight.
 */
record CalendarDefinition(String timezone, Map<String, List<String>> hours, List<String> holidays) {

    private static final Pattern RANGE = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

    /** Validates the definition and builds the calendar; every mistake names the offending field. */
    BusinessCalendar toCalendar(String id) {
        ZoneId zone = zone();
        Map<DayOfWeek, List<OpeningHours>> week = week();
        return new BusinessCalendar(id, zone, week, holidayDates());
    }

    private ZoneId zone() {
        if (timezone == null || timezone.isBlank()) {
            throw new InvalidRequestException("timezone", "is required, e.g. Europe/Madrid");
        }
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
            throw new InvalidRequestException("timezone", "unknown time zone '" + timezone + "'");
        }
    }

    private Map<DayOfWeek, List<OpeningHours>> week() {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        if (hours != null) {
            hours.forEach((name, ranges) -> {
                DayOfWeek day = day(name);
                if (week.containsKey(day)) {
                    throw new InvalidRequestException("hours." + name, day + " is given twice");
                }
                week.put(day, ranges(name, ranges));
            });
        }
        if (week.values().stream().allMatch(List::isEmpty)) {
            throw new InvalidRequestException("hours", "needs at least one opening range, e.g. \"MONDAY\": [\"09:00-18:00\"]");
        }
        return week;
    }

    private static DayOfWeek day(String name) {
        try {
            return DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidRequestException("hours." + name, "unknown day; use MONDAY … SUNDAY");
        }
    }

    private static List<OpeningHours> ranges(String dayName, List<String> ranges) {
        List<OpeningHours> parsed = new ArrayList<>();
        if (ranges == null) {
            return parsed;
        }
        for (int i = 0; i < ranges.size(); i++) {
            String field = "hours." + dayName + "[" + i + "]";
            OpeningHours range = range(field, ranges.get(i));
            for (OpeningHours earlier : parsed) {
                if (overlap(earlier, range)) {
                    throw new InvalidRequestException(field, "overlaps " + earlier);
                }
            }
            parsed.add(range);
        }
        return parsed;
    }

    private static OpeningHours range(String field, String text) {
        Matcher m = text == null ? null : RANGE.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new InvalidRequestException(field, "expected HH:mm-HH:mm, e.g. 09:00-14:00");
        }
        LocalTime from = time(field, m.group(1), m.group(2), false);
        LocalTime to = time(field, m.group(3), m.group(4), true);
        if (!to.equals(LocalTime.MIDNIGHT) && !from.isBefore(to)) {
            throw new InvalidRequestException(field, "ends before it starts");
        }
        return new OpeningHours(from, to);
    }

    private static LocalTime time(String field, String hour, String minute, boolean end) {
        int h = Integer.parseInt(hour);
        int min = Integer.parseInt(minute);
        if (end && h == 24 && min == 0) {
            return LocalTime.MIDNIGHT;
        }
        if (h > 23 || min > 59) {
            throw new InvalidRequestException(field, "not a time of day: " + hour + ":" + minute);
        }
        return LocalTime.of(h, min);
    }

    private static boolean overlap(OpeningHours a, OpeningHours b) {
        return a.from().isBefore(b.from()) ? a.overlaps(b) : b.overlaps(a);
    }

    private Set<LocalDate> holidayDates() {
        Set<LocalDate> dates = new HashSet<>();
        if (holidays == null) {
            return dates;
        }
        for (int i = 0; i < holidays.size(); i++) {
            try {
                dates.add(LocalDate.parse(holidays.get(i).strip()));
            } catch (DateTimeParseException | NullPointerException e) {
                throw new InvalidRequestException("holidays[" + i + "]", "expected a date like 2026-12-25");
            }
        }
        return dates;
    }
}
