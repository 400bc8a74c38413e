package org.tabale.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EventDatesTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # older exports
            31 December 2020            | 2020-12-31
            1 January 2021              | 2021-01-01
            '22 FEBRUARY 2019'          | 2019-02-22
            # API and current exports
            2020-12-31                  | 2020-12-31
            '  2020-12-31  '            | 2020-12-31
            2019-03-23 00:00:00.000     | 2019-03-23
            2011-03-20 10:15:00         | 2011-03-20
            # re-saved in Excel
            9-May-20                    | 2020-05-09
            09-May-20                   | 2020-05-09
            9-MAY-20                    | 2020-05-09
            31-Dec-97                   | 1997-12-31
            27-Apr-2020                 | 2020-04-27
            # 2016 All-Africa file, day first
            29/12/2015                  | 2015-12-29
            3/1/2016                    | 2016-01-03
            29/02/2016                  | 2016-02-29
            # Unix seconds in the date column, read in UTC
            1609416000                  | 2020-12-31
            1609459199                  | 2020-12-31
            1609459200                  | 2021-01-01
            946684800                   | 2000-01-01
            """)
    void shouldParseDateWhenItIsInAnAcledFormat(String text, LocalDate expected) {
        assertThat(EventDates.parse(text)).contains(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "yesterday", "2020-13-01", "2020-02-30", "12/29/2015", "31/02/2020",
            "30 February 2020", "31-Feb-20", "29/02/2015", "2020/12/31", "20201231", "31-Dek-20", "Dec 31, 2020",
            "12345678"})
    void shouldGiveNoDateWhenTextIsNotARealDateInAnyAcledFormat(String text) {
        assertThat(EventDates.parse(text)).isEmpty();
    }
}
