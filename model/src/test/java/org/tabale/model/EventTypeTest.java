package org.tabale.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    @ParameterizedTest(name = "''{0}'' inter1={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            # current taxonomy (since March 2019)
            Battles                                    | 1    | BATTLES
            Explosions/Remote violence                 | 2    | EXPLOSIONS_REMOTE_VIOLENCE
            Violence against civilians                 | 3    | VIOLENCE_AGAINST_CIVILIANS
            Protests                                   | 6    | PROTESTS
            Protests                                   | 5    | PROTESTS
            Riots                                      | 5    | RIOTS
            Strategic developments                     | 1    | STRATEGIC_DEVELOPMENTS
            # case and surrounding space ignored
            BATTLES                                    | NULL | BATTLES
            Strategic Developments                     | NULL | STRATEGIC_DEVELOPMENTS
            '  explosions/remote VIOLENCE  '           | NULL | EXPLOSIONS_REMOTE_VIOLENCE
            # legacy taxonomy (before March 2019)
            Battle-No change of territory              | 1    | BATTLES
            Battle-Non-state actor overtakes territory | 2    | BATTLES
            Battle-Government regains territory        | 1    | BATTLES
            battle-no change of territory              | NULL | BATTLES
            Remote violence                            | 2    | EXPLOSIONS_REMOTE_VIOLENCE
            REMOTE VIOLENCE                            | NULL | EXPLOSIONS_REMOTE_VIOLENCE
            Riots/Protests                             | 5    | RIOTS
            Riots/Protests                             | ' 5 '| RIOTS
            Riots/Protests                             | Rioters | RIOTS
            riots/protests                             | 5    | RIOTS
            Riots/Protests                             | 6    | PROTESTS
            Riots/Protests                             | 1    | PROTESTS
            Riots/Protests                             | NULL | PROTESTS
            Riots/Protests                             | Protesters | PROTESTS
            Strategic development                      | 1    | STRATEGIC_DEVELOPMENTS
            Non-violent transfer of territory          | 2    | STRATEGIC_DEVELOPMENTS
            Headquarters or base established           | 2    | STRATEGIC_DEVELOPMENTS
            HEADQUARTERS OR BASE ESTABLISHED           | NULL | STRATEGIC_DEVELOPMENTS
            """)
    void shouldMapLabelWhenItIsCurrentOrLegacy(String label, String inter1, EventType expected) {
        assertThat(EventType.fromLabel(label, inter1)).contains(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL
            ''
            Picnic
            Battle
            Riots/Protest
            Violence against civilian
            """)
    void shouldRefuseLabelWhenItIsNoAcledEventType(String label) {
        assertThat(EventType.fromLabel(label, "5")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void shouldReadOwnLabelBackWhenLabelIsUsed(EventType type) {
        assertThat(EventType.fromLabel(type.label(), null)).contains(type);
    }

    @ParameterizedTest(name = "{0} violent={1}")
    @CsvSource(textBlock = """
            BATTLES,                    true
            EXPLOSIONS_REMOTE_VIOLENCE, true
            VIOLENCE_AGAINST_CIVILIANS, true
            PROTESTS,                   false
            RIOTS,                      false
            STRATEGIC_DEVELOPMENTS,     false
            """)
    void shouldCountAsViolentWhenTypeIsBattlesExplosionsOrViolenceAgainstCivilians(EventType type, boolean violent) {
        assertThat(type.violent()).isEqualTo(violent);
    }
}
