package com.omnicanal.campaign.enrollment;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Times of day for calling again: morning, afternoon and evening, clipped to the send window, in the customer's zone.
 * A call nobody answered is tried in another part of the day, preferring parts not tried yet.
 */
final class Dayparts {

    record Part(String name, LocalTime from, LocalTime to) {
    }

    static final List<Part> PARTS = List.of(new Part("morning", LocalTime.of(9, 0), LocalTime.of(13, 0)),
            new Part("afternoon", LocalTime.of(13, 0), LocalTime.of(17, 0)),
            new Part("evening", LocalTime.of(17, 0), LocalTime.of(21, 0)));

    private Dayparts() {
    }

    /** The part of the day a local time falls in ("night" outside them all). */
    static String of(LocalTime time) {
        return PARTS.stream().filter(p -> !time.isBefore(p.from()) && time.isBefore(p.to())).map(Part::name)
                .findFirst().orElse("night");
    }

    record Slot(String part, ZonedDateTime at) {
    }

    /** The first start of another part of the day, inside the window, after now; untried parts first. */
    static Slot next(ZonedDateTime now, LocalTime windowFrom, LocalTime windowTo, Collection<String> tried) {
        String current = of(now.toLocalTime());
        return first(now, windowFrom, windowTo, p -> !p.equals(current) && !tried.contains(p))
                .or(() -> first(now, windowFrom, windowTo, p -> !p.equals(current)))
                .orElseGet(() -> new Slot(current, now.plusDays(1)));
    }

    private static Optional<Slot> first(ZonedDateTime now, LocalTime windowFrom, LocalTime windowTo,
                                        java.util.function.Predicate<String> wanted) {
        for (int day = 0; day < 3; day++) {
            for (Part part : PARTS) {
                LocalTime start = part.from().isBefore(windowFrom) ? windowFrom : part.from();
                LocalTime end = part.to().isAfter(windowTo) ? windowTo : part.to();
                ZonedDateTime at = now.toLocalDate().plusDays(day).atTime(start).atZone(now.getZone());
                if (start.isBefore(end) && at.isAfter(now) && wanted.test(part.name())) {
                    return Optional.of(new Slot(part.name(), at));
                }
            }
        }
        return Optional.empty();
    }
}
