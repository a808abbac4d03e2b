package com.omnicanal.support.outbox;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the outbox connection writes goes straight to the socket, except while a batch holds it. */
class HeldWritesTest {

    /** The socket's side: every write it was asked for, as its size. */
    private static final class Socket extends OutputStream {
        final List<Integer> writes = new ArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes.add(len);
            bytes.write(b, off, len);
        }
    }

    @Test
    void writesPassThroughUntilHeldAndGoTogetherOnRelease() throws IOException {
        Socket socket = new Socket();
        HeldWrites.HeldOutput out = new HeldWrites.HeldOutput(socket);

        out.write(bytes(10, 'a'), 0, 10);
        out.flush();
        assertThat(socket.writes).containsExactly(10);

        out.hold();
        for (int i = 0; i < 5; i++) {
            out.write(bytes(100, (char) ('b' + i)), 0, 100);
            out.flush(); // the client flushes each publish: nothing goes yet
        }
        assertThat(socket.writes).containsExactly(10);

        out.release();
        assertThat(socket.writes).containsExactly(10, 500);
        assertThat(socket.bytes.toString()).isEqualTo("a".repeat(10) + "b".repeat(100) + "c".repeat(100)
                + "d".repeat(100) + "e".repeat(100) + "f".repeat(100));
    }

    @Test
    void aHeldBatchLargerThanTheLimitGoesInWritesOfAtMostTheLimitInOrder() throws IOException {
        Socket socket = new Socket();
        HeldWrites.HeldOutput out = new HeldWrites.HeldOutput(socket);
        int frame = 1000;
        int frames = HeldWrites.LIMIT / frame * 3 + 7;
        StringBuilder expected = new StringBuilder();

        out.hold();
        for (int i = 0; i < frames; i++) {
            char c = (char) ('a' + i % 26);
            out.write(bytes(frame, c), 0, frame);
            expected.append(String.valueOf(c).repeat(frame));
        }
        out.release();

        assertThat(socket.writes).allMatch(size -> size <= HeldWrites.LIMIT).hasSizeLessThanOrEqualTo(4);
        assertThat(socket.bytes.toString()).isEqualTo(expected.toString());
    }

    private static byte[] bytes(int n, char c) {
        return String.valueOf(c).repeat(n).getBytes();
    }
}
