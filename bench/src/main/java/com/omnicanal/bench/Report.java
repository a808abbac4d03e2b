package com.omnicanal.bench;

import com.omnicanal.testing.Repository;
import com.omnicanal.testing.ServiceProcess;

import java.util.ArrayList;
import java.util.List;

/** The lines a benchmark prints at the end, measurement beside its baseline. */
final class Report {

    private final List<String[]> lines = new ArrayList<>();

    /** Kept for the summary and printed at once, so a later failure does not lose what was measured. */
    void add(String what, String result) {
        lines.add(new String[]{what, result});
        System.out.printf("== %-52s %s%n", what, result);
    }

    void add(String what, Latencies latencies) {
        add(what, "p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  (%,.0f ops/s)".formatted(latencies.percentileMillis(50),
                latencies.percentileMillis(99), latencies.percentileMillis(99.9), latencies.perSecond()));
    }

    /** Whether a part of a benchmark runs: every part by default, only those named in {@code -Dparts=a,b} if given. */
    static boolean part(String name) {
        String parts = System.getProperty("parts");
        return parts == null || List.of(parts.split(",")).contains(name);
    }

    /** Whether a part that runs only on request was named in {@code -Dparts=a,b}. */
    static boolean named(String name) {
        String parts = System.getProperty("parts");
        return parts != null && List.of(parts.split(",")).contains(name);
    }

    /**
     * A service's JVM options: what its module declares ({@code jvm.options}, as deployed), then {@code options} (the
     * bench's heap), then {@code -Dservice.jvm="..."} for the services {@code -Dprofile.service} names (all if unset),
     * e.g. a flight recording; a collector chosen there replaces the declared one.
     */
    static List<String> serviceJvm(String module, String... options) {
        List<String> all = new ArrayList<>(ServiceProcess.declaredOptions(Repository.root(), module));
        all.addAll(List.of(options));
        String extra = System.getProperty("service.jvm", "").strip();
        String profiled = System.getProperty("profile.service");
        if (!extra.isEmpty() && (profiled == null || List.of(profiled.split(",")).contains(module))) {
            List<String> added = List.of(extra.split("\\s+"));
            if (added.stream().anyMatch(Report::choosesGc)) {
                all.removeIf(Report::choosesGc);
            }
            all.addAll(added);
        }
        return all;
    }

    private static boolean choosesGc(String option) {
        return option.startsWith("-XX:+Use") && option.endsWith("GC");
    }

    void print() {
        System.out.println();
        System.out.println("== results ==");
        lines.forEach(l -> System.out.printf("  %-52s %s%n", l[0], l[1]));
    }
}
