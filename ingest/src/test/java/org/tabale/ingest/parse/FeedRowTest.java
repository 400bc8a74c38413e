package org.tabale.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedRowTest {

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"27.5", " 27.5 ", "\t27.5\r", "\u00A027.5", "27.5\u00A0\u00A0", "\u202F27.5\u2007"})
    void shouldTrimSpacesIncludingNoBreakSpacesWhenValueIsPadded(String raw) {
        // given
        FeedRow row = new FeedRow(1, Map.of("longitude", raw), raw);

        // when / then
        assertThat(row.get("longitude")).isEqualTo("27.5");
    }

    @Test
    void shouldKeepInnerSpacesWhenTrimming() {
        assertThat(new FeedRow(1, Map.of("actor1", "\u00A0Civilians\u00A0(Mali) "), "").get("actor1"))
                .isEqualTo("Civilians\u00A0(Mali)");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", " ", "\u00A0", " \u00A0\t"})
    void shouldGiveNullWhenValueIsBlank(String raw) {
        FeedRow row = new FeedRow(1, Map.of("admin1", raw), raw);

        assertThat(row.get("admin1")).isNull();
        assertThat(row.has("admin1")).isTrue();
    }

    @Test
    void shouldFindColumnWhateverCaseItIsAskedIn() {
        FeedRow row = new FeedRow(1, Map.of("event_id_cnty", "MLI1"), "MLI1");

        assertThat(row.get("EVENT_ID_CNTY")).isEqualTo("MLI1");
        assertThat(row.has("Event_Id_Cnty")).isTrue();
        assertThat(row.get("iso")).isNull();
        assertThat(row.has("iso")).isFalse();
    }
}
