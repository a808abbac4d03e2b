package com.omnicanal.bench;

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

    /** The service JVM's options plus {@code -Dservice.jvm="..."} (e.g. a flight recording while profiling). */
    static List<String> serviceJvm(String... options) {
        List<String> all = new ArrayList<>(List.of(options));
        String extra = System.getProperty("service.jvm", "").strip();
        if (!extra.isEmpty()) {
            List<String> added = List.of(extra.split("\\s+"));
            if (added.stream().anyMatch(Report::choosesGc)) {
                all.removeIf(Report::choosesGc); // -Dservice.jvm=-XX:+UseG1GC replaces the default collector
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
