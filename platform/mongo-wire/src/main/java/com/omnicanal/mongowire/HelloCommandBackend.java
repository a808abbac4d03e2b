package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

/** Answers the modern {@code hello} handshake (used by driver health checks) as the server's {@code ismaster}. */
final class HelloCommandBackend implements MongoBackend {

    private final MongoBackend delegate;
    private final OpCosts costs = OpCosts.startIfEnabled();

    HelloCommandBackend(MongoBackend delegate) {
        this.delegate = delegate;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return isHello(command) ? hello(channel, database, query) : delegate.handleCommand(channel, database, command, query);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document document = message.getDocument();
        String command = document.keySet().stream().findFirst().orElse("");
        if (isHello(command)) {
            return hello(message.getChannel(), message.getDatabaseName(), document);
        }
        if (costs == null) {
            return delegate.handleMessage(message);
        }
        long start = System.nanoTime();
        try {
            return delegate.handleMessage(message);
        } finally {
            costs.record(command, document.get(command), System.nanoTime() - start);
        }
    }

    private static boolean isHello(String command) {
        return "hello".equalsIgnoreCase(command);
    }

    private Document hello(Channel channel, String database, Document query) {
        Document answer = delegate.handleCommand(channel, database, "ismaster", query);
        answer.put("isWritablePrimary", answer.get("ismaster"));
        return answer;
    }

    @Override
    public void handleClose(Channel channel) {
        delegate.handleClose(channel);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return delegate.handleQuery(query);
    }

    @Override
    public void dropDatabase(String database) {
        delegate.dropDatabase(database);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return delegate.getServerStatus();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }
}
