package dev.dhcpembedded.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hands out /24s from a /16 (default {@code 10.231.0.0/16}) so labs of parallel tests and parallel
 * JVMs never share a subnet: a candidate is skipped when the root namespace already has an address
 * in it, and taken by creating a lock file named after it (CREATE_NEW, so two JVMs cannot both win).
 * Lock files of dead processes are reclaimed.
 */
final class SubnetAllocator {

    static final String DEFAULT_POOL = "10.231.0.0/16";

    private static final Pattern INET = Pattern.compile("\\binet (\\d+)\\.(\\d+)\\.(\\d+)\\.\\d+/");

    private final int a;
    private final int b;
    private final Path lockDir;

    SubnetAllocator(String pool16, Path lockDir) {
        String[] parts = pool16.strip().split("/");
        if (parts.length != 2 || !parts[1].equals("16")) {
            throw new IllegalArgumentException("address pool must be an IPv4 /16 such as 10.231.0.0/16: " + pool16);
        }
        String[] o = parts[0].split("\\.");
        this.a = Integer.parseInt(o[0]);
        this.b = Integer.parseInt(o[1]);
        this.lockDir = lockDir;
    }

    static Path defaultLockDir() {
        Path run = Path.of("/run");
        Path base = Files.isDirectory(run) && Files.isWritable(run) ? run : Path.of(System.getProperty("java.io.tmpdir"));
        return base.resolve("dhcp-embedded").resolve("subnets");
    }

    /** Takes a free /24, starting the search at a spot derived from {@code seed}. */
    Subnet24 allocate(long seed) {
        try {
            Files.createDirectories(lockDir);
        } catch (IOException e) {
            throw new LabException("cannot create lock directory " + lockDir + ": " + e.getMessage(), e);
        }
        Set<Integer> used = thirdOctetsInUse();
        int start = (int) Math.floorMod(seed, 254L);
        for (int i = 0; i < 254; i++) {
            int c = 1 + (start + i) % 254;
            if (used.contains(c)) {
                continue;
            }
            Subnet24 candidate = new Subnet24(a, b, c);
            if (tryLock(candidate)) {
                return candidate;
            }
        }
        throw new LabException("no free /24 left in " + a + "." + b + ".0.0/16 for a test lab");
    }

    /** Claims a specific /24 (a test asked for it); fails if another lab holds it. */
    Subnet24 claim(Subnet24 wanted) {
        try {
            Files.createDirectories(lockDir);
        } catch (IOException e) {
            throw new LabException("cannot create lock directory " + lockDir + ": " + e.getMessage(), e);
        }
        if (!tryLock(wanted)) {
            throw new LabException("subnet " + wanted + " is already used by another test lab");
        }
        return wanted;
    }

    void release(Subnet24 subnet) {
        try {
            Files.deleteIfExists(lockFile(subnet));
        } catch (IOException | RuntimeException e) {
            // best effort: a stale lock is reclaimed once its process is gone
        }
    }

    private boolean tryLock(Subnet24 s) {
        Path f = lockFile(s);
        String me = Long.toString(ProcessHandle.current().pid());
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(f, me, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException e) {
                if (!ownerIsDead(f)) {
                    return false;
                }
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    return false;
                }
            } catch (IOException e) {
                throw new LabException("cannot write lock file " + f + ": " + e.getMessage(), e);
            }
        }
        return false;
    }

    private static boolean ownerIsDead(Path f) {
        try {
            long pid = Long.parseLong(Files.readString(f).strip());
            return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false; // being written right now, or unreadable: leave it alone
        }
    }

    private Path lockFile(Subnet24 s) {
        return lockDir.resolve(s.a() + "." + s.b() + "." + s.c());
    }

    private Set<Integer> thirdOctetsInUse() {
        Set<Integer> used = new HashSet<>();
        CommandResult r = Commands.run(Duration.ofSeconds(10), "ip", "-4", "-o", "addr", "show");
        Matcher m = INET.matcher(r.stdout());
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == a && Integer.parseInt(m.group(2)) == b) {
                used.add(Integer.parseInt(m.group(3)));
            }
        }
        return used;
    }
}
