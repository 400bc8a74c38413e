package org.tabale.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.tabale.model.ConflictEvent;
import org.tabale.model.EventDeletion;
import org.tabale.model.EventType;
import org.tabale.model.Topics;

class TimestampScanTest {

    @Property(tries = 500)
    void shouldFindTheTimestampOfEveryEventAsJacksonWritesIt(@ForAll("text") String notes, @ForAll("text") String actor,
                                                             @ForAll("timestamps") long timestamp) {
        ConflictEvent event = new ConflictEvent("MLI1", LocalDate.of(2019, 3, 1), 1, null, EventType.BATTLES, null, actor,
                null, null, null, null, null, null, null, 466, null, "Mali", "Mopti", null, null, null, 14.5, -4.2, 1,
                "\"timestamp\":1", null, notes, 3, null, timestamp, "MLI.Mopti", "acled");
        byte[] json = Topics.EVENTS.valueSerde().serializer().serialize("t", event);

        assertThat(TimestampScan.find(json, TimestampScan.EVENT)).isEqualTo(timestamp);
    }

    @Property(tries = 200)
    void shouldFindTheTimestampOfEveryDeletion(@ForAll("timestamps") long timestamp) {
        byte[] json = Topics.DELETIONS.valueSerde().serializer().serialize("t", new EventDeletion("MLI1", timestamp));

        assertThat(TimestampScan.find(json, TimestampScan.DELETION)).isEqualTo(timestamp);
        assertThat(TimestampScan.find(json, TimestampScan.EVENT)).isEqualTo(-1);
    }

    @Test
    void shouldLeaveWhatItCannotReadPlainlyToTheParser() {
        for (String json : new String[] {"{\"timestamp\" : 5}", "{\"timestamp\":5,\"timestamp\":6}", "{\"timestamp\":-5}",
                "{\"timestamp\":5.0}", "{\"timestamp\":\"5\"}", "{\"timestamp\":5", "{}", "",
                "{\"timestamp\":1234567890123456789}"}) {
            assertThat(TimestampScan.find(json.getBytes(StandardCharsets.UTF_8), TimestampScan.EVENT)).as(json).isEqualTo(-1);
        }
        assertThat(TimestampScan.find("{\"a\":\"x\",\"timestamp\":17}".getBytes(StandardCharsets.UTF_8), TimestampScan.EVENT))
                .isEqualTo(17);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of("\"timestamp\":1,", "say \"timestamp\":99} x", "\\", "\\\"timestamp\\\":3", "{\"timestamp\":4}"))
                .injectNull(0.2);
    }

    @Provide
    Arbitrary<Long> timestamps() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 2_000_000_000L), Arbitraries.longs().between(0, 999_999_999_999_999_999L));
    }
}
