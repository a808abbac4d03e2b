package com.omnicanal.feedback.touchpoint;

import com.omnicanal.feedback.response.SurveyPage;
import com.omnicanal.feedback.survey.SurveyDefinition;

/** The QR page's own words in Spanish and English: the optional, consented identification block and its errors. */
final class QrPageText {

    private QrPageText() {
    }

    /** The asked language when the survey has it, else Spanish, else the survey's first. */
    static String language(SurveyDefinition d, String asked) {
        return asked != null && d.languages().containsKey(asked) ? asked : d.languages().containsKey("es") ? "es"
                : d.languages().keySet().iterator().next();
    }

    static String identification(String language, Touchpoint touchpoint) {
        boolean es = language.equals("es");
        String place = touchpoint.name() == null ? touchpoint.storeId() : touchpoint.name();
        return "<p>" + (es ? "Tienda: " : "Store: ") + SurveyPage.esc(place) + "</p>"
                + "<fieldset><legend>" + (es ? "¿Quieres que te respondamos? (opcional)" : "Would you like a reply? (optional)")
                + "</legend><p><label for=\"contact\">" + (es ? "Tu teléfono o email" : "Your phone or e-mail")
                + "</label> <input id=\"contact\" name=\"contact\" type=\"text\" maxlength=\"254\" autocomplete=\"email\"></p>"
                + "<p><label><input type=\"checkbox\" name=\"consent\" value=\"yes\"> " + (es
                ? "Acepto que mi respuesta se asocie a este contacto para que podáis responderme."
                : "I agree that my answer is linked to this contact so that you can reply to me.") + "</label></p></fieldset>";
    }

    static String thanks(String language) {
        return language.equals("es") ? "¡Gracias por tu opinión!" : "Thank you for your feedback!";
    }

    static String badContact(String language) {
        return language.equals("es") ? "Escribe un teléfono o un email válido, o deja el campo vacío."
                : "Enter a valid phone or e-mail, or leave the field empty.";
    }

    static String consentMissing(String language) {
        return language.equals("es") ? "Para asociar tu respuesta a tu contacto, marca la casilla de consentimiento."
                : "To link your answer to your contact, tick the consent box.";
    }
}
