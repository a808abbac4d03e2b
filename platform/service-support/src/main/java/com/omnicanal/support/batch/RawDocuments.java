package com.omnicanal.support.batch;

import org.bson.BsonBinaryWriter;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;

/**
 * Documents built by hand, as BSON bytes written by each value's type: the driver's {@code DocumentCodec} looks every
 * value's codec up in its registry (allocating a key per lookup), a fifth of a busy service's CPU on bulk writes
 * (profiled). The bytes are the driver's own encoding ({@code RawDocumentsTest}); types not handled here go through
 * {@code registry}, and {@code _id} comes first, as in an insert.
 */
public final class RawDocuments {

    private static final EncoderContext CHILD = EncoderContext.builder().build();

    private RawDocuments() {
    }

    public static RawBsonDocument of(Document document, CodecRegistry registry) {
        BasicOutputBuffer buffer = new Utf8Output();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writer.writeStartDocument();
            if (document.containsKey("_id")) {
                writer.writeName("_id");
                write(writer, document.get("_id"), registry);
            }
            for (Map.Entry<String, Object> field : document.entrySet()) {
                if (!field.getKey().equals("_id")) {
                    writer.writeName(field.getKey());
                    write(writer, field.getValue(), registry);
                }
            }
            writer.writeEndDocument();
        }
        return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
    }

    private static void write(BsonWriter writer, Object value, CodecRegistry registry) {
        switch (value) {
            case null -> writer.writeNull();
            case String s -> writer.writeString(s);
            case Integer i -> writer.writeInt32(i);
            case Long l -> writer.writeInt64(l);
            case Double d -> writer.writeDouble(d);
            case Boolean b -> writer.writeBoolean(b);
            case Date d -> writer.writeDateTime(d.getTime());
            case Decimal128 d -> writer.writeDecimal128(d);
            case ObjectId id -> writer.writeObjectId(id);
            case Document d -> writeDocument(writer, d, registry);
            case Iterable<?> values -> {
                writer.writeStartArray();
                values.forEach(v -> write(writer, v, registry));
                writer.writeEndArray();
            }
            default -> encode(writer, value, registry);
        }
    }

    private static void writeDocument(BsonWriter writer, Document document, CodecRegistry registry) {
        writer.writeStartDocument();
        document.forEach((name, v) -> {
            writer.writeName(name);
            write(writer, v, registry);
        });
        writer.writeEndDocument();
    }

    /** Strings as whole UTF-8 arrays: the buffer's own writes them a byte at a time (most of their cost, profiled). */
    private static final class Utf8Output extends BasicOutputBuffer {

        Utf8Output() {
            super(512);
        }

        @Override
        public void writeString(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            writeInt32(bytes.length + 1);
            writeBytes(bytes);
            writeByte(0);
        }

        @Override
        public void writeCString(String value) {
            if (value.indexOf('\0') >= 0) {
                super.writeCString(value); // the buffer's own error
                return;
            }
            writeBytes(value.getBytes(StandardCharsets.UTF_8));
            writeByte(0);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void encode(BsonWriter writer, T value, CodecRegistry registry) {
        ((Codec<T>) registry.get(value.getClass())).encode(writer, value, CHILD);
    }
}
