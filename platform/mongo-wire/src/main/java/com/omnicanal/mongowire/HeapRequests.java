package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;

/**
 * The library's request decoder, fed one heap copy of each whole request. Netty reads into direct buffers, and the
 * library's BSON decoder takes every field name and string out of them one by one: each such read duplicated the
 * buffer (JFR: 14% of the store's CPU in a broadcast). One bulk copy per request replaces them.
 */
final class HeapRequests extends MongoWireProtocolHandler {

    private static final int HEADER_BYTES = 16;

    @Override
    protected ClientRequest decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        if (in.hasArray() || in.readableBytes() < Integer.BYTES) {
            return super.decode(ctx, in);
        }
        int length = in.getIntLE(in.readerIndex());
        if (length < HEADER_BYTES || length > MAX_MESSAGE_SIZE_BYTES) {
            return super.decode(ctx, in); // the library's own error for a malformed length
        }
        if (in.readableBytes() < length) {
            return null; // the rest of the request has not arrived yet
        }
        ByteBuf copy = Unpooled.wrappedBuffer(ByteBufUtil.getBytes(in, in.readerIndex(), length));
        in.skipBytes(length);
        return super.decode(ctx, copy);
    }
}
