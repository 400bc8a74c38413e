package org.tabale.broker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.kafka.common.KafkaException;

/**
 * An exclusive lock on a broker's data directory ({@code DIR/.broker.lock}), held from before the
 * log is formatted or opened until the broker has stopped. Another process, or another broker in
 * this JVM, that tries the same directory fails at once with a message naming it.
 */
final class DataDirLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(".broker.lock").toAbsolutePath();
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new KafkaException(inUse(dataDir));
            }
            return new DataDirLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw new KafkaException(inUse(dataDir), e);
        } catch (IOException e) {
            close(channel);
            throw new KafkaException("Could not lock the broker data directory " + dataDir, e);
        } catch (KafkaException e) {
            close(channel);
            throw e;
        }
    }

    private static String inUse(Path dataDir) {
        return "The broker data directory " + dataDir.toAbsolutePath() + " is in use by another broker (lock held on "
                + ".broker.lock): stop it, or set another data directory";
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close below releases it too
        }
        close(channel);
    }
}
