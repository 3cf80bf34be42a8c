package dev.dhcpembedded.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The public API of one artifact, one line per public type and per public or protected member, read by reflection
 * from the module's compiled classes. Packages named {@code internal} are not API and are left out; a public
 * signature that names an internal type is reported as a leak. Used by each module's {@code ApiListingTest}: the
 * listing committed under {@code api/<artifact>.txt} must equal what the build produces, so every API change is a
 * reviewed diff.
 */
public final class ApiListing {

    /** System property: {@code -Dapi.update=true} rewrites the committed listing instead of comparing. */
    public static final String UPDATE_PROPERTY = "api.update";

    private final List<String> lines;
    private final List<String> leaks;

    private ApiListing(List<String> lines, List<String> leaks) {
        this.lines = lines;
        this.leaks = leaks;
    }

    /**
     * Reads the API of the classes under {@code classesDir} (e.g. {@code target/classes}).
     *
     * @param classesDir the module's output directory
     * @return the listing
     */
    public static ApiListing of(Path classesDir) {
        TreeSet<String> lines = new TreeSet<>();
        List<String> leaks = new ArrayList<>();
        ClassLoader loader = ApiListing.class.getClassLoader();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = classesDir.relativize(file).toString();
                if (!name.endsWith(".class") || name.endsWith("module-info.class")
                        || name.endsWith("package-info.class")) {
                    continue;
                }
                String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                if (isInternal(className)) {
                    continue;
                }
                Class<?> type = Class.forName(className, false, loader);
                if (!isExported(type)) {
                    continue;
                }
                list(type, lines, leaks);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return new ApiListing(new ArrayList<>(lines), leaks);
    }

    private static boolean isInternal(String className) {
        return className.contains(".internal.") || className.contains(".shaded.");
    }

    /** Public, and every enclosing type public too. */
    private static boolean isExported(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static void list(Class<?> type, TreeSet<String> lines, List<String> leaks) {
        String header = type.getName() + " " + describeType(type);
        lines.add(header);
        check(header, leaks);
        boolean extensible = !Modifier.isFinal(type.getModifiers()) && !type.isEnum() && !type.isRecord();
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c, extensible) && !c.isSynthetic()) {
                add(type, "  " + c.toGenericString().replace(type.getName() + "(", "<init>("), lines, leaks);
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m, extensible) && !m.isSynthetic() && !m.isBridge()) {
                add(type, "  " + m.toGenericString(), lines, leaks);
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f, extensible) && !f.isSynthetic()) {
                add(type, "  " + f.toGenericString(), lines, leaks);
            }
        }
    }

    private static boolean visible(Member member, boolean extensible) {
        int mods = member.getModifiers();
        return Modifier.isPublic(mods) || (extensible && Modifier.isProtected(mods));
    }

    private static void add(Class<?> type, String member, TreeSet<String> lines, List<String> leaks) {
        String line = type.getName() + member.replace(type.getName() + ".", " ");
        lines.add(line);
        check(line, leaks);
    }

    private static void check(String line, List<String> leaks) {
        if (line.contains(".internal.")) {
            leaks.add(line);
        }
    }

    private static String describeType(Class<?> type) {
        StringBuilder out = new StringBuilder(Modifier.toString(type.getModifiers() & ~Modifier.INTERFACE
                & ~Modifier.ABSTRACT & ~Modifier.STATIC));
        if (out.length() > 0) {
            out.append(' ');
        }
        if (type.isAnnotation()) {
            out.append("@interface");
        } else if (type.isInterface()) {
            out.append("interface");
        } else if (type.isEnum()) {
            out.append("enum");
        } else if (type.isRecord()) {
            out.append("record");
        } else {
            out.append(Modifier.isAbstract(type.getModifiers()) ? "abstract class" : "class");
        }
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
                && !type.isRecord()) {
            out.append(" extends ").append(type.getGenericSuperclass().getTypeName());
        }
        var interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            out.append(type.isInterface() ? " extends " : " implements ");
            for (int i = 0; i < interfaces.length; i++) {
                out.append(i == 0 ? "" : ", ").append(interfaces[i].getTypeName());
            }
        }
        return out.toString();
    }

    /** @return one line per public type and member, sorted */
    public List<String> lines() {
        return lines;
    }

    /** @return the lines whose signature names a type under an internal package */
    public List<String> leaks() {
        return leaks;
    }

    /** @return how many public types the listing holds */
    public long typeCount() {
        return lines.stream().filter(l -> !l.contains("  ")).count();
    }

    /** @return how many public members the listing holds */
    public long memberCount() {
        return lines.size() - typeCount();
    }

    /**
     * The committed listing of {@code artifact}, searched from the working directory upwards.
     *
     * @param artifact e.g. {@code dhcp-embedded}
     * @return the path of {@code api/<artifact>.txt}
     */
    public static Path committed(String artifact) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("api"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no api/ directory above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("api").resolve(artifact + ".txt");
    }

    /**
     * Compares with the committed listing, or rewrites it under {@code -Dapi.update=true}.
     *
     * @param artifact the artifact's name
     * @return an empty string when they agree, else a report of the difference and how to accept it
     */
    public String compareWithCommitted(String artifact) {
        Path file = committed(artifact);
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.write(file, lines, StandardCharsets.UTF_8);
                return "";
            }
            List<String> committed = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            if (committed.equals(lines)) {
                return "";
            }
            TreeSet<String> added = new TreeSet<>(lines);
            committed.forEach(added::remove);
            TreeSet<String> removed = new TreeSet<>(committed);
            lines.forEach(removed::remove);
            StringBuilder out = new StringBuilder("The public API of " + artifact + " differs from " + file + ".\n");
            added.forEach(l -> out.append("+ ").append(l).append('\n'));
            removed.forEach(l -> out.append("- ").append(l).append('\n'));
            out.append("If the change is deliberate, rewrite the listing with\n  mvn -pl <module> test "
                    + "-Dtest=ApiListingTest -D" + UPDATE_PROPERTY + "=true\nand commit it with the change.");
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
