package org.tabale.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFeedReaderTest {

    private static final Set<String> REQUIRED = AcledRowMapper.REQUIRED_COLUMNS;

    @Test
    void shouldKeyFieldsByLowerCaseColumnWhenHeaderIsUpperCase() {
        // given the 2016 All-Africa dialect: upper case, ALLY_ACTOR_1, GWNO and 7 blank trailing columns
        String csv = """
                GWNO,EVENT_ID_CNTY,EVENT_DATE,EVENT_TYPE,ALLY_ACTOR_1,ALLY_ACTOR_2,COUNTRY,FATALITIES,,,,,,,\r
                432,9201RTA,29/12/2015,Remote violence,Invented Allies,,Mali,2,,,,,,,\r
                """;

        // when
        List<FeedRow> rows = CsvFeedReader.read(csv, REQUIRED);

        // then
        assertThat(rows).containsExactly(new FeedRow(1, Map.of("gwno", "432", "event_id_cnty", "9201RTA",
                "event_date", "29/12/2015", "event_type", "Remote violence", "assoc_actor_1", "Invented Allies",
                "assoc_actor_2", "", "country", "Mali", "fatalities", "2"),
                "432,9201RTA,29/12/2015,Remote violence,Invented Allies,,Mali,2,,,,,,,"));
    }

    @Test
    void shouldSkipHxlHashtagRowWhenItFollowsHeader() {
        // when
        List<FeedRow> rows = CsvFeedReader.read(TextDecoder.decode(Fixtures.bytes("hdx_hxl_second_row.csv")), REQUIRED);

        // then the hashtag row is neither data nor counted as a row
        assertThat(rows).extracting(FeedRow::row, r -> r.get("event_id_cnty"))
                .containsExactly(tuple(1L, "MLI90041"),
                        tuple(2L, "MLI90042"));
    }

    @Test
    void shouldStripByteOrderMarkFromFirstColumnWhenTextStillHasOne() {
        // given text decoded by something other than TextDecoder, BOM kept
        String csv = "\uFEFFevent_id_cnty,event_date,event_type,country,fatalities\nMLI1,2020-12-31,Battles,Mali,0\n";

        // when
        List<FeedRow> rows = CsvFeedReader.read(csv, REQUIRED);

        // then
        assertThat(rows).singleElement().extracting(r -> r.get("event_id_cnty")).isEqualTo("MLI1");
    }

    @Test
    void shouldIgnoreUnnamedRowIndexColumnWhenExportCameFromR() {
        // given the R write.csv dialect: a first column named ""
        String csv = """
                "","country","event_date","event_type","fatalities"
                "1","Burkina Faso","2022-09-23","Protests",0
                """;

        // when
        List<FeedRow> rows = CsvFeedReader.read(csv, REQUIRED);

        // then
        assertThat(rows).singleElement().extracting(FeedRow::fields).isEqualTo(Map.of("country", "Burkina Faso",
                "event_date", "2022-09-23", "event_type", "Protests", "fatalities", "0"));
    }

    @Test
    void shouldKeepQuotedCommasAndLineBreaksInsideOneFieldWhenRowIsQuoted() {
        // given
        String csv = "event_id_cnty,event_date,event_type,country,fatalities,notes\n"
                + "MLI1,2020-12-31,Battles,Mali,0,\"Gao, Mali: first line\nsecond line, with \"\"quotes\"\"\"\n";

        // when
        List<FeedRow> rows = CsvFeedReader.read(csv, REQUIRED);

        // then
        assertThat(rows).singleElement().extracting(r -> r.get("notes"))
                .isEqualTo("Gao, Mali: first line\nsecond line, with \"quotes\"");
    }

    @Test
    void shouldKeepOriginalAsReparseableCsvWhenFieldsContainCommas() {
        // given a row whose notes contain a comma and quotes
        String line = "MLI1,2020-12-31,Battles,Mali,0,\"Near Gao, 2 \"\"invented\"\" deaths\"";
        String csv = "event_id_cnty,event_date,event_type,country,fatalities,notes\n" + line + "\n";

        // when
        FeedRow row = CsvFeedReader.read(csv, REQUIRED).get(0);

        // then the original is the row as sent, and reads back as the same row
        assertThat(row.original()).isEqualTo(line);
        assertThat(CsvFeedReader.read("event_id_cnty,event_date,event_type,country,fatalities,notes\n"
                + row.original(), REQUIRED)).containsExactly(row);
    }

    @Test
    void shouldNumberDataRowsFromOneSkippingBlankLinesWhenLinesAreEmpty() {
        // given
        String csv = "event_id_cnty,event_date,event_type,country,fatalities\n\nMLI1,2020-12-31,Battles,Mali,0\n"
                + ",,,,\n\nMLI2,2020-12-31,Battles,Mali,0\n";

        // when
        List<FeedRow> rows = CsvFeedReader.read(csv, REQUIRED);

        // then
        assertThat(rows).extracting(FeedRow::row, r -> r.get("event_id_cnty"))
                .containsExactly(tuple(1L, "MLI1"),
                        tuple(2L, "MLI2"));
    }

    @Test
    void shouldLeaveMissingColumnsAbsentWhenRowIsShorterThanHeader() {
        // when
        FeedRow row = CsvFeedReader.read("event_id_cnty,event_date,event_type,country,fatalities,notes\nMLI1,2020-12-31\n",
                REQUIRED).get(0);

        // then
        assertThat(row.has("event_date")).isTrue();
        assertThat(row.has("country")).isFalse();
        assertThat(row.get("country")).isNull();
    }

    @Test
    void shouldReturnNoRowsWhenBodyIsOnlyHeader() {
        assertThat(CsvFeedReader.read("event_id_cnty,event_date,event_type,country,fatalities\r\n", REQUIRED)).isEmpty();
    }

    @Test
    void shouldNameMissingHeaderColumnsWhenBodyIsNotCsv() {
        // given an HTML error page sent as the feed
        String html = "<html><body><h1>503 Service Unavailable</h1></body></html>\n";

        // when / then
        assertThatThrownBy(() -> CsvFeedReader.read(html, REQUIRED))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("header lacks country, event_date, event_type, fatalities")
                .hasMessageContaining("503 Service Unavailable");
    }

    @Test
    void shouldNameOnlyTheMissingColumnsWhenHeaderLacksSome() {
        assertThatThrownBy(() -> CsvFeedReader.read("event_id_cnty,event_date,country\nMLI1,2020-12-31,Mali\n", REQUIRED))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("header lacks event_type, fatalities");
    }

    @Test
    void shouldAbbreviateFirstLineWhenItIsLong() {
        String wide = "x".repeat(500);

        assertThatThrownBy(() -> CsvFeedReader.read(wide, REQUIRED))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageEndingWith("...)")
                .hasMessageNotContaining("x".repeat(121));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", " ", "\n\n", "\r\n \t\r\n"})
    void shouldRefuseBodyWhenItIsEmpty(String body) {
        assertThatThrownBy(() -> CsvFeedReader.read(body, REQUIRED))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("body is empty: expected CSV with a header row");
    }

    @Test
    void shouldRefuseBodyWhenQuoteIsNeverClosed() {
        String csv = "event_id_cnty,event_date,event_type,country,fatalities\nMLI1,\"2020-12-31,Battles,Mali,0\n";

        assertThatThrownBy(() -> CsvFeedReader.read(csv, REQUIRED))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageStartingWith("body is not valid CSV");
    }
}
