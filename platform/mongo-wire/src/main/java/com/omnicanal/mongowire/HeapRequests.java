package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.OpCode;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The library's request decoder, except for what it spends most on: each whole request is copied out of netty's
 * direct read buffer once (its decoder read every field name and string out of it separately, each read duplicating
 * the buffer: 14% of the store's CPU in a broadcast, JFR), and a plain {@code OP_MSG} — every command of a current
 * driver — is read by {@link BsonReader} from that copy. Legacy opcodes and checksummed messages go to the library.
 */
final class HeapRequests extends MongoWireProtocolHandler {

    private static final int HEADER_BYTES = 16;
    /** The largest copy kept for the connection's next requests; a larger one is allocated for itself. */
    private static final int KEPT_BYTES = 1 << 20;

    /** This connection's copy of its current request (one handler per connection, on one event loop thread): a new
     * array per request made the store's collector work harder, and the conversations bench's p99 rose with it. */
    private byte[] copy = new byte[64 * 1024];

    @Override
    protected ClientRequest decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        if (in.readableBytes() < Integer.BYTES) {
            return null;
        }
        int length = in.getIntLE(in.readerIndex());
        if (length < HEADER_BYTES || length > MAX_MESSAGE_SIZE_BYTES) {
            return super.decode(ctx, in); // the library's own error for a malformed length
        }
        if (in.readableBytes() < length) {
            return null; // the rest of the request has not arrived yet
        }
        byte[] request = scratch(length);
        in.getBytes(in.readerIndex(), request, 0, length);
        BsonReader reader = new BsonReader(request, Integer.BYTES);
        int requestId = reader.int32();
        int responseTo = reader.int32();
        if (reader.int32() != OpCode.OP_MSG.getId() || reader.int32() != 0) { // not OP_MSG, or flags (a checksum)
            in.skipBytes(length);
            return super.decode(ctx, Unpooled.wrappedBuffer(request, 0, length));
        }
        Document body = sections(reader, length);
        in.skipBytes(length);
        return new MongoMessage(ctx.channel(), new MessageHeader(length, requestId, responseTo), body);
    }

    private byte[] scratch(int length) {
        if (length <= copy.length) {
            return copy;
        }
        if (length > KEPT_BYTES) {
            return new byte[length];
        }
        copy = new byte[Math.max(length, Math.min(2 * copy.length, KEPT_BYTES))];
        return copy;
    }

    /** The body section, with each document sequence (e.g. an insert's documents) as a field of it. */
    private static Document sections(BsonReader reader, int length) {
        Document body = null;
        List<Sequence> sequences = new ArrayList<>(1);
        while (reader.position() < length) {
            byte kind = reader.int8();
            if (kind == MongoMessage.SECTION_KIND_BODY && body == null) {
                body = reader.document();
            } else if (kind == MongoMessage.SECTION_KIND_DOCUMENT_SEQUENCE) {
                sequences.add(sequence(reader));
            } else {
                throw new IllegalArgumentException("Unexpected section kind: " + kind);
            }
        }
        if (body == null || reader.position() != length) {
            throw new IllegalArgumentException("OP_MSG without a body, or longer than its header says");
        }
        for (Sequence sequence : sequences) {
            if (body.put(sequence.identifier(), sequence.documents()) != null) {
                throw new IllegalArgumentException("OP_MSG names '" + sequence.identifier() + "' twice");
            }
        }
        return body;
    }

    /** A document sequence section: its identifier (e.g. "documents") and its documents. */
    private record Sequence(String identifier, List<Document> documents) {
    }

    private static Sequence sequence(BsonReader reader) {
        int start = reader.position();
        int size = reader.int32();
        String identifier = reader.cString();
        List<Document> documents = new ArrayList<>();
        do {
            documents.add(reader.document());
        } while (reader.position() - start < size);
        return new Sequence(identifier, documents);
    }
}
