package com.omnicanal.feedback.comment;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tags a comment with themes: each language has keyword rules (theme → keywords), matched as whole words or
 * phrases, ignoring case and accents ("retrasó" matches "retraso"). Rules are read again a minute after they were
 * read, so an edit on one instance reaches the others within a minute.
 */
@Service
public class Themes {

    static final String COLLECTION = "theme_rules";
    private static final Duration FRESH = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Map<String, List<String>> rules, Instant readAt) {
    }

    Themes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The themes of a comment in a language, in rule order; none when there is no comment or no rule. */
    public List<String> of(String language, String comment) {
        return comment == null || comment.isBlank() ? List.of() : matching(rules(language), comment);
    }

    static List<String> matching(Map<String, List<String>> rules, String comment) {
        String text = " " + normal(comment).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        List<String> themes = new ArrayList<>();
        rules.forEach((theme, keywords) -> {
            if (keywords.stream().anyMatch(k -> text.contains(" " + normal(k).trim() + " "))) {
                themes.add(theme);
            }
        });
        return themes;
    }

    @SuppressWarnings("unchecked")
    Map<String, List<String>> rules(String language) {
        Cached cached = cache.get(language);
        if (cached == null || cached.readAt().isBefore(Instant.now().minus(FRESH))) {
            Document d = mongo.findById(language, Document.class, COLLECTION);
            Map<String, List<String>> rules = d == null ? Map.of() : (Map<String, List<String>>) (Map<?, ?>) d.get("rules", Document.class);
            cached = new Cached(new java.util.LinkedHashMap<>(rules), Instant.now());
            cache.put(language, cached);
        }
        return cached.rules();
    }

    void save(String language, Map<String, List<String>> rules) {
        mongo.save(new Document("_id", language).append("rules", rules), COLLECTION);
        cache.remove(language);
    }

    public static String normal(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
