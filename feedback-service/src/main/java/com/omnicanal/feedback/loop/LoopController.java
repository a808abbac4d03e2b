package com.omnicanal.feedback.loop;

import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The loop dashboard: detractors of a period (default the last 30 days), overall, for one channel or one theme. */
@RestController
class LoopController {

    private final Loop loop;

    LoopController(Loop loop) {
        this.loop = loop;
    }

    @GetMapping("/api/feedback/loop")
    @PreAuthorize("hasAnyRole('supervisor', 'marketer', 'admin')")
    LoopStats.Summary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @RequestParam(required = false) String channel,
                              @RequestParam(required = false) String theme) {
        LocalDate end = to == null ? LocalDate.now() : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) > 366) {
            throw new InvalidRequestException("from", "must be on or before to, at most 366 days before it");
        }
        return loop.summary(channel, theme, start, end);
    }
}
