package org.tabale.ingest.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeyTest {

    private static final Identity SOMEONE = new Identity(null, "+22376123456", null);

    private static String pseudonymUnder(PseudonymKey key) {
        return new Pseudonymiser(key).pseudonym(SOMEONE, "MLI").orElseThrow();
    }

    @Test
    void shouldRefuseAShortKeyNamingTheVariableWithoutShowingTheKey() {
        assertThatThrownBy(() -> PseudonymKey.validate(Map.of(PseudonymKey.ENV, "short-secret-17")))
                .hasMessageContaining("TABALE_PSEUDONYM_KEY").hasMessageContaining("32")
                .hasMessageNotContaining("short-secret-17");
    }

    @Test
    void shouldUseTheConfiguredKeyAndWriteNoFileWhenTheVariableIsSet(@TempDir Path data) {
        Map<String, String> env = Map.of(PseudonymKey.ENV, "configured-key-0123456789abcdef-0123");

        PseudonymKey key = PseudonymKey.resolve(env, data);

        assertThat(pseudonymUnder(key)).isEqualTo(pseudonymUnder(PseudonymKey.of("configured-key-0123456789abcdef-0123")));
        assertThat(data.resolve(PseudonymKey.FILE)).doesNotExist();
    }

    @Test
    void shouldKeepAGeneratedKeyUnderTheDataDirectoryWhenTheVariableIsUnset(@TempDir Path data) throws Exception {
        PseudonymKey first = PseudonymKey.resolve(Map.of(), data.resolve("node"));
        PseudonymKey again = PseudonymKey.resolve(Map.of(), data.resolve("node"));
        PseudonymKey elsewhere = PseudonymKey.resolve(Map.of(), data.resolve("other"));

        Path file = data.resolve("node").resolve(PseudonymKey.FILE);
        assertThat(file).exists();
        assertThat(Files.readString(file).strip()).hasSize(64).matches("[0-9a-f]+");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(pseudonymUnder(again)).isEqualTo(pseudonymUnder(first));
        assertThat(pseudonymUnder(elsewhere)).isNotEqualTo(pseudonymUnder(first));
    }

    @Test
    void shouldRefuseATamperedKeyFile(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve(PseudonymKey.FILE), "too-short\n");

        assertThatThrownBy(() -> PseudonymKey.resolve(Map.of(), data)).hasMessageContaining(PseudonymKey.FILE)
                .hasMessageNotContaining("too-short");
    }
}
