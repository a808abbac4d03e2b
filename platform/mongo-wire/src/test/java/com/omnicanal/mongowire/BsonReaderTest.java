package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.RawBsonDocument;
import org.bson.UuidRepresentation;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link BsonReader} and the library's decoder give equal documents of the same value types, and refuse alike. */
class BsonReaderTest {

    @Test
    void everyTypeDecodesAsTheLibraryDecodesIt() {
        UUID uuid = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        BsonDocument source = new BsonDocument("_id", new BsonString("e-1"))
                .append("double", new BsonDouble(-2.5)).append("text", new BsonString("José Ñúñez · straße · 🚀"))
                .append("empty", new BsonString("")).append("nested", new BsonDocument("a", new BsonInt32(1))
                        .append("deeper", new BsonDocument("b", new BsonArray(List.of(new BsonInt64(2L))))))
                .append("array", new BsonArray(List.of(new BsonString("x"), new BsonInt32(7), new BsonNull(),
                        new BsonArray(List.of(new BsonString("inner"))), new BsonDocument("k", new BsonBoolean(true)))))
                .append("emptyArray", new BsonArray()).append("emptyDocument", new BsonDocument())
                .append("generic", new BsonBinary(new byte[] {1, 2, 3}))
                .append("userDefined", new BsonBinary(BsonBinarySubType.USER_DEFINED, new byte[] {9}))
                .append("uuid", new BsonBinary(uuid, UuidRepresentation.STANDARD))
                .append("legacyUuid", new BsonBinary(uuid, UuidRepresentation.JAVA_LEGACY))
                .append("undefined", new BsonUndefined()).append("null", new BsonNull())
                .append("objectId", new BsonObjectId(new ObjectId("65a1b2c3d4e5f60718293a4b")))
                .append("false", BsonBoolean.FALSE).append("true", BsonBoolean.TRUE)
                .append("date", new BsonDateTime(1_795_768_681_000L))
                .append("regex", new BsonRegularExpression("^a.*z$", "i")).append("int", new BsonInt32(-42))
                .append("timestamp", new BsonTimestamp(1_700_000_000, 3)).append("long", new BsonInt64(Long.MIN_VALUE))
                .append("decimal", new BsonDecimal128(Decimal128.parse("1234.5678")))
                .append("max", new BsonMaxKey()).append("min", new BsonMinKey())
                .append("js", new BsonJavaScript("function() { return 1; }")).append("ñandú", new BsonInt32(1));
        byte[] bytes = bytes(source);

        Document library = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
        Document ours = new BsonReader(bytes, 0).document();

        assertThat(ours).usingRecursiveComparison() // the library's regular expression has no equals of its own
                .withEqualsForType((a, b) -> a.toString().equals(b.toString()),
                        de.bwaldvogel.mongo.bson.BsonRegularExpression.class)
                .isEqualTo(library);
        assertThat(types(ours)).isEqualTo(types(library));
        assertThat(ours.keySet()).containsExactlyElementsOf(library.keySet()); // field order kept
    }

    @Test
    void aTypeTheLibraryDoesNotKnowIsRefusedAlike() {
        byte[] bytes = bytes(new BsonDocument("s", new BsonSymbol("sym")));
        assertThatThrownBy(() -> BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown type: 0xe");
        assertThatThrownBy(() -> new BsonReader(bytes, 0).document())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown type: 0xe");
    }

    @Test
    void aDocumentWhoseLengthOverrunsItsBytesIsRefused() {
        byte[] bytes = bytes(new BsonDocument("a", new BsonString("b")));
        bytes[0] = (byte) (bytes[0] + 10);
        assertThatThrownBy(() -> new BsonReader(bytes, 0).document()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Too few bytes");
    }

    private static byte[] bytes(BsonDocument document) {
        RawBsonDocument raw = new RawBsonDocument(document, new BsonDocumentCodec());
        byte[] bytes = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().asNIO().get(bytes);
        return bytes;
    }

    /** The value classes, all the way down: equal values of another type must not pass. */
    private static Object types(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().collect(Collectors.toMap(e -> String.valueOf(e.getKey()),
                    e -> types(e.getValue())));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(BsonReaderTest::types).toList();
        }
        return value == null ? "null" : value.getClass().getName();
    }
}
