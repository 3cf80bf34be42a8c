package dev.dhcpembedded.testcontainers;

import dev.dhcpembedded.junit.FailedTestTraffic;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit 5 glue of the {@link DhcpNetwork} fields of a test class:
 * {@code @ExtendWith(DhcpNetworkExtension.class)}.
 *
 * <ul>
 *   <li>A static field's network starts before the class's tests and closes after them; an instance field's
 *       network starts before each test and closes after it (with {@code @TestInstance(PER_CLASS)}, as a static
 *       field's). The extension keeps them in JUnit's
 *       {@link ExtensionContext.Store}, as Testcontainers' extension does; next to {@code @Testcontainers} and
 *       {@code @Container} either may start and close a network, since both are idempotent.</li>
 *   <li>A test parameter of type {@code DhcpNetwork} gets the class's network, started (when there is exactly
 *       one).</li>
 *   <li>After a failed test, each network's journal is written to
 *       {@code target/dhcp-traffic/<class>/<method>.pcap} (as the server extension does, with {@code [n]} per
 *       invocation of a parameterized or repeated test).</li>
 *   <li>A test during which the channel to a network's agent broke fails naming the agent (or, when it failed
 *       already, carries that as a suppressed exception).</li>
 * </ul>
 *
 * <p>It injects no {@code DhcpServer}, so it can sit next to {@code @DhcpServerTest}; use
 * {@link DhcpNetwork#server()} for assertions.
 *
 * <pre>{@code
 * @ExtendWith(DhcpNetworkExtension.class)
 * class ThermostatTest {
 *     static final DhcpNetwork NETWORK = DhcpNetwork.builder().subnet(s -> s.domainName("lab.test")).build();
 *
 *     @Test
 *     void boots(DhcpNetwork network) { ... }
 * }
 * }</pre>
 */
public final class DhcpNetworkExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DhcpNetworkExtension.class);

    /** The extension; JUnit makes it from {@code @ExtendWith(DhcpNetworkExtension.class)}. */
    public DhcpNetworkExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        for (DhcpNetwork network : staticNetworks(context.getRequiredTestClass())) {
            startAndCloseWith(context, network);
        }
        if (context.getTestInstanceLifecycle().orElse(Lifecycle.PER_METHOD) == Lifecycle.PER_CLASS
                && context.getTestInstances().isPresent()) {
            for (DhcpNetwork network : instanceNetworks(context)) { // one instance for all tests: like static fields
                startAndCloseWith(context, network);
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (DhcpNetwork network : instanceNetworks(context)) {
            startAndCloseWith(context, network);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (DhcpNetwork network : networks(context)) {
            if (network.isRunning()) {
                FailedTestTraffic.writeIfFailed(context, network.journal());
            }
            Optional<String> broken = network.failure();
            if (broken.isPresent()) {
                Optional<Throwable> failure = context.getExecutionException();
                if (failure.isPresent()) {
                    failure.get().addSuppressed(new DhcpNetworkException(broken.get()));
                } else {
                    throw new DhcpNetworkException(broken.get());
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == DhcpNetwork.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        List<DhcpNetwork> found = networks(extensionContext);
        if (found.size() != 1) {
            throw new ParameterResolutionException("DhcpNetworkExtension injects the DhcpNetwork of a field of "
                    + extensionContext.getRequiredTestClass().getName() + ", which has " + found.size()
                    + " of them; use the field instead");
        }
        DhcpNetwork network = found.get(0);
        network.start();
        return network;
    }

    /**
     * Starts {@code network} and closes it when {@code context} ends, unless an enclosing context (the class's, for
     * a network in a static field) closes it already.
     */
    private static void startAndCloseWith(ExtensionContext context, DhcpNetwork network) {
        network.start();
        context.getStore(NAMESPACE).getOrComputeIfAbsent(network, n -> new Closer(network), Closer.class);
    }

    /** The networks in the static fields of the test class and in the instance fields of the test instances. */
    private static List<DhcpNetwork> networks(ExtensionContext context) {
        List<DhcpNetwork> all = new ArrayList<>(staticNetworks(context.getRequiredTestClass()));
        if (context.getTestInstances().isPresent()) {
            for (DhcpNetwork network : instanceNetworks(context)) {
                if (!all.contains(network)) {
                    all.add(network);
                }
            }
        }
        return all;
    }

    private static List<DhcpNetwork> staticNetworks(Class<?> testClass) {
        return read(testClass, null, field -> Modifier.isStatic(field.getModifiers()));
    }

    private static List<DhcpNetwork> instanceNetworks(ExtensionContext context) {
        List<DhcpNetwork> found = new ArrayList<>();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            found.addAll(read(instance.getClass(), instance, field -> !Modifier.isStatic(field.getModifiers())));
        }
        return found;
    }

    private static List<DhcpNetwork> read(Class<?> type, Object instance, Predicate<Field> which) {
        List<DhcpNetwork> found = new ArrayList<>();
        List<Field> fields = ReflectionSupport.findFields(type,
                field -> field.getType() == DhcpNetwork.class && which.test(field), HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            Object value = ReflectionSupport.tryToReadFieldValue(field, instance).getOrThrow(e ->
                    new ExtensionConfigurationException("cannot read DhcpNetwork field " + field + ": " + e, e));
            if (value == null) {
                throw new ExtensionConfigurationException("DhcpNetwork field " + field.getName() + " of "
                        + type.getName() + " is null; give it a network, e.g. DhcpNetwork.newNetwork()");
            }
            found.add((DhcpNetwork) value);
        }
        return found;
    }

    /** Closes a network when the JUnit context that started it ends. */
    @SuppressWarnings("deprecation")
    private static final class Closer implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final DhcpNetwork network;

        Closer(DhcpNetwork network) {
            this.network = network;
        }

        @Override
        public void close() {
            network.close();
        }
    }
}
