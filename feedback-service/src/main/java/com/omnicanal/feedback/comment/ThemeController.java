package com.omnicanal.feedback.comment;

import com.omnicanal.support.problem.InvalidRequestException;
import com.omnicanal.support.problem.ProblemHandling.InvalidField;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Supervisors, marketers and admins edit the theme rules of a language; each bad rule is named (nothing saved). */
@RestController
@PreAuthorize("hasAnyRole('supervisor', 'marketer', 'admin')")
class ThemeController {

    private final Themes themes;

    ThemeController(Themes themes) {
        this.themes = themes;
    }

    record ThemeRules(Map<String, List<String>> rules) {
    }

    @PutMapping("/api/feedback/themes/{language:[a-z]{2}}")
    ThemeRules save(@PathVariable String language, @RequestBody ThemeRules body) {
        List<InvalidField> problems = new ArrayList<>();
        if (body.rules() == null || body.rules().size() > 100) {
            problems.add(new InvalidField("rules", "from 1 to 100 themes, each with its keywords"));
        } else {
            body.rules().forEach((theme, keywords) -> check(theme, keywords, problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        themes.save(language, body.rules());
        return body;
    }

    @GetMapping("/api/feedback/themes/{language:[a-z]{2}}")
    ThemeRules get(@PathVariable String language) {
        return new ThemeRules(themes.rules(language));
    }

    private static void check(String theme, List<String> keywords, List<InvalidField> problems) {
        if (!theme.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            problems.add(new InvalidField("rules." + theme, "a theme is a lower-case name (letters, digits, -)"));
        }
        if (keywords == null || keywords.isEmpty() || keywords.size() > 200
                || keywords.stream().anyMatch(k -> k == null || k.isBlank() || k.length() > 60)) {
            problems.add(new InvalidField("rules." + theme, "from 1 to 200 keywords of at most 60 characters"));
        }
    }
}
