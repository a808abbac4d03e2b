package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.BsonConstants;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * BSON read straight from a byte array into the library's own values — the same types and errors as its
 * {@code BsonDecoder}, which reads a netty buffer byte by byte, copies each string twice and turns every array into a
 * document keyed "0", "1"… first (JFR: most of the store's CPU went to decoding requests). {@code BsonReaderTest}
 * holds the two to equal results.
 */
final class BsonReader {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BIG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] bytes;
    private int at;

    BsonReader(byte[] bytes, int at) {
        this.bytes = bytes;
        this.at = at;
    }

    int position() {
        return at;
    }

    int int32() {
        int value = (int) INT.get(bytes, at);
        at += Integer.BYTES;
        return value;
    }

    byte int8() {
        return bytes[at++];
    }

    Document document() {
        int end = start();
        Document document = new Document();
        byte type;
        while ((type = bytes[at++]) != BsonConstants.TERMINATING_BYTE) {
            String name = cString();
            if (document.put(name, value(type)) != null) {
                throw new IllegalArgumentException("Document already contains field '" + name + "'");
            }
        }
        return finish(document, end);
    }

    private List<Object> array() {
        int end = start();
        List<Object> array = new ArrayList<>();
        byte type;
        while ((type = bytes[at++]) != BsonConstants.TERMINATING_BYTE) {
            skipCString(); // the index: the values come in order
            array.add(value(type));
        }
        return finish(array, end);
    }

    /** Reads the length and checks it fits; where the object must end. */
    private int start() {
        int begin = at;
        int length = int32();
        if (length < 5 || length - Integer.BYTES > bytes.length - at) {
            throw new IllegalArgumentException("Too few bytes to read: " + (bytes.length - at) + ". Expected: "
                    + (length - Integer.BYTES));
        }
        if (length - Integer.BYTES > BsonConstants.MAX_BSON_OBJECT_SIZE) {
            throw new IllegalArgumentException("BSON object too large: " + length + " bytes");
        }
        return begin + length;
    }

    private <T> T finish(T value, int end) {
        if (at != end) {
            throw new IllegalArgumentException("illegal BSON object. Terminating byte not found at " + end);
        }
        return value;
    }

    private Object value(byte type) {
        return switch (type) {
            case BsonConstants.TYPE_DOUBLE -> Double.longBitsToDouble(int64());
            case BsonConstants.TYPE_UTF8_STRING -> string();
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT -> document();
            case BsonConstants.TYPE_ARRAY -> array();
            case BsonConstants.TYPE_DATA -> binary();
            case BsonConstants.TYPE_UNDEFINED, BsonConstants.TYPE_NULL -> null;
            case BsonConstants.TYPE_OBJECT_ID -> new ObjectId(take(BsonConstants.LENGTH_OBJECTID));
            case BsonConstants.TYPE_BOOLEAN -> bool();
            case BsonConstants.TYPE_UTC_DATETIME -> Instant.ofEpochMilli(int64());
            case BsonConstants.TYPE_REGEX -> new BsonRegularExpression(cString(), cString());
            case BsonConstants.TYPE_INT32 -> int32();
            case BsonConstants.TYPE_TIMESTAMP -> new BsonTimestamp(int64());
            case BsonConstants.TYPE_INT64 -> int64();
            case BsonConstants.TYPE_DECIMAL128 -> new Decimal128(int64(), int64());
            case BsonConstants.TYPE_MAX_KEY -> MaxKey.getInstance();
            case BsonConstants.TYPE_MIN_KEY -> MinKey.getInstance();
            case BsonConstants.TYPE_JAVASCRIPT_CODE -> new BsonJavaScript(string());
            case BsonConstants.TYPE_JAVASCRIPT_CODE_WITH_SCOPE ->
                    throw new IllegalArgumentException("unhandled type: 0x" + Integer.toHexString(type));
            default -> throw new IllegalArgumentException("unknown type: 0x" + Integer.toHexString(type));
        };
    }

    private long int64() {
        long value = (long) LONG.get(bytes, at);
        at += Long.BYTES;
        return value;
    }

    private byte[] take(int length) {
        byte[] taken = Arrays.copyOfRange(bytes, at, at + length);
        at += length;
        return taken;
    }

    private String string() {
        int length = int32();
        if (length < 1 || length > bytes.length - at) {
            throw new IllegalArgumentException("Illegal string length: " + length);
        }
        String value = new String(bytes, at, length - 1, StandardCharsets.UTF_8);
        at += length;
        if (bytes[at - 1] != BsonConstants.STRING_TERMINATION) {
            throw new IllegalArgumentException("Unexpected trailing byte: " + bytes[at - 1]);
        }
        return value;
    }

    String cString() {
        int begin = at;
        skipCString();
        return new String(bytes, begin, at - 1 - begin, StandardCharsets.UTF_8);
    }

    private void skipCString() {
        while (bytes[at] != BsonConstants.STRING_TERMINATION) {
            at++;
        }
        at++;
    }

    private Object bool() {
        byte value = bytes[at++];
        return switch (value) {
            case BsonConstants.BOOLEAN_VALUE_FALSE -> Boolean.FALSE;
            case BsonConstants.BOOLEAN_VALUE_TRUE -> Boolean.TRUE;
            default -> throw new IllegalArgumentException("Illegal boolean value:" + value);
        };
    }

    private Object binary() {
        int length = int32();
        byte subtype = bytes[at++];
        return switch (subtype) {
            case BsonConstants.BINARY_SUBTYPE_GENERIC, BsonConstants.BINARY_SUBTYPE_USER_DEFINED -> new BinData(take(length));
            case BsonConstants.BINARY_SUBTYPE_OLD_UUID -> {
                uuidLength(length);
                long most = int64();
                yield new LegacyUUID(most, int64());
            }
            case BsonConstants.BINARY_SUBTYPE_UUID -> {
                uuidLength(length);
                long most = (long) LONG_BIG.get(bytes, at);
                long least = (long) LONG_BIG.get(bytes, at + Long.BYTES);
                at += 2 * Long.BYTES;
                yield new UUID(most, least);
            }
            default -> throw new IllegalArgumentException("Unknown subtype: " + subtype);
        };
    }

    private static void uuidLength(int length) {
        if (length != BsonConstants.LENGTH_UUID) {
            throw new IllegalArgumentException("Illegal length: " + length);
        }
    }
}
