package com.omnicanal.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is, for tests and benchmarks that start our jars or read infra files. */
public final class Repository {

    private Repository() {
    }

    /** {@code OMNI_HOME} when set (./omni sets it), else the nearest directory above with {@code infra/}. */
    public static Path root() {
        String home = System.getenv("OMNI_HOME");
        Path dir = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("infra"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root (with infra/) not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
