package com.omnicanal.support.client;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentMemberStreamTest {

    @Test
    void everyMemberThenTheEndLine() throws IOException {
        try (SegmentMemberStream stream = of("{\"profileId\":\"p-1\"}\n\n{\"profileId\":\"p-2\"}\n{\"end\":true,\"members\":2}\n")) {
            List<String> ids = new ArrayList<>();
            for (String id; (id = stream.next()) != null; ) {
                ids.add(id);
            }
            assertThat(ids).containsExactly("p-1", "p-2");
            assertThat(stream.next()).isNull();
            assertThat(stream.members()).isEqualTo(2);
        }
    }

    @Test
    void anEmptySegmentIsItsEndLineAlone() throws IOException {
        assertThat(of("{\"end\":true,\"members\":0}\n").next()).isNull();
    }

    @Test
    void aStreamCutAtALineOrInsideOneIsAnErrorNotASmallerSegment() throws IOException {
        SegmentMemberStream atLine = of("{\"profileId\":\"p-1\"}\n");
        assertThat(atLine.next()).isEqualTo("p-1");
        assertThatThrownBy(atLine::next).isInstanceOf(IOException.class).hasMessageContaining("before its end line");

        SegmentMemberStream inside = of("{\"profileId\":\"p-1\"}\n{\"profileId\":\"p-");
        assertThat(inside.next()).isEqualTo("p-1");
        assertThatThrownBy(inside::next).isInstanceOf(IOException.class).hasMessageContaining("unreadable line");

        assertThatThrownBy(() -> of("").next()).isInstanceOf(IOException.class);
    }

    @Test
    void anEndLineCountingOtherwiseIsAnError() throws IOException {
        SegmentMemberStream stream = of("{\"profileId\":\"p-1\"}\n{\"end\":true,\"members\":2}\n");
        assertThat(stream.next()).isEqualTo("p-1");
        assertThatThrownBy(stream::next).isInstanceOf(IOException.class).hasMessageContaining("counts 2 members, 1");
    }

    private static SegmentMemberStream of(String body) {
        return new SegmentMemberStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
