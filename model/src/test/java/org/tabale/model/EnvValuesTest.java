package org.tabale.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvValuesTest {

    @Test
    void shouldGiveTheDefaultForUnsetOrBlankAndParseTheRest() {
        Map<String, String> env = Map.of("A", " 12 ", "B", "", "C", "0.25");

        assertThat(EnvValues.number(env, "A", 1, 0, 100)).isEqualTo(12);
        assertThat(EnvValues.integer(env, "B", 7)).isEqualTo(7);
        assertThat(EnvValues.integer(env, "MISSING", 7)).isEqualTo(7);
        assertThat(EnvValues.decimal(env, "C", 1)).isEqualTo(0.25);
    }

    @Test
    void shouldRefuseWithTheVariablesNameAndValue() {
        Map<String, String> env = Map.of("PORT", "80a", "RATE", "x", "SIZE", "1000");

        assertThatThrownBy(() -> EnvValues.integer(env, "PORT", 1)).hasMessage("PORT must be a whole number, was '80a'");
        assertThatThrownBy(() -> EnvValues.decimal(env, "RATE", 1)).hasMessage("RATE must be a number, was 'x'");
        assertThatThrownBy(() -> EnvValues.number(env, "SIZE", 1, 0, 999)).hasMessage("SIZE must be between 0 and 999, was 1000");
    }
}
