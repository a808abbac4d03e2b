package com.omnicanal.conversation.bot;

import java.util.List;

/** One frequently asked question: the ways customers ask it, in one language, and the answer. */
record FaqEntry(String id, String language, List<String> questions, String answer) {

    FaqEntry {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
