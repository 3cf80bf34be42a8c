package dev.dhcpembedded.junit;

import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.report.HtmlReport;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Writes the DHCP exchange of a failed test as a pcap, for every extension of the project (the server extension
 * and {@code DhcpNetwork}), so that they name and announce the file alike:
 * {@code target/dhcp-traffic/<class>/<method>.pcap}, with the invocation's index for a parameterized, repeated or
 * otherwise templated test ({@code <method>[2].pcap}, {@code <method>[1][3].pcap} inside a parameterized class), so
 * that invocations do not overwrite each other's. A second journal written for the same invocation (two extensions
 * on one test) gets {@code -2}, {@code -3}... before {@code .pcap}. Beside each pcap goes its HTML report
 * ({@code <method>.html}: the exchange as a ladder diagram, the failure above it and the message closest to the
 * failed expectation highlighted). The files are named in the failure, as a suppressed {@link DhcpTrafficWritten},
 * and published as the report entries {@value #REPORT_KEY} and {@value #HTML_REPORT_KEY}.
 */
public final class FailedTestTraffic {

    /** The JUnit configuration parameter naming the folder the pcaps go to. */
    public static final String DIR_PROPERTY = "dhcp.embedded.traffic.dir";
    /** The default folder, relative to the working directory (the module in Maven). */
    public static final String DEFAULT_DIR = "target/dhcp-traffic";
    /** The key of the report entry that names the pcap. */
    public static final String REPORT_KEY = "dhcp-traffic";
    /** The key of the report entry that names the HTML report beside the pcap. */
    public static final String HTML_REPORT_KEY = "dhcp-report";

    /** A segment of a unique id such as {@code [test-template-invocation:#2]}. */
    private static final Pattern INVOCATION = Pattern.compile("\\[[a-z-]+-invocation:#(\\d+)]");
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FailedTestTraffic.class);

    private FailedTestTraffic() {
    }

    /**
     * When the test of {@code context} failed, writes {@code journal} to its pcap and names the file in the failure;
     * a file that cannot be written is named in the failure too. Does nothing for a test that passed, or whose
     * journal is empty (it failed before any DHCP message, e.g. on a parameter).
     *
     * @param context the context of the test, in an {@code afterEach} callback
     * @param journal what the server saw and sent during the test
     * @return the file written, if any
     */
    public static Optional<Path> writeIfFailed(ExtensionContext context, Journal journal) {
        Optional<Throwable> failure = context.getExecutionException();
        if (failure.isEmpty() || journal.size() == 0) {
            return Optional.empty(); // an empty pcap says nothing: a test that failed before any DHCP gets none
        }
        Path pcap = nextPath(context);
        try {
            journal.writePcap(pcap);
        } catch (IOException | RuntimeException e) {
            failure.get().addSuppressed(new IOException("could not write the DHCP exchange of this test to " + pcap
                    + ": " + e, e));
            return Optional.empty();
        }
        Optional<Path> report = writeReport(context, journal, failure.get(), pcap);
        failure.get().addSuppressed(new DhcpTrafficWritten(pcap, report.orElse(null), journal.size()));
        context.publishReportEntry(REPORT_KEY, pcap.toString());
        report.ifPresent(r -> context.publishReportEntry(HTML_REPORT_KEY, r.toString()));
        return Optional.of(pcap);
    }

    /** The HTML report beside the pcap, the failure above its ladder and the closest message highlighted. */
    private static Optional<Path> writeReport(ExtensionContext context, Journal journal, Throwable failure,
            Path pcap) {
        String name = pcap.getFileName().toString();
        Path html = pcap.resolveSibling(name.substring(0, name.length() - ".pcap".length()) + ".html");
        try {
            HtmlReport report = HtmlReport.of(journal).failed(FailureText.shown(failure))
                    .titled(context.getTestClass().map(Class::getSimpleName).orElse("test") + " \u203a "
                            + context.getDisplayName());
            OptionalLong closest = FailureText.closest(failure);
            (closest.isPresent() ? report.closest(closest.getAsLong()) : report).write(html);
            return Optional.of(html);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(new IOException("could not write the HTML report of this test to " + html + ": "
                    + e, e));
            return Optional.empty();
        }
    }

    /**
     * Where the first journal of this invocation goes: {@code <dir>/<class>/<method><invocation>.pcap}.
     *
     * @param context the context of a test
     * @return the pcap's path, relative to the working directory unless {@value #DIR_PROPERTY} is absolute
     */
    public static Path pcapPath(ExtensionContext context) {
        return path(context, "");
    }

    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: the one of JUnit 5.14 and 6 alike
    private static Path nextPath(ExtensionContext context) {
        int written = context.getStore(NAMESPACE).getOrComputeIfAbsent("written", k -> new AtomicInteger(),
                AtomicInteger.class).incrementAndGet();
        return path(context, written == 1 ? "" : "-" + written);
    }

    private static Path path(ExtensionContext context, String suffix) {
        String base = context.getConfigurationParameter(DIR_PROPERTY).orElse(DEFAULT_DIR);
        String className = context.getTestClass().map(Class::getName).orElse("unknown");
        String method = context.getTestMethod().map(Method::getName).orElse("class");
        return Paths.get(base, safe(className), safe(method) + invocation(context.getUniqueId()) + suffix + ".pcap");
    }

    /**
     * The index of every template invocation the test is part of, outermost first: {@code [2]} for the second
     * invocation of a parameterized or repeated test, {@code [1][3]} inside the first invocation of a parameterized
     * class; empty for a plain test.
     */
    static String invocation(String uniqueId) {
        StringBuilder indices = new StringBuilder();
        Matcher matcher = INVOCATION.matcher(uniqueId);
        while (matcher.find()) {
            indices.append('[').append(matcher.group(1)).append(']');
        }
        return indices.toString();
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._$-]", "_");
    }
}
