package dev.dhcpembedded.junit;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * JUnit's "No ParameterResolver registered" for a JDK type a DHCP test reaches for (the server's clock or address),
 * turned into an {@link ExtensionConfigurationException} that says where to take it from. The extension leaves those
 * types to other extensions, so it can only advise once no extension took them.
 */
final class ParameterAdvice {

    private static final Pattern UNRESOLVED = Pattern.compile("No ParameterResolver registered for parameter \\[([\\w.$]+) ");
    private static final Map<String, String> WHERE = Map.of(
            "java.time.Clock", "a TestClock parameter, or the DhcpServer parameter's clock()",
            "java.net.InetSocketAddress", "the DhcpServer parameter's address() (or v6().address())",
            "java.net.InetAddress", "the DhcpServer parameter's address().getAddress()",
            "java.net.Inet4Address", "the DhcpServer parameter's serverIdentifier()",
            "java.time.Instant", "a TestClock parameter's instant()");

    private ParameterAdvice() {
    }

    /** {@return {@code failure}, or an ExtensionConfigurationException saying what to change instead of it} */
    static Throwable advise(Throwable failure) {
        if (!(failure instanceof ParameterResolutionException) || failure.getMessage() == null) {
            return failure;
        }
        Matcher m = UNRESOLVED.matcher(failure.getMessage());
        if (!m.find() || !WHERE.containsKey(m.group(1))) {
            return failure;
        }
        String type = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
        return new ExtensionConfigurationException("DhcpServerExtension does not inject a " + type + ": "
                + failure.getMessage() + ". It injects DhcpServer, TestClock, Journal and DhcpTestClient; take the "
                + type + " from " + WHERE.get(m.group(1)), failure);
    }
}
