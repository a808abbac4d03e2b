package com.omnicanal.feedback.comment;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Tags a comment with themes: each language has keyword rules (theme → keywords), matched as whole words or
 * phrases, ignoring case and accents ("retrasó" matches "retraso"). Rules are read again a minute after they were
 * read, so an edit on one instance reaches the others within a minute.
 */
@Service
public class Themes {

    static final String COLLECTION = "theme_rules";
    private static final Duration FRESH = Duration.ofMinutes(1);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final MongoTemplate mongo;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** The rules as stored, and their keywords normalised once (not per comment: that was a hot-path cost). */
    private record Cached(Map<String, List<String>> rules, Map<String, List<String>> needles, Instant readAt) {
    }

    Themes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The themes of a comment in a language, in rule order; none when there is no comment or no rule. */
    public List<String> of(String language, String comment) {
        return comment == null || comment.isBlank() ? List.of() : found(cached(language).needles(), comment);
    }

    static List<String> matching(Map<String, List<String>> rules, String comment) {
        return found(needles(rules), comment);
    }

    private static List<String> found(Map<String, List<String>> needles, String comment) {
        String text = " " + NOT_A_WORD.matcher(normal(comment)).replaceAll(" ") + " ";
        List<String> themes = new ArrayList<>();
        needles.forEach((theme, keywords) -> {
            if (keywords.stream().anyMatch(text::contains)) {
                themes.add(theme);
            }
        });
        return themes;
    }

    /** Each keyword as the normalised, space-delimited phrase a comment's text must contain. */
    private static Map<String, List<String>> needles(Map<String, List<String>> rules) {
        Map<String, List<String>> needles = new LinkedHashMap<>();
        rules.forEach((theme, keywords) -> needles.put(theme, keywords.stream()
                .map(k -> " " + normal(k).trim() + " ").toList()));
        return needles;
    }

    Map<String, List<String>> rules(String language) {
        return cached(language).rules();
    }

    @SuppressWarnings("unchecked")
    private Cached cached(String language) {
        Cached cached = cache.get(language);
        if (cached == null || cached.readAt().isBefore(Instant.now().minus(FRESH))) {
            Document d = mongo.findById(language, Document.class, COLLECTION);
            Map<String, List<String>> rules = d == null ? Map.of() : (Map<String, List<String>>) (Map<?, ?>) d.get("rules", Document.class);
            cached = new Cached(new LinkedHashMap<>(rules), needles(rules), Instant.now());
            cache.put(language, cached);
        }
        return cached;
    }

    void save(String language, Map<String, List<String>> rules) {
        mongo.save(new Document("_id", language).append("rules", rules), COLLECTION);
        cache.remove(language);
    }

    public static String normal(String text) {
        return MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
    }
}
