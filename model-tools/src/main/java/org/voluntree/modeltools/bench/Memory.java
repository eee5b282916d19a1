package org.voluntree.modeltools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** This process's resident memory, from {@code /proc/self/status} (Linux). */
final class Memory {

    private Memory() {}

    static String summary() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(
                Locale.ROOT,
                "VmRSS %s, VmHWM %s, Java heap used %d MiB",
                field("VmRSS"),
                field("VmHWM"),
                (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    private static String field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name + ":")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kib >> 10) + " MiB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "n/a";
        }
        return "n/a";
    }
}
