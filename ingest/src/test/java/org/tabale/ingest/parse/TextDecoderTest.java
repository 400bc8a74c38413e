package org.tabale.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void shouldDecodeUtf8WhenBytesAreValidUtf8() {
        // given
        byte[] bytes = "admin1,notes\nSégou,farmers’ fields\n".getBytes(StandardCharsets.UTF_8);

        // when
        String text = TextDecoder.decode(bytes);

        // then
        assertThat(text).isEqualTo("admin1,notes\nSégou,farmers’ fields\n");
    }

    @Test
    void shouldDropByteOrderMarkWhenUtf8StartsWithOne() {
        // given
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'e', 'v', 'e', 'n', 't', '_', 'i', 'd',
                ',', (byte) 0xC3, (byte) 0xA9};

        // when
        String text = TextDecoder.decode(bytes);

        // then
        assertThat(text).isEqualTo("event_id,é");
    }

    @Test
    void shouldDecodeWindows1252WhenApostropheIsByte0x92() {
        // given the Excel-era encoding: 0x92 right single quote, 0xE9 e-acute, 0x85 ellipsis
        byte[] bytes = {'y', 'o', 'u', 't', 'h', 's', (byte) 0x92, ' ', 'B', (byte) 0xE9, 'n', (byte) 0x85};

        // when
        String text = TextDecoder.decode(bytes);

        // then
        assertThat(text).isEqualTo("youths\u2019 B\u00e9n\u2026");
    }

    @Test
    void shouldDecodeWholeWindows1252FileWhenOnlyLaterBytesAreNotUtf8() {
        // given a file whose first kilobytes are ASCII and whose first 0x92 comes late
        String original = "x".repeat(10_000) + ",the mayor’s office, Ségou\r\n";
        byte[] bytes = original.getBytes(WINDOWS_1252);

        // when
        String text = TextDecoder.decode(bytes);

        // then
        assertThat(text).isEqualTo(original);
    }

    @Test
    void shouldDecodeSyntheticWindows1252FixtureWhenReadFromResource() {
        // when
        String text = TextDecoder.decode(Fixtures.bytes("allafrica_2016_style_cp1252.csv"));

        // then
        assertThat(text).contains("Invented youths’ riot near the mayor’s office")
                .contains("Radio Invented Bénévole")
                .doesNotContain("\uFFFD");
    }

    @Test
    void shouldRefuseBodyWhenBytesAreNeitherUtf8NorWindows1252() {
        // given 0x81 is undefined in Windows-1252 and invalid as a UTF-8 start byte
        byte[] bytes = {'a', ',', (byte) 0x81, 'b'};

        // when / then
        assertThatThrownBy(() -> TextDecoder.decode(bytes))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("UTF-8")
                .hasMessageContaining("Windows-1252");
    }

    @Test
    void shouldDecodeEmptyBodyToEmptyText() {
        assertThat(TextDecoder.decode(new byte[0])).isEmpty();
        assertThat(TextDecoder.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).isEmpty();
    }
}
