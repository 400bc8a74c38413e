package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instance id: the same across restarts on one data directory, another on another one, or the one given. */
class InstanceIdTest {

    @Test
    void shouldKeepTheIdItCreatedInTheDataDirectory(@TempDir Path dataDir) throws Exception {
        String first = InstanceId.resolve(Map.of(), dataDir);

        assertThat(first).matches("tabale-[0-9a-f]{12}");
        assertThat(Files.readString(dataDir.resolve(InstanceId.FILE)).trim()).isEqualTo(first);
        assertThat(InstanceId.resolve(Map.of(), dataDir)).isEqualTo(first);
    }

    @Test
    void shouldGiveAnotherDataDirectoryAnotherId(@TempDir Path one, @TempDir Path other) {
        assertThat(InstanceId.resolve(Map.of(), one)).isNotEqualTo(InstanceId.resolve(Map.of(), other));
    }

    @Test
    void shouldTakeTheIdGivenAndRefuseAnIllegalOne(@TempDir Path dataDir) {
        assertThat(InstanceId.resolve(Map.of(InstanceId.ENV, " streams-1 "), dataDir)).isEqualTo("streams-1");
        assertThat(dataDir.resolve(InstanceId.FILE)).doesNotExist();
        assertThatThrownBy(() -> InstanceId.resolve(Map.of(InstanceId.ENV, "streams 1"), dataDir))
                .hasMessageContaining(InstanceId.ENV);
    }
}
