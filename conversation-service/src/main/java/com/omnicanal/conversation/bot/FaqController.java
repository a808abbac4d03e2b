package com.omnicanal.conversation.bot;

import com.omnicanal.support.problem.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The bot's FAQ: supervisors and admins edit entries; staff can try how a question would be answered. */
@RestController
@PreAuthorize("hasAnyRole('supervisor', 'admin')")
class FaqController {

    private final MongoTemplate mongo;
    private final Bot bot;

    FaqController(MongoTemplate mongo, Bot bot) {
        this.mongo = mongo;
        this.bot = bot;
    }

    record EntryRequest(@NotBlank @Pattern(regexp = "[a-z]{2}", message = "must be a language code like es") String language,
                        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> questions,
                        @NotBlank @Size(max = 4000) String answer) {
    }

    record TryRequest(@NotBlank @Size(max = 4000) String text, @Pattern(regexp = "[a-z]{2}") String language) {
    }

    @PutMapping("/api/conversations/faq/{id:[a-z0-9][a-z0-9_-]{0,63}}")
    FaqEntry put(@PathVariable String id, @Valid @RequestBody EntryRequest r) {
        return mongo.save(new FaqEntry(id, r.language(), r.questions(), r.answer()), Bot.COLLECTION);
    }

    @GetMapping("/api/conversations/faq")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
    List<FaqEntry> list() {
        return mongo.findAll(FaqEntry.class, Bot.COLLECTION);
    }

    @DeleteMapping("/api/conversations/faq/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), Bot.COLLECTION);
    }

    @PostMapping("/api/conversations/faq/try")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
    Map<String, Object> tryIt(@Valid @RequestBody TryRequest r) {
        if (r.text().isBlank()) {
            throw new InvalidRequestException("text", "must not be blank");
        }
        Bot.Decision decision = bot.decide(r.text(), r.language());
        return Map.of("action", decision.action(), "confidence", decision.confidence(),
                "answer", decision.answer() == null ? "" : decision.answer());
    }
}
