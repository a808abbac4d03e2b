package com.omnicanal.support.deadletter;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** Admin view of this service's dead-letter queues: list them, replay one event or all. */
@RestController
@RequestMapping("/admin/dead-letters")
@PreAuthorize("hasRole('admin')")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    record Replayed(String queue, int replayed) {
    }

    @GetMapping
    List<DeadLetterQueue> list(@RequestParam(defaultValue = "50") int limit) {
        return deadLetters.list(Math.clamp(limit, 1, 500));
    }

    @PostMapping("/{queue}/replay")
    Replayed replay(@PathVariable String queue, @RequestParam(required = false) String eventId) {
        if (!deadLetters.knows(queue)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no consumer queue named " + queue + " here");
        }
        return new Replayed(queue, deadLetters.replay(queue, eventId));
    }
}
