package com.omnicanal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One of our runnable jars started as a real process, the way {@code ./omni up} runs it. */
public final class ServiceProcess implements AutoCloseable {

    private static final Map<String, Integer> STARTED = new ConcurrentHashMap<>();

    private final String module;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String module, int port, Process process, Path log) {
        this.module = module;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static ServiceProcess start(Path root, String module, Map<String, String> env) {
        return start(root, module, env, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"));
    }

    /** Starts {@code module}'s runnable jar with these JVM options (benchmarks want the full JIT). */
    public static ServiceProcess start(Path root, String module, Map<String, String> env, List<String> jvmOptions) {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the reactor builds it before e2e runs");
        }
        int port = freePort();
        Path log = root.resolve("target/process-logs/" + logName(module));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy)); // never outlive the JVM that started it
            return new ServiceProcess(module, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited during start; see " + log);
            }
            if (ready()) {
                return;
            }
            pause();
        }
        throw new IllegalStateException(module + " not ready within " + timeout + "; see " + log);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    private boolean ready() {
        try {
            return Http.get(url() + "/actuator/health/readiness", null).status() == 200;
        } catch (IllegalStateException notListeningYet) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * The JVM options a module declares for itself in {@code <module>/jvm.options} (a java launcher argument file, read
     * by {@code ./omni up} and the image too), so a benchmark runs the service as it is deployed; none if it has none.
     */
    public static List<String> declaredOptions(Path root, String module) {
        Path file = root.resolve(module).resolve("jvm.options");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty()).flatMap(line -> java.util.Arrays.stream(line.split("\\s+"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on right now: for a process (or a test's own server) whose URL must be known first. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code module.log}, then {@code module-2.log}…: a second process of a module keeps the first one's log. */
    private static String logName(String module) {
        int nth = STARTED.merge(module, 1, Integer::sum);
        return nth == 1 ? module + ".log" : module + "-" + nth + ".log";
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
