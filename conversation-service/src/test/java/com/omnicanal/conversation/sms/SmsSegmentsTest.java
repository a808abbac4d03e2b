package com.omnicanal.conversation.sms;

import com.omnicanal.conversation.sms.SmsSegments.Segments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTest {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    @Test
    void emptyTextIsOneEmptySegment() {
        assertThat(SmsSegments.count("")).isEqualTo(new Segments("GSM-7", 0, 1));
        assertThat(SmsSegments.count(null)).isEqualTo(new Segments("GSM-7", 0, 1));
    }

    @Test
    void theWholeBasicSetIsGsm7AtOneSeptetEach() {
        assertThat(GSM_BASIC).hasSize(127);
        assertThat(SmsSegments.count(GSM_BASIC)).isEqualTo(new Segments("GSM-7", 127, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"^", "{", "}", "\\", "[", "~", "]", "|", "€", "\f"})
    void extensionCharactersTakeTwoSeptets(String character) {
        assertThat(SmsSegments.count(character)).isEqualTo(new Segments("GSM-7", 2, 1));
    }

    @Test
    void accentsOutsideTheGsmSetSwitchToUcs2() {
        assertThat(SmsSegments.count("¿Añadimos 5€ al pedido? ¡Sí o no!").encoding()).isEqualTo("UCS-2");
        assertThat(SmsSegments.count("¿Añadimos 5€ al pedido? ¡Si o no!"))
                .isEqualTo(new Segments("GSM-7", 34, 1));
    }

    @ParameterizedTest
    @CsvSource({"160,1", "161,2", "306,2", "307,3", "459,3", "460,4"})
    void gsm7SegmentBoundaries(int length, int segments) {
        assertThat(SmsSegments.count("a".repeat(length))).isEqualTo(new Segments("GSM-7", length, segments));
    }

    @Test
    void extensionCharactersCountTowardsTheSingleSegmentLimit() {
        assertThat(SmsSegments.count("a".repeat(158) + "€")).isEqualTo(new Segments("GSM-7", 160, 1));
        assertThat(SmsSegments.count("a".repeat(159) + "€")).isEqualTo(new Segments("GSM-7", 161, 2));
    }

    @Test
    void anEscapePairIsNeverSplitAcrossParts() {
        // 152 septets then "€" (2): the pair moves to part two, leaving one septet unused in part one
        String text = "a".repeat(152) + "€" + "a".repeat(152);
        assertThat(SmsSegments.count(text)).isEqualTo(new Segments("GSM-7", 306, 3));
        assertThat(SmsSegments.count("a".repeat(151) + "€" + "a".repeat(153))).isEqualTo(new Segments("GSM-7", 306, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ç", "á", "í", "ó", "ú", "Á", "`", "•", "中", "ä\u0301", "—", "“"})
    void anyOtherCharacterSwitchesToUcs2(String character) {
        Segments segments = SmsSegments.count("Hola " + character);

        assertThat(segments.encoding()).isEqualTo("UCS-2");
        assertThat(segments.characters()).isEqualTo(5 + character.length());
        assertThat(segments.segments()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"70,1", "71,2", "134,2", "135,3", "201,3", "202,4"})
    void ucs2SegmentBoundaries(int length, int segments) {
        assertThat(SmsSegments.count("ó".repeat(length))).isEqualTo(new Segments("UCS-2", length, segments));
    }

    @Test
    void emojiAreSurrogatePairsOfTwoUnits() {
        assertThat(SmsSegments.count("👍")).isEqualTo(new Segments("UCS-2", 2, 1));
        assertThat(SmsSegments.count("👍".repeat(35))).isEqualTo(new Segments("UCS-2", 70, 1));
        assertThat(SmsSegments.count("👍".repeat(36))).isEqualTo(new Segments("UCS-2", 72, 2));
        assertThat(SmsSegments.count("Gracias 🙏🏽")).isEqualTo(new Segments("UCS-2", 12, 1));
    }

    @Test
    void aSurrogatePairIsNeverSplitAcrossParts() {
        // 66 units then an emoji (2) does not fit the 67 of part one
        assertThat(SmsSegments.count("a".repeat(66) + "👍" + "a".repeat(66))).isEqualTo(new Segments("UCS-2", 134, 3));
        assertThat(SmsSegments.count("a".repeat(65) + "👍" + "a".repeat(67))).isEqualTo(new Segments("UCS-2", 134, 2));
    }
}
