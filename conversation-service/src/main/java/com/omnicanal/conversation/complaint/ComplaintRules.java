package com.omnicanal.conversation.complaint;

import com.omnicanal.conversation.inbox.Conversation;
import com.omnicanal.conversation.inbox.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The keyword rule: a customer message with a complaint word opens a complaint (once per conversation). */
@Component
public class ComplaintRules {

    private final Complaints complaints;
    private final List<Pattern> keywords;

    ComplaintRules(Complaints complaints, @Value("${omni.complaints.keywords:reclamacion,queja,denuncia,estafa,"
            + "hoja de reclamaciones,abogado,complaint,refund,lawyer,scam}") List<String> keywords) {
        this.complaints = complaints;
        this.keywords = keywords.stream().map(k -> Pattern.compile("\\b" + Pattern.quote(normalise(k)) + "\\b")).toList();
    }

    /** True when the message opened a complaint (the conversation changed). */
    public boolean apply(Conversation c, Message message) {
        if (complaints.hasOpenComplaint(c) || message.text() == null) {
            return false;
        }
        String text = normalise(message.text());
        return keywords.stream().filter(k -> k.matcher(text).find()).findFirst().map(k -> complaints.open(c,
                new Complaints.Opening("rule:" + message.id(), "keyword", "medium", "keyword-rule",
                        "matched '" + k.pattern().replace("\\b", "").replace("\\Q", "").replace("\\E", "") + "'", null),
                Instant.now())).isPresent();
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
