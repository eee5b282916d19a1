package org.voluntree.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the CPU went during a run, from {@code /proc}: the app JVM by thread group (the threads
 * of a role are named after it), Redis, PostgreSQL (postmaster and its backends), this load
 * generator, and everything else on the machine ("foreign": other jobs sharing the cores).
 * Linux only; elsewhere it reports nothing.
 */
final class CpuAccounting {

    private static final double TICKS_PER_SECOND = 100.0;

    /** CPU ticks at one instant. */
    record Snapshot(
            long atNanos,
            long machineBusy,
            long app,
            Map<Long, ThreadTicks> appThreads,
            long redis,
            long postgres,
            long bench) {}

    record ThreadTicks(String name, long ticks) {}

    private final long appPid;
    private final String redisPort;
    private final String postgresPort;

    CpuAccounting(long appPid, int redisPort, int postgresPort) {
        this.appPid = appPid;
        this.redisPort = Integer.toString(redisPort);
        this.postgresPort = Integer.toString(postgresPort);
    }

    Snapshot snapshot() {
        Map<Long, ThreadTicks> threads = new HashMap<>();
        for (Path task : list(Path.of("/proc", Long.toString(appPid), "task"))) {
            long[] ticks = ticks(task.resolve("stat"));
            if (ticks != null) {
                threads.put(
                        Long.parseLong(task.getFileName().toString()),
                        new ThreadTicks(read(task.resolve("comm")).trim(), ticks[0]));
            }
        }
        long redis = 0;
        long postgres = 0;
        List<Long> postmasters = new ArrayList<>();
        Map<Long, long[]> all = new HashMap<>();
        for (Path proc : list(Path.of("/proc"))) {
            String name = proc.getFileName().toString();
            if (!name.chars().allMatch(Character::isDigit)) {
                continue;
            }
            long[] ticks = ticks(proc.resolve("stat"));
            if (ticks == null) {
                continue;
            }
            all.put(Long.parseLong(name), ticks);
            String cmdline = read(proc.resolve("cmdline")).replace('\0', ' ');
            if (cmdline.contains("redis-server") && cmdline.contains(":" + redisPort)) {
                redis += ticks[0];
            } else if (cmdline.contains("bin/postgres") && cmdline.contains("-p " + postgresPort)) {
                postmasters.add(Long.parseLong(name));
                postgres += ticks[0];
            }
        }
        for (long[] ticks : all.values()) {
            if (postmasters.contains(ticks[1])) {
                postgres += ticks[0];
            }
        }
        long[] self = ticks(Path.of("/proc/self/stat"));
        long app = ticks(Path.of("/proc", Long.toString(appPid), "stat")) == null
                ? 0
                : ticks(Path.of("/proc", Long.toString(appPid), "stat"))[0];
        return new Snapshot(
                System.nanoTime(), machineBusy(), app, threads, redis, postgres, self == null ? 0 : self[0]);
    }

    /** Cores used (CPU seconds per second) between two snapshots, by consumer, largest first. */
    static Map<String, Double> coresUsed(Snapshot from, Snapshot to) {
        double seconds = (to.atNanos() - from.atNanos()) / 1e9;
        Map<String, Long> ticks = new LinkedHashMap<>();
        long threadsTotal = 0;
        for (Map.Entry<Long, ThreadTicks> thread : to.appThreads().entrySet()) {
            ThreadTicks before = from.appThreads().get(thread.getKey());
            long delta = thread.getValue().ticks() - (before == null ? 0 : before.ticks());
            threadsTotal += delta;
            ticks.merge("app: " + group(thread.getValue().name()), delta, Long::sum);
        }
        long appTotal = to.app() - from.app();
        ticks.merge("app: threads that exited meanwhile", Math.max(0, appTotal - threadsTotal), Long::sum);
        ticks.put("redis-server", to.redis() - from.redis());
        ticks.put("postgres (all backends)", to.postgres() - from.postgres());
        ticks.put("load generator (bench JVM)", to.bench() - from.bench());
        long ours = appTotal
                + (to.redis() - from.redis())
                + (to.postgres() - from.postgres())
                + (to.bench() - from.bench());
        ticks.put(
                "foreign (other processes on the machine)", Math.max(0, to.machineBusy() - from.machineBusy() - ours));
        Map<String, Double> cores = new LinkedHashMap<>();
        cores.put("app JVM total", appTotal / TICKS_PER_SECOND / seconds);
        ticks.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> cores.put(e.getKey(), e.getValue() / TICKS_PER_SECOND / seconds));
        return cores;
    }

    /** Thread groups by the names the app gives its threads (Linux keeps the first 15 characters). */
    static String group(String comm) {
        if (comm.startsWith("http-nio")) {
            return "web (Tomcat request threads)";
        }
        if (comm.startsWith("q:preprocess")) {
            return "preprocess workers";
        }
        if (comm.startsWith("gear-")) {
            return "gear (read, TF inference, XADD)";
        }
        if (comm.startsWith("writer-")) {
            return "writer (PostgreSQL, PUBLISH)";
        }
        if (comm.startsWith("organisationEve")) {
            return "pub/sub -> WebSocket dispatch";
        }
        if (comm.startsWith("lettuce")) {
            return "Lettuce I/O";
        }
        if (comm.contains("GC") || comm.startsWith("G1")) {
            return "GC";
        }
        if (comm.startsWith("C1 Comp") || comm.startsWith("C2 Comp")) {
            return "JIT compiler";
        }
        return "other (" + comm.replaceAll("[-_ ]?\\d+$", "") + ")";
    }

    private static long machineBusy() {
        String[] cpu = read(Path.of("/proc/stat")).split("\n")[0].trim().split("\\s+");
        // user nice system idle iowait irq softirq steal
        long busy = 0;
        for (int i = 1; i < Math.min(cpu.length, 9); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(cpu[i]);
            }
        }
        return busy;
    }

    /** utime+stime and the parent pid from a stat file, or null when the process is gone. */
    private static long[] ticks(Path stat) {
        String text = read(stat);
        int close = text.lastIndexOf(')');
        if (close < 0) {
            return null;
        }
        String[] f = text.substring(close + 2).trim().split("\\s+");
        // after "pid (comm) ": state ppid ... utime is the 14th field overall, i.e. f[11]
        return new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[1])};
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
