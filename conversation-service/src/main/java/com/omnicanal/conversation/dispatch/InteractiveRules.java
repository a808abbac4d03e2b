package com.omnicanal.conversation.dispatch;

import com.omnicanal.conversation.channel.Interactive;
import com.omnicanal.support.problem.InvalidRequestException;
import com.omnicanal.support.problem.ProblemHandling.InvalidField;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * WhatsApp Cloud API's limits for interactive messages, checked on every request whatever the channel chosen later
 * (lengths in characters, i.e. Unicode code points): each violated limit is named in the 400.
 */
final class InteractiveRules {

    static final int BODY = 1024;
    static final int BUTTON_LABEL = 20;
    static final int MAX_CHOICES = 10;
    static final int ID = 200;
    static final int ROW_TITLE = 24;
    static final int DESCRIPTION = 72;

    private InteractiveRules() {
    }

    static void check(DispatchRequest request) {
        Interactive interactive = request.interactive();
        if (interactive == null) {
            return;
        }
        List<InvalidField> problems = new ArrayList<>();
        if (!request.attachments().isEmpty()) {
            problems.add(new InvalidField("attachments", "cannot go with an interactive message"));
        }
        required(problems, "interactive.body", interactive.body(), BODY, "an interactive message's body");
        longer(problems, "interactive.button", interactive.button(), BUTTON_LABEL, "a list's button label");
        if (interactive.choices().isEmpty() || interactive.choices().size() > MAX_CHOICES) {
            problems.add(new InvalidField("interactive.choices", "must hold 1 to " + MAX_CHOICES
                    + " choices (a WhatsApp list's most rows)"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < interactive.choices().size(); i++) {
            choice(problems, "interactive.choices[" + i + "]", interactive.choices().get(i), ids);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private static void choice(List<InvalidField> problems, String field, Interactive.Choice choice, Set<String> ids) {
        if (choice == null) {
            problems.add(new InvalidField(field, "must not be null"));
            return;
        }
        required(problems, field + ".id", choice.id(), ID, "a list row's id");
        required(problems, field + ".title", choice.title(), ROW_TITLE, "a list row's title");
        longer(problems, field + ".description", choice.description(), DESCRIPTION, "a list row's description");
        if (choice.id() != null && !ids.add(choice.id())) {
            problems.add(new InvalidField(field + ".id", "must be unique among the choices"));
        }
    }

    private static void required(List<InvalidField> problems, String field, String value, int max, String what) {
        if (value == null || value.isBlank()) {
            problems.add(new InvalidField(field, "must not be blank"));
        }
        longer(problems, field, value, max, what);
    }

    private static void longer(List<InvalidField> problems, String field, String value, int max, String what) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            problems.add(new InvalidField(field, "at most " + max + " characters (" + what + ")"));
        }
    }
}
