package com.omnicanal.support.batch;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ByIdsTest {

    @Test
    void idsAreSplitIntoConsecutiveChunksOfAtMostTheChunkSizeEachIdOnce() {
        List<Integer> ids = IntStream.range(0, 2 * ByIds.CHUNK + 7).boxed().toList();
        List<List<Integer>> chunks = new ArrayList<>();

        ByIds.chunks(ids, chunks::add);

        assertThat(chunks).extracting(List::size).containsExactly(ByIds.CHUNK, ByIds.CHUNK, 7);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(ids);
    }

    @Test
    void aSumAddsWhatEachChunkCounts() {
        List<Integer> ids = IntStream.range(0, ByIds.CHUNK + 1).boxed().toList();
        assertThat(ByIds.sum(ids, List::size)).isEqualTo(ByIds.CHUNK + 1);
        assertThat(ByIds.sum(ids, chunk -> 1)).as("one call per chunk").isEqualTo(2);
    }

    @Test
    void noIdsNoChunk() {
        List<List<String>> chunks = new ArrayList<>();
        ByIds.chunks(List.<String>of(), chunks::add);
        assertThat(chunks).isEmpty();
    }
}
