package org.tabale.alerts.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gsm7Test {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Ménaka|Ménaka",
            "Ségou|Ségou",
            "Tombouctou|Tombouctou",
            "Tillabéri|Tillabéri",
            "Fête à Kidal|Fete à Kidal",
            "reçu, côte, île, bœuf|recu, cote, ile, boeuf",
            "« guillemets » – l’été…|\" guillemets \" - l'été...",
            "Paix 和平|Paix ??",
    })
    void shouldKeepGsmAccentsAndTransliterateTheRest(String text, String expected) {
        String gsm = Gsm7.transliterate(text);

        assertThat(gsm).isEqualTo(expected);
        assertThat(Gsm7.isGsm(gsm)).isTrue();
    }

    @ParameterizedTest(name = "{0} takes {1} septets")
    @CsvSource(delimiter = '|', value = {"Mopti|5", "Ménaka|6", "5€|3", "[x]|5", "a\\b|4"})
    void shouldCountExtensionCharactersAsTwoSeptets(String text, int septets) {
        assertThat(Gsm7.septets(text)).isEqualTo(septets);
    }

    @ParameterizedTest
    @CsvSource({"ê", "ç", "中"})
    void shouldRefuseToCountACharacterOutsideTheAlphabet(String text) {
        assertThatThrownBy(() -> Gsm7.septets(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
    }
}
