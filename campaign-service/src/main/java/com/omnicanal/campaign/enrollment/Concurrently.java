package com.omnicanal.campaign.enrollment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many enrolments walked at once (their sends meet in dispatch batches), each on its own virtual thread. */
final class Concurrently {

    private Concurrently() {
    }

    /** Runs every task and waits for all; if any failed, the first failure is thrown once all are done. */
    static void runAll(List<Runnable> tasks, String what) {
        List<Future<?>> runs = new ArrayList<>(tasks.size());
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            tasks.forEach(task -> runs.add(each.submit(task)));
        }
        for (Future<?> run : runs) {
            if (run.state() != Future.State.SUCCESS) {
                throw new IllegalStateException(what + " failed", run.exceptionNow());
            }
        }
    }
}
