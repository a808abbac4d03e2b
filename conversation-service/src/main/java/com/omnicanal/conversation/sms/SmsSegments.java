package com.omnicanal.conversation.sms;

/**
 * How an SMS text is billed: GSM-7 when every character is in the GSM 03.38 alphabet (extension
 * characters take two septets), UCS-2 otherwise. A long text travels as concatenated parts whose user
 * data header leaves 153 septets or 67 UTF-16 units each; an escape pair or surrogate pair is never split.
 */
public final class SmsSegments {

    static final String GSM_7 = "GSM-7";
    static final String UCS_2 = "UCS-2";

    private static final int GSM_SINGLE = 160;
    private static final int GSM_PART = 153;
    private static final int UCS_SINGLE = 70;
    private static final int UCS_PART = 67;

    /** GSM 03.38 basic character set (0x1B, the escape, left out). */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** GSM 03.38 extension table: each is sent as escape + character. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    public static Segments count(String text) {
        String body = text == null ? "" : text;
        return isGsm(body) ? gsm(body) : ucs2(body);
    }

    private static boolean isGsm(String text) {
        return text.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
    }

    private static Segments gsm(String text) {
        int[] septets = text.chars().map(c -> EXTENSION.indexOf(c) >= 0 ? 2 : 1).toArray();
        return new Segments(GSM_7, sum(septets), parts(septets, GSM_SINGLE, GSM_PART));
    }

    private static Segments ucs2(String text) {
        int[] units = text.codePoints().map(Character::charCount).toArray();
        return new Segments(UCS_2, text.length(), parts(units, UCS_SINGLE, UCS_PART));
    }

    /** Packs indivisible units into parts, the way handsets and carriers do. */
    private static int parts(int[] units, int single, int part) {
        if (sum(units) <= single) {
            return 1;
        }
        int parts = 1;
        int used = 0;
        for (int unit : units) {
            if (used + unit > part) {
                parts++;
                used = 0;
            }
            used += unit;
        }
        return parts;
    }

    private static int sum(int[] units) {
        int total = 0;
        for (int unit : units) {
            total += unit;
        }
        return total;
    }

    /** The encoding, the septets (GSM-7) or UTF-16 units (UCS-2) billed, and the number of parts; empty text is one part. */
    public record Segments(String encoding, int characters, int segments) {
    }
}
