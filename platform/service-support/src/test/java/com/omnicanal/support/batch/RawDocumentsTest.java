package com.omnicanal.support.batch;

import com.mongodb.MongoClientSettings;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RawDocumentsTest {

    private static final CodecRegistry REGISTRY = MongoClientSettings.getDefaultCodecRegistry();

    @Test
    void everyValueTypeIsWrittenAsTheDriverWritesIt() {
        Document document = new Document("_id", "client:a-1").append("n", 7).append("big", 1L << 40).append("ratio", 0.25)
                .append("name", "Begoña Núñez 🎉").append("añadido", "x").append("yes", true).append("none", null).append("at", new Date(1_795_000_000_000L))
                .append("amount", new Decimal128(new BigDecimal("129.90"))).append("oid", new ObjectId())
                .append("nested", new Document("a", List.of(1, "two", new Document("three", 3))).append("empty", List.of()))
                .append("set", Set.of("only")).append("map", Map.of("k", "v"))
                .append("fallbacks", List.of(new BigDecimal("1.5"), Instant.ofEpochMilli(5), "x".getBytes()));

        assertThat(bytes(RawDocuments.of(document, REGISTRY))).isEqualTo(driver(document, false));
        assertThat(RawDocuments.of(document, REGISTRY).decode(new DocumentCodec(REGISTRY)).get("amount"))
                .isEqualTo(new Decimal128(new BigDecimal("129.90")));
    }

    @Test
    void theIdComesFirstAsInAnInsert() {
        Document document = new Document("type", "purchase").append("_id", "client:a-2").append("n", 1);

        assertThat(bytes(RawDocuments.of(document, REGISTRY))).isEqualTo(driver(document, true));
        assertThat(RawDocuments.of(document, REGISTRY).keySet()).containsExactly("_id", "type", "n");
    }

    @Test
    void aNameWithANulIsRefusedAsTheDriverRefusesIt() {
        Document document = new Document("_id", "a").append("bad\0name", 1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RawDocuments.of(document, REGISTRY))
                .isInstanceOf(org.bson.BsonSerializationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver(document, false))
                .isInstanceOf(org.bson.BsonSerializationException.class);
    }

    private static byte[] driver(Document document, boolean collectible) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            new DocumentCodec(REGISTRY).encode(writer, document,
                    EncoderContext.builder().isEncodingCollectibleDocument(collectible).build());
        }
        return buffer.toByteArray();
    }

    private static byte[] bytes(RawBsonDocument raw) {
        return Arrays.copyOfRange(raw.getByteBuffer().array(), 0, raw.getByteBuffer().limit());
    }
}
