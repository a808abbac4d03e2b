package com.omnicanal.feedback.survey;

import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The dashboard's filters: a period (default the last 30 days) and at most one slice (channel, agent, team, store). */
record Period(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
              String channel, String agent, String team, String store) {

    LocalDate end() {
        return to == null ? LocalDate.now() : to;
    }

    LocalDate start() {
        LocalDate start = from == null ? end().minusDays(29) : from;
        if (start.isAfter(end()) || ChronoUnit.DAYS.between(start, end()) > 366) {
            throw new InvalidRequestException("from", "must be on or before to, at most 366 days before it");
        }
        return start;
    }

    String dimension() {
        return channel != null ? "channel:" + channel : agent != null ? "agent:" + agent
                : team != null ? "team:" + team : store != null ? "store:" + store : "all";
    }
}
