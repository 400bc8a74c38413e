package org.tabale.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of the process together, as Kafka Streams'
 * memory-management guide describes: one LRU block cache shared by all stores, index and filter
 * blocks counted in it, and memtables charged to the same cache through a write buffer manager.
 * The budget is {@value #MEMORY_CONFIG} bytes ({@code TABALE_STREAMS_MEMORY_MB}); without it,
 * each store would take its own 50 MiB cache and memtables, growing with the number of partitions.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

    /** The Streams config key carrying the budget in bytes. */
    public static final String MEMORY_CONFIG = "tabale.rocksdb.memory.bytes";
    /** Share of the budget that memtables may take. */
    private static final double WRITE_BUFFER_SHARE = 0.5;
    private static final long MEMTABLE_BYTES = 16L * 1024 * 1024;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;
    private static long budget;

    private static synchronized void ensureShared(long bytes) {
        if (cache == null || budget != bytes) {
            // RocksDB objects of a former budget stay open for the stores still using them.
            budget = bytes;
            cache = new LRUCache(bytes, -1, false, 0.1);
            writeBuffers = new WriteBufferManager((long) (bytes * WRITE_BUFFER_SHARE), cache);
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object configured = configs.get(MEMORY_CONFIG);
        long bytes = configured == null ? 256L * 1024 * 1024 : Long.parseLong(configured.toString());
        ensureShared(bytes);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setWriteBufferSize(MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared: they live as long as the process.
    }
}
