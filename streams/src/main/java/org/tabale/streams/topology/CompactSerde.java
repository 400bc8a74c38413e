package org.tabale.streams.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary serde for the topology's internal records (its stores, their changelogs and
 * its repartition topic), which no other service reads: a format byte, then the fields in a fixed
 * order as variable-length integers and length-prefixed UTF-8, with a marker for null. Several
 * times smaller and faster than JSON for the small records written for every event. Bad bytes
 * throw {@link SerializationException}, as {@link org.tabale.model.JsonSerde} does.
 *
 * @param <T> the record
 */
final class CompactSerde<T> implements Serde<T> {

    /** Writes the fields of a value. */
    @FunctionalInterface
    interface Writer<T> {
        void write(T value, Out out);
    }

    /** Reads a value back, field by field in the order written. */
    @FunctionalInterface
    interface Reader<T> {
        T read(In in);
    }

    private final String name;
    private final byte format;
    private final Writer<T> writer;
    private final Reader<T> reader;

    CompactSerde(String name, int format, Writer<T> writer, Reader<T> reader) {
        this.name = name;
        this.format = (byte) format;
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            Out out = new Out();
            out.writeByte(format);
            writer.write(value, out);
            return out.toByteArray();
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                In in = new In(bytes);
                int found = in.readByte();
                if (found != format) {
                    throw new IllegalArgumentException("format " + found + ", expected " + format);
                }
                T value = reader.read(in);
                if (in.at != bytes.length) {
                    throw new IllegalArgumentException((bytes.length - in.at) + " bytes left over");
                }
                return value;
            } catch (RuntimeException e) {
                throw new SerializationException("cannot read " + name + " from " + topic + ": " + e.getMessage(), e);
            }
        };
    }

    /** A growing byte buffer with the writes the records need. */
    static final class Out {

        private byte[] bytes = new byte[64];
        private int size;

        void writeByte(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
        }

        void writeBoolean(boolean value) {
            writeByte(value ? 1 : 0);
        }

        /** An unsigned variable-length integer (7 bits a byte); negative values take ten bytes. */
        void writeVarLong(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
        }

        /** A signed variable-length integer (zig-zag). */
        void writeZigZag(long value) {
            writeVarLong((value << 1) ^ (value >> 63));
        }

        void writeLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        /** A string or null: its UTF-8 length plus one (0 for null), then the bytes. */
        void writeString(String value) {
            if (value == null) {
                writeVarLong(0);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeVarLong(utf8.length + 1L);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        void writeDate(LocalDate date) {
            if (date == null) {
                writeByte(0);
            } else {
                writeByte(1);
                writeZigZag(date.toEpochDay());
            }
        }

        void writeInstant(Instant instant) {
            if (instant == null) {
                writeByte(0);
            } else {
                writeByte(1);
                writeZigZag(instant.getEpochSecond());
                writeVarLong(instant.getNano());
            }
        }

        void writeNullableInt(Integer value) {
            if (value == null) {
                writeByte(0);
            } else {
                writeByte(1);
                writeZigZag(value);
            }
        }

        void writeNullableBoolean(Boolean value) {
            writeByte(value == null ? 0 : value ? 2 : 1);
        }

        void writeNullableDouble(Double value) {
            if (value == null) {
                writeByte(0);
            } else {
                writeByte(1);
                writeLong(Double.doubleToRawLongBits(value));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /** Reads what {@link Out} wrote; running past the end throws. */
    static final class In {

        private final byte[] bytes;
        private int at;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        int readByte() {
            if (at >= bytes.length) {
                throw new IllegalArgumentException("truncated at byte " + at);
            }
            return bytes[at++];
        }

        boolean readBoolean() {
            return switch (readByte()) {
                case 0 -> false;
                case 1 -> true;
                default -> throw new IllegalArgumentException("not a boolean at byte " + (at - 1));
            };
        }

        long readVarLong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = readByte();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("variable-length integer too long at byte " + at);
        }

        long readZigZag() {
            long raw = readVarLong();
            return (raw >>> 1) ^ -(raw & 1);
        }

        long readLong() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (readByte() & 0xFF);
            }
            return value;
        }

        int readInt() {
            return Math.toIntExact(readZigZag());
        }

        String readString() {
            long length = readVarLong();
            if (length == 0) {
                return null;
            }
            if (length - 1 > bytes.length - at) {
                throw new IllegalArgumentException("string of " + (length - 1) + " bytes past the end at byte " + at);
            }
            String value = new String(bytes, at, (int) (length - 1), StandardCharsets.UTF_8);
            at += (int) (length - 1);
            return value;
        }

        LocalDate readDate() {
            return present() ? LocalDate.ofEpochDay(readZigZag()) : null;
        }

        Instant readInstant() {
            return present() ? Instant.ofEpochSecond(readZigZag(), readVarLong()) : null;
        }

        Integer readNullableInt() {
            return present() ? readInt() : null;
        }

        Boolean readNullableBoolean() {
            return switch (readByte()) {
                case 0 -> null;
                case 1 -> Boolean.FALSE;
                case 2 -> Boolean.TRUE;
                default -> throw new IllegalArgumentException("not a boolean at byte " + (at - 1));
            };
        }

        Double readNullableDouble() {
            return present() ? Double.longBitsToDouble(readLong()) : null;
        }

        private boolean present() {
            return readBoolean();
        }
    }
}
