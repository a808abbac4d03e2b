package com.omnicanal.support.outbox;

import javax.net.SocketFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The sockets of the outbox's own broker connection, whose writes can be held while a batch is published: the client
 * flushes every command, so each publish was a write of its own, and over Netty each of its three frames was one
 * (with a hand-over to an event loop thread: about a tenth of a service's CPU in a broadcast, profiled). Held, a
 * batch reaches the broker in writes of up to {@value #LIMIT} bytes. Only the relay's thread holds and releases; a
 * heartbeat written meanwhile waits for the release.
 */
final class HeldWrites extends SocketFactory {

    static final int LIMIT = 64 * 1024;

    private volatile HeldOutput current;

    /** Holds the current socket's writes until {@link #release()}. */
    void hold() {
        HeldOutput out = current;
        if (out != null) {
            out.hold();
        }
    }

    /** Writes what was held, and lets writes through again. */
    void release() throws IOException {
        HeldOutput out = current;
        if (out != null) {
            out.release();
        }
    }

    @Override
    public Socket createSocket() {
        return new HeldSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }

    private final class HeldSocket extends Socket {

        private HeldOutput out;

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new HeldOutput(super.getOutputStream());
                current = out;
            }
            return out;
        }
    }

    /** Passes writes through, or keeps them (up to {@value #LIMIT} bytes at a time) while held. */
    static final class HeldOutput extends OutputStream {

        private final OutputStream socket;
        private final byte[] held = new byte[LIMIT];
        private int size;
        private boolean holding;

        HeldOutput(OutputStream socket) {
            this.socket = socket;
        }

        synchronized void hold() {
            holding = true;
        }

        synchronized void release() throws IOException {
            holding = false;
            flush();
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            if (!holding) {
                drain();
                socket.write(bytes, offset, length);
                return;
            }
            if (size + length > LIMIT) {
                drain();
            }
            if (length > LIMIT) {
                socket.write(bytes, offset, length);
                return;
            }
            System.arraycopy(bytes, offset, held, size, length);
            size += length;
        }

        @Override
        public synchronized void flush() throws IOException {
            if (!holding) {
                drain();
                socket.flush();
            }
        }

        @Override
        public synchronized void close() throws IOException {
            socket.close();
        }

        private void drain() throws IOException {
            if (size > 0) {
                socket.write(held, 0, size);
                size = 0;
            }
        }
    }
}
