package com.omnicanal.conversation.bot;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The self-service bot: a confident FAQ match is answered; "agente"/"humano" or a low confidence hands the customer
 * over to a person with the whole conversation as context.
 */
@Component
public class Bot {

    static final String COLLECTION = "faq";

    private final MongoTemplate mongo;
    private final double minConfidence;

    Bot(MongoTemplate mongo, @Value("${omni.bot.min-confidence:0.6}") double minConfidence) {
        this.mongo = mongo;
        this.minConfidence = minConfidence;
    }

    /** answer (with the text), handover (the customer asked for a person) or unsure (not confident enough). */
    public record Decision(String action, double confidence, String answer) {

        public boolean answers() {
            return action.equals("answer");
        }
    }

    public Decision decide(String text, String language) {
        if (FaqMatcher.wantsHuman(text)) {
            return new Decision("handover", 1.0, null);
        }
        List<FaqEntry> entries = mongo.findAll(FaqEntry.class, COLLECTION);
        List<String> languages = language == null ? List.of("es", "en") : List.of(language);
        FaqMatcher.Match best = null;
        for (String lang : languages) {
            FaqMatcher.Match match = FaqMatcher.best(text, lang, entries).orElse(null);
            if (match != null && (best == null || match.confidence() > best.confidence())) {
                best = match;
            }
        }
        if (best == null || best.confidence() < minConfidence) {
            return new Decision("unsure", best == null ? 0 : best.confidence(), null);
        }
        return new Decision("answer", best.confidence(), best.entry().answer());
    }
}
