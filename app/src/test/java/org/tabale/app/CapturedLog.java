package org.tabale.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Everything the logging backend writes while open, as text: each event with its logger, MDC, message
 * and whole stack trace, from every logger at the levels given (the others keep theirs). Closing
 * detaches it and restores the levels.
 */
final class CapturedLog implements AutoCloseable {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private final Map<Logger, Level> previous = new HashMap<>();
    private final Logger root;

    private CapturedLog(Map<String, Level> levels) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level [%thread] %logger %mdc - %msg%n%ex{full}");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender.setContext(context);
        appender.setName("captured-log");
        appender.setEncoder(encoder);
        appender.setOutputStream(bytes);
        appender.start();
        levels.forEach((name, level) -> {
            Logger logger = context.getLogger(name);
            previous.put(logger, logger.getLevel());
            logger.setLevel(level);
        });
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
    }

    /** Starts capturing, with {@code levels} ({@code org.tabale} → DEBUG, ...) for the loggers named. */
    static CapturedLog start(Map<String, Level> levels) {
        return new CapturedLog(levels);
    }

    /** What was written so far. */
    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        previous.forEach(Logger::setLevel);
    }
}
