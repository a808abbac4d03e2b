package com.omnicanal.feedback.response;

import com.omnicanal.feedback.survey.SurveyDefinition;
import com.omnicanal.feedback.survey.SurveyDefinition.Question;
import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Map;

/**
 * The public survey page: server-rendered, small, mobile-first and accessible (every control has its label, each
 * question is a fieldset with its legend, it works with the keyboard and without JavaScript).
 */
public final class SurveyPage {

    private SurveyPage() {
    }

    public static String form(String brand, SurveyDefinition.Localized survey, String language, String error) {
        return form(brand, survey, language, error, "");
    }

    /** With {@code extra} (already escaped HTML) before the submit button. */
    public static String form(String brand, SurveyDefinition.Localized survey, String language, String error, String extra) {
        return form(brand, survey, language, error, extra, Map.of(), false);
    }

    /**
     * A personal link's page: the answers saved so far filled in, a "save and finish later" button, and — where
     * scripts run — each change saved as the respondent goes (the page works the same without them).
     */
    static String personal(String brand, SurveyDefinition.Localized survey, String language, String error,
                           Map<String, List<String>> saved) {
        return form(brand, survey, language, error, "", saved, true);
    }

    private static String form(String brand, SurveyDefinition.Localized survey, String language, String error, String extra,
                               Map<String, List<String>> saved, boolean partials) {
        boolean es = language.equals("es");
        StringBuilder html = head(brand, survey.title(), language);
        html.append("<h1>").append(esc(survey.title())).append("</h1>");
        if (error != null) {
            html.append("<p role=\"alert\" class=\"error\">").append(esc(error)).append("</p>");
        }
        html.append("<form method=\"post\" id=\"survey\"><input type=\"hidden\" name=\"lang\" value=\"").append(esc(language)).append("\">");
        for (Question q : survey.questions()) {
            question(html, q, saved.getOrDefault(q.id(), List.of()));
        }
        html.append(extra).append("<button type=\"submit\">").append(es ? "Enviar" : "Send").append("</button>");
        if (partials) {
            html.append(" <button type=\"submit\" name=\"action\" value=\"save\" formnovalidate>")
                    .append(es ? "Guardar y seguir luego" : "Save and finish later").append("</button>")
                    .append("<p role=\"status\" id=\"saved\"></p>").append(AUTOSAVE);
        }
        return html.append("</form></main></body></html>").toString();
    }

    // each change is posted as a save (no page reload); without scripts the save button does the same
    private static final String AUTOSAVE = "<script>(function(){var f=document.getElementById('survey');"
            + "f.addEventListener('change',function(){var d=new URLSearchParams(new FormData(f));d.set('action','save');"
            + "fetch(location.pathname,{method:'POST',body:d,keepalive:true}).then(function(r){if(r.ok){"
            + "document.getElementById('saved').textContent='\u2713';}});});})();</script>";

    public static String message(String brand, String title, String text, String language) {
        return head(brand, title, language).append("<h1>").append(esc(title)).append("</h1><p>").append(esc(text))
                .append("</p></main></body></html>").toString();
    }

    private static void question(StringBuilder html, Question q, List<String> saved) {
        String name = "q_" + q.id();
        if (q.type().equals("text")) {
            html.append("<p><label for=\"").append(name).append("\">").append(esc(q.text())).append("</label><textarea id=\"")
                    .append(name).append("\" name=\"").append(name).append("\" rows=\"3\" maxlength=\"2000\"")
                    .append(q.required() ? " required" : "").append(">").append(saved.isEmpty() ? "" : esc(saved.getFirst()))
                    .append("</textarea></p>");
            return;
        }
        html.append("<fieldset><legend>").append(esc(q.text())).append(q.required() ? " *" : "").append("</legend>");
        String input = q.type().equals("multiple") ? "checkbox" : "radio";
        for (String option : options(q)) {
            html.append("<label class=\"option\"><input type=\"").append(input).append("\" name=\"").append(name)
                    .append("\" value=\"").append(esc(option)).append("\"")
                    .append(q.required() && input.equals("radio") ? " required" : "")
                    .append(saved.contains(option) ? " checked" : "").append("> ").append(esc(option))
                    .append("</label>");
        }
        html.append("</fieldset>");
    }

    static java.util.List<String> options(Question q) {
        return switch (q.type()) {
            case "rating" -> java.util.stream.IntStream.rangeClosed(q.min(), q.max()).mapToObj(String::valueOf).toList();
            case "consent" -> java.util.List.of("yes", "no");
            default -> q.options();
        };
    }

    private static StringBuilder head(String brand, String title, String language) {
        return new StringBuilder("<!doctype html><html lang=\"").append(esc(language)).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(esc(title))
                .append(" · ").append(esc(brand)).append("</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:0}")
                .append("header{background:#1f4e79;color:#fff;padding:.75rem 1rem}main{max-width:36rem;margin:auto;padding:1rem}")
                .append("fieldset{border:1px solid #ccc;margin:0 0 1rem;padding:.5rem}.option{display:inline-block;")
                .append("min-width:2.75rem;padding:.4rem}textarea{width:100%}button{font:inherit;padding:.6rem 1.2rem}")
                .append(".error{color:#a00}</style></head><body><header>").append(esc(brand)).append("</header><main>");
    }

    public static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8"); // only &<>"' escaped: the page is UTF-8
    }
}
