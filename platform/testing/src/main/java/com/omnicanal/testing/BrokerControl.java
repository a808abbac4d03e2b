package com.omnicanal.testing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops and restarts the real test broker, for the tests that prove nothing is lost while it is down. */
public final class BrokerControl {

    private BrokerControl() {
    }

    public static void stop() {
        run("stop");
    }

    public static void start() {
        run("start");
    }

    private static void run(String action) {
        String command = Infrastructure.env("OMNI_RABBITMQ_CTL");
        try {
            Process process = new ProcessBuilder(List.of("bash", command, action)).inheritIO().start();
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " " + action + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(command + " " + action + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
