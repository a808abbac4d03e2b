package com.omnicanal.conversation.channel;

import java.util.List;

/**
 * Tappable choices with a message (WhatsApp's {@code interactive}): reply buttons when they fit — at most
 * {@value #MAX_BUTTONS} choices, titles up to {@value #BUTTON_TITLE} characters, no descriptions — else a list behind
 * the {@code button} label. Channels without buttons get {@link #asText()}: the body and a numbered list.
 */
public record Interactive(String body, String button, List<Choice> choices) {

    public static final int MAX_BUTTONS = 3;
    public static final int BUTTON_TITLE = 20;
    public static final String DEFAULT_BUTTON = "Elegir";

    public Interactive {
        choices = choices == null ? List.of() : choices;
    }

    /** One choice: {@code id} comes back with the customer's tap, {@code title} is what they see. */
    public record Choice(String id, String title, String description) {
    }

    /** {@code buttons} or {@code list}: what WhatsApp shows. */
    public String form() {
        boolean fitsButtons = choices.size() <= MAX_BUTTONS && choices.stream().allMatch(c -> c.description() == null
                && c.title().codePointCount(0, c.title().length()) <= BUTTON_TITLE);
        return fitsButtons ? "buttons" : "list";
    }

    public String buttonOrDefault() {
        return button == null || button.isBlank() ? DEFAULT_BUTTON : button;
    }

    /** The same message for a channel that shows no buttons: nothing is lost, the customer types the number. */
    public String asText() {
        StringBuilder text = new StringBuilder(body);
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            text.append('\n').append(i + 1).append(". ").append(c.title())
                    .append(c.description() == null ? "" : " — " + c.description());
        }
        return text.toString();
    }
}
