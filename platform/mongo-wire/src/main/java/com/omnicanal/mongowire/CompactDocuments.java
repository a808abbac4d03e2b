package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.stream.IntStream;

/**
 * A collection's documents by position, each kept as its BSON bytes: one array per document instead of a graph of
 * maps, entries, strings and boxes (~3× the bytes, and every object traced and copied by the collector on its way to
 * the old generation). A read decodes a fresh copy, so a reader never shares a document with the store or with a
 * later update. Not thread-safe: the collection's own lock guards it.
 */
final class CompactDocuments {

    private static final int KEPT_BUFFER = 1 << 20;
    private static final ThreadLocal<ByteBuf> BUFFER = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

    private final List<byte[]> documents = new ArrayList<>();
    private final Queue<Integer> free = new ArrayDeque<>();

    /** Stores the document at a free position (a removed one first); its position. */
    int add(Document document) {
        byte[] bytes = encode(document);
        Integer position = free.poll();
        if (position == null) {
            documents.add(bytes);
            return documents.size() - 1;
        }
        documents.set(position, bytes);
        return position;
    }

    /** A decoded copy of the document at the position; null when none is there. */
    Document get(int position) {
        byte[] bytes = position < documents.size() ? documents.get(position) : null;
        return bytes == null ? null : BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    void set(int position, Document document) {
        documents.set(position, encode(document));
    }

    void remove(int position) {
        documents.set(position, null);
        free.add(position);
    }

    int count() {
        return documents.size() - free.size();
    }

    /** The positions holding a document, in order (natural order: as inserted, a removed one's place reused). */
    IntStream positions() {
        return IntStream.range(0, documents.size()).filter(p -> documents.get(p) != null);
    }

    /** The same, last first. */
    IntStream positionsDescending() {
        int last = documents.size() - 1;
        return IntStream.rangeClosed(0, last).map(i -> last - i).filter(p -> documents.get(p) != null);
    }

    private static byte[] encode(Document document) {
        ByteBuf buffer = BUFFER.get();
        buffer.clear();
        BsonEncoder.encodeDocument(document, buffer);
        byte[] bytes = ByteBufUtil.getBytes(buffer);
        if (buffer.capacity() > KEPT_BUFFER) { // one huge document must not pin its buffer to the thread
            BUFFER.remove();
        }
        return bytes;
    }
}
