package com.omnicanal.campaign.tracking;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Turns the links of a message into per-recipient short links {@code <base>/l/<code>}: opaque random codes (never
 * derived from the recipient), the same code again for the same send and URL, each a document read by {@code _id}.
 */
@Component
public class TrackedLinks {

    static final String LINKS = "links";
    private static final String KEYS = "link_keys";
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final String base;

    TrackedLinks(MongoTemplate mongo, @Value("${omni.links.base-url:http://localhost:8080}") String base) {
        this.mongo = mongo;
        this.base = base.replaceAll("/+$", "");
    }

    /** Who a message's links are for: the send (request id) and where in which journey it was. */
    public record Recipient(String requestId, String enrollmentId, String profileId, String journeyId, String phase,
                            String step, String variant) {
    }

    public String rewrite(String text, Recipient r) {
        if (text == null) {
            return null;
        }
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = m.group();
            String tracked = url.startsWith(base + "/l/") ? url : base + "/l/" + code(r, url);
            m.appendReplacement(out, Matcher.quoteReplacement(tracked));
        }
        return m.appendTail(out).toString();
    }

    String link(String code) {
        return base + "/l/" + code;
    }

    private String code(Recipient r, String url) {
        Document key = mongo.findAndModify(query(where("_id").is(digest(r.requestId() + "|" + url))),
                new Update().setOnInsert("code", newCode()), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, KEYS);
        String code = key.getString("code");
        try {
            mongo.upsert(query(where("_id").is(code)), new Update().setOnInsert("kind", "message").setOnInsert("url", url)
                    .setOnInsert("requestId", r.requestId()).setOnInsert("enrollmentId", r.enrollmentId())
                    .setOnInsert("profileId", r.profileId()).setOnInsert("journeyId", r.journeyId())
                    .setOnInsert("phase", r.phase()).setOnInsert("step", r.step()).setOnInsert("variant", r.variant())
                    .setOnInsert("clicks", 0).setOnInsert("createdAt", Instant.now()), LINKS);
        } catch (DuplicateKeyException sameSendAtOnce) {
            // the other writer created the same link
        }
        return code;
    }

    static String newCode() {
        char[] code = new char[11]; // 62^11 ≈ 2^65: not guessable, short enough for an SMS
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
