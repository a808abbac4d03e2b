package com.omnicanal.support.batch;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class GroupCommitTest {

    @Test
    void whatQueuesWhileABatchIsWrittenGoesInTheNextBatchAndEachCallerGetsItsOwnResult() throws Exception {
        CountDownLatch firstBatchMayFinish = new CountDownLatch(1);
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        try (GroupCommit<Integer, String> commit = new GroupCommit<>("test", 1, 100, items -> {
            batches.add(items);
            if (batches.size() == 1) {
                await().until(() -> firstBatchMayFinish.getCount() == 0);
            }
            return items.stream().map(i -> "written " + i).toList();
        })) {
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> commit.submit(0));
            await().until(() -> batches.size() == 1);
            List<CompletableFuture<String>> rest = IntStream.rangeClosed(1, 10)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> commit.submit(i))).toList();
            await().until(() -> commit.waiting() == 10);
            firstBatchMayFinish.countDown();

            assertThat(first.get()).isEqualTo("written 0");
            for (int i = 0; i < rest.size(); i++) {
                assertThat(rest.get(i).get()).isEqualTo("written " + (i + 1));
            }
            assertThat(batches).hasSize(2);
            assertThat(batches.get(1)).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
        }
    }

    @Test
    void aFailingBatchIsRetriedItemByItemSoOnlyTheBadItemFails() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        try (GroupCommit<String, String> commit = new GroupCommit<>("test", 1, 100, items -> {
            batches.add(items);
            if (batches.size() == 1) {
                await().until(() -> release.getCount() == 0);
            }
            if (items.contains("bad")) {
                throw new IllegalArgumentException("bad item");
            }
            return items;
        })) {
            CompletableFuture<String> blocker = CompletableFuture.supplyAsync(() -> commit.submit("first"));
            await().until(() -> batches.size() == 1);
            CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> commit.submit("a"));
            CompletableFuture<String> bad = CompletableFuture.supplyAsync(() -> commit.submit("bad"));
            CompletableFuture<String> c = CompletableFuture.supplyAsync(() -> commit.submit("c"));
            await().until(() -> commit.waiting() == 3);
            release.countDown();

            assertThat(blocker.get()).isEqualTo("first");
            assertThat(a.get()).isEqualTo("a");
            assertThat(c.get()).isEqualTo("c");
            assertThatThrownBy(bad::join).hasRootCauseInstanceOf(IllegalArgumentException.class);
            assertThat(batches.get(1)).hasSize(3); // tried together first
        }
    }
}
