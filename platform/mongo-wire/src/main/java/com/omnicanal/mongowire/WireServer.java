package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * mongo-java-server's {@code MongoServer} pipeline (its encoders, database and exception handlers, the same socket
 * options), with one change it has no hook for: requests are decoded by {@link HeapRequests}, from a heap copy.
 */
final class WireServer implements AutoCloseable {

    private final MongoBackend backend;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private ChannelGroup clients;
    private Channel listening;

    WireServer(MongoBackend backend) {
        this.backend = backend;
    }

    InetSocketAddress bind(String host, int port) {
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("mongo-server-boss"), NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("mongo-server-worker"),
                NioIoHandler.newFactory());
        clients = new DefaultChannelGroup("mongodb-channels", workers.next());
        listening = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 100).childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new MongoWireReplyEncoder(), new MongoWireMessageEncoder(),
                                new HeapRequests(), new MongoDatabaseHandler(backend, clients), new MongoExceptionHandler());
                    }
                }).bind(host, port).syncUninterruptibly().channel();
        return (InetSocketAddress) listening.localAddress();
    }

    /** Stops listening, closes the clients' connections, then the backend (which flushes a file store). */
    @Override
    public void close() {
        if (listening != null) {
            listening.close().syncUninterruptibly();
            clients.close().syncUninterruptibly();
            boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
        backend.close();
    }
}
