package org.tabale.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real feed files kept outside the repository, in {@code shared/data/feeds} beside it (ACLED's
 * terms forbid copying them in). A suite annotated {@link Required} is reported skipped, not
 * passed, where they are absent. {@code -Dtabale.feeds.dir=DIR} points elsewhere.
 */
public final class SharedFeeds {

    public static final String PROPERTY = "tabale.feeds.dir";

    private SharedFeeds() {
    }

    /** Marks a test class that reads the real feeds. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(Condition.class)
    public @interface Required {
    }

    /** The feeds directory, found as {@code shared/data/feeds} in the working directory or any parent. */
    public static Optional<Path> dir() {
        String override = System.getProperty(PROPERTY);
        if (override != null) {
            return Optional.of(Path.of(override)).filter(Files::isDirectory);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path feeds = dir.resolve("shared").resolve("data").resolve("feeds");
            if (Files.isDirectory(feeds)) {
                return Optional.of(feeds);
            }
        }
        return Optional.empty();
    }

    /** A file under the feeds directory; only call it from a class marked {@link Required}. */
    public static Path file(String relative) {
        return dir().orElseThrow().resolve(relative);
    }

    static final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return dir().map(d -> ConditionEvaluationResult.enabled("real feeds in " + d))
                    .orElseGet(() -> ConditionEvaluationResult.disabled(
                            "no shared/data/feeds beside the repository (or -D" + PROPERTY + "): real-feed suite skipped"));
        }
    }
}
