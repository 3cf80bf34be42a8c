package dev.dhcpembedded.junit;

import dev.dhcpembedded.client.Dhcp6TestClient;
import dev.dhcpembedded.client.Dhcp6TestClientBuilder;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.DhcpServerBuilder;
import dev.dhcpembedded.server.TestClock;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a {@link DhcpServer} for JUnit tests.
 *
 * <ul>
 *   <li>Declaratively, through {@link DhcpServerTest @DhcpServerTest} on the class.</li>
 *   <li>Programmatically, with {@code @RegisterExtension}: a {@code static} field gives one server for the class
 *       (and its nested classes), reset before each test (journal, leases, stubs, run-time changes; a TestClock
 *       keeps its time, since it only moves forward); an instance field gives a new server for each test.
 * <pre>{@code
 * @RegisterExtension
 * static DhcpServerExtension dhcp = DhcpServerExtension.builder()
 *     .server(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1"))
 *             .staticLease("02:00:00:00:00:42", "10.20.0.42"))
 *     .build();
 * }</pre></li>
 * </ul>
 *
 * The field gives access while a test runs: {@link #server()}, {@link #address()}, {@link #journal()} and
 * {@link #clock()}. Test, lifecycle and constructor parameters of the project's types are injected too:
 * {@link DhcpServer}, {@link TestClock}, {@link Journal}, {@link DhcpTestClient} (a client pointed at the server,
 * with a random MAC, closed after the test) and {@link Dhcp6TestClient} (a DHCPv6 client pointed at the server's
 * {@code [::1]} address, with a random DUID and one IA_NA, on the server's TestClock, which it moves when it waits
 * for a retransmission; closed after the test). JDK types such as {@code Clock} or {@code InetSocketAddress} are left
 * to other extensions; take them from the server. The server lives in the {@link ExtensionContext.Store}, so it
 * stops and frees its port however the test or class ends. When a test fails, its exchange is written as a pcap
 * under {@code target/dhcp-traffic/<class>/<method>.pcap} ({@code <method>[2].pcap} for the second invocation of a
 * parameterized or repeated test; the configuration parameter {@value #TRAFFIC_DIR_PROPERTY} moves it), and the
 * file is named in the failure. Tests that share a server take turns even under parallel execution; different
 * classes, and per-test servers, run side by side.
 */
public final class DhcpServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback, ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** The JUnit configuration parameter naming the folder failed tests' pcaps go to. */
    public static final String TRAFFIC_DIR_PROPERTY = FailedTestTraffic.DIR_PROPERTY;
    /** The default folder for failed tests' pcaps, relative to the working directory (the module in Maven). */
    public static final String DEFAULT_TRAFFIC_DIR = FailedTestTraffic.DEFAULT_DIR;

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DhcpServerExtension.class);
    private static final String SERVER = "server";

    /** Empty for the declarative form, which reads {@code @DhcpServerTest}. */
    private final Optional<ServerRecipe> recipe;
    /** The servers this extension started that still run: one, unless classes share a static field. */
    private final Set<ServerResource> live = ConcurrentHashMap.newKeySet();
    /** The server of the test or class this thread runs now, to tell several live servers apart. */
    private final ThreadLocal<ServerResource> bound = new ThreadLocal<>();

    /** For {@code @ExtendWith} through {@link DhcpServerTest}; use {@link #builder()} to register one yourself. */
    public DhcpServerExtension() {
        this.recipe = Optional.empty();
    }

    private DhcpServerExtension(ServerRecipe recipe) {
        this.recipe = Optional.of(recipe);
    }

    /** A server shaped through this builder; it runs on a fresh {@link TestClock} unless told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A server from {@code builder} as it is: its clock is the one the builder was given (a TestClock is injected
     * only if it is one). Per-test servers all come from this one builder.
     */
    public static DhcpServerExtension of(DhcpServerBuilder builder) {
        Objects.requireNonNull(builder, "builder");
        return new DhcpServerExtension(new ServerRecipe() {
            @Override
            public Started start() {
                DhcpServer server = buildChecked(builder::build, origin());
                server.start();
                return new Started(server, server.clock() instanceof TestClock
                        ? Optional.of((TestClock) server.clock()) : Optional.empty());
            }

            @Override
            public String origin() {
                return "DhcpServerExtension.of(DhcpServer.builder()...)";
            }
        });
    }

    // ---- lifecycle ----

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ServerResource existing = context.getStore(NAMESPACE).get(SERVER, ServerResource.class);
        ServerRecipe own;
        if (recipe.isPresent()) {
            if (existing != null && existing.creator() == this) {
                bound.set(existing); // a nested class: it uses the outer class's server
                return;
            }
            own = recipe.get();
        } else {
            Optional<DhcpServerTest> annotation = AnnotationSupport.findAnnotation(testClass, DhcpServerTest.class);
            if (annotation.isEmpty()) {
                if (existing != null) {
                    return; // a nested class without its own @DhcpServerTest
                }
                annotation = Optional.of(Defaults.class.getAnnotation(DhcpServerTest.class));
            }
            AnnotationRecipe fromAnnotation = new AnnotationRecipe(annotation.get(), testClass);
            fromAnnotation.validate();
            if (annotation.get().lifecycle() == DhcpServerTest.Lifecycle.PER_METHOD) {
                return;
            }
            own = fromAnnotation;
        }
        if (existing != null && existing.contextId().equals(context.getUniqueId())) {
            throw twoSources(testClass, existing.origin(), own.origin());
        }
        bound.set(start(context, own, true));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        ServerResource resource = resource(context);
        if (resource == null || resource.creator() != this) {
            return;
        }
        bound.set(resource);
        if (resource.shared()) {
            resource.turn().acquire();
            context.getStore(NAMESPACE).put(Turn.class, new Turn(resource));
            resource.server().reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ServerResource resource = context.getStore(NAMESPACE).get(SERVER, ServerResource.class);
        if (resource == null || resource.creator() != this) {
            return;
        }
        if (!resource.shared()) {
            bound.remove(); // a class's server stays bound for its @AfterAll methods
        }
        FailedTestTraffic.writeIfFailed(context, resource.server().journal());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        bound.remove();
    }

    // ---- the field's access to the running server ----

    /**
     * The server of the running test: the class's server for a {@code static} field, the test's own for an instance
     * field.
     *
     * @return the running server
     * @throws IllegalStateException outside a running test or class, saying where it works
     */
    public DhcpServer server() {
        return current("server()").server();
    }

    /**
     * Where the server of the running test listens, e.g. {@code 127.0.0.1:49152}.
     *
     * @return the server's address and port
     * @throws IllegalStateException outside a running test or class
     */
    public InetSocketAddress address() {
        return server().address();
    }

    /**
     * The journal of the running test's server: what it received, sent and dropped (a class's server starts each
     * test with an empty one).
     *
     * @return the server's journal
     * @throws IllegalStateException outside a running test or class
     */
    public Journal journal() {
        return server().journal();
    }

    /**
     * The {@link TestClock} the running test's server ages leases on; advance it to reach T1, T2 or expiry.
     *
     * @return the server's TestClock
     * @throws IllegalStateException outside a running test or class, or when the server runs on another clock
     */
    public TestClock clock() {
        ServerResource resource = current("clock()");
        return resource.clock().orElseThrow(() -> new IllegalStateException("clock() is the TestClock of the "
                + "server, but " + resource.origin() + " runs on " + resource.server().clock() + ". "
                + CLOCK_ADVICE));
    }

    private ServerResource current(String call) {
        ServerResource mine = bound.get();
        if (mine != null && mine.server().isRunning()) {
            return mine;
        }
        List<ServerResource> running = new ArrayList<>();
        for (ServerResource resource : live) {
            if (resource.server().isRunning()) {
                running.add(resource);
            }
        }
        if (running.size() == 1) {
            return running.get(0);
        }
        if (running.isEmpty()) {
            throw new IllegalStateException(call + " was called while no server of " + origin() + " runs. It "
                    + "works while a test runs: in the test and its @BeforeEach and @AfterEach methods, and for a "
                    + "static field also in @BeforeAll and @AfterAll. An instance field starts a server for each "
                    + "test, so it has none in the constructor or a field initializer");
        }
        throw new IllegalStateException(call + " cannot tell which server of " + origin() + " is meant: "
                + running.size() + " run at once (test classes that share the field, running in parallel), and "
                + "this thread runs none of their tests. Call it from the test's own thread, or take a DhcpServer "
                + "parameter");
    }

    private String origin() {
        return recipe.map(ServerRecipe::origin).orElse("@DhcpServerTest");
    }

    /** The server of this test, starting it first when this extension gives each test its own. */
    private ServerResource resource(ExtensionContext context) {
        ServerResource found = context.getStore(NAMESPACE).get(SERVER, ServerResource.class);
        if (found != null && found.creator() == this) {
            return found;
        }
        Optional<ServerRecipe> perTest = perTestRecipe(context);
        if (perTest.isEmpty()) {
            return found;
        }
        if (found != null && found.shared()) {
            throw twoSources(context.getRequiredTestClass(), found.origin(), perTest.get().origin());
        }
        if (context.getTestMethod().isEmpty()) {
            return found;
        }
        return start(context, perTest.get(), false);
    }

    /** The recipe when this extension starts a server for each test, as an instance field or PER_METHOD does. */
    private Optional<ServerRecipe> perTestRecipe(ExtensionContext context) {
        if (recipe.isPresent()) {
            return recipe;
        }
        Optional<DhcpServerTest> annotation = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, DhcpServerTest.class));
        if (annotation.isPresent() && annotation.get().lifecycle() == DhcpServerTest.Lifecycle.PER_METHOD) {
            return Optional.of(new AnnotationRecipe(annotation.get(), context.getRequiredTestClass()));
        }
        return Optional.empty();
    }

    private ServerResource start(ExtensionContext context, ServerRecipe recipe, boolean shared) {
        ServerRecipe.Started started = recipe.start();
        ServerResource resource = new ServerResource(started.server(), started.clock(), recipe.origin(), shared,
                this, context.getUniqueId(), live::remove);
        live.add(resource);
        context.getStore(NAMESPACE).put(SERVER, resource);
        return resource;
    }

    private static ExtensionConfigurationException twoSources(Class<?> testClass, String first, String second) {
        return new ExtensionConfigurationException(testClass.getName() + " declares two DHCP servers: " + first
                + " and " + second + ". Keep one: @DhcpServerTest for the common case, or a @RegisterExtension "
                + "DhcpServerExtension field for the full builder");
    }

    // ---- a parameter no extension injects: say what to change ----

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw ParameterAdvice.advise(throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw ParameterAdvice.advise(throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw ParameterAdvice.advise(throwable);
    }

    // ---- parameters ----

    /** The types injected: the project's own only, so that no other extension's parameters are taken. */
    private static final List<Class<?>> INJECTABLE = List.of(DhcpServer.class, TestClock.class, Journal.class,
            DhcpTestClient.class, Dhcp6TestClient.class);

    private static final String CLOCK_ADVICE = "Use @DhcpServerTest(testClock = true), leave "
            + "DhcpServerExtension.builder() on its default TestClock, or give the builder "
            + ".clock(TestClock.startingNow())";

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (INJECTABLE.contains(type)) {
            ServerResource found = extensionContext.getStore(NAMESPACE).get(SERVER, ServerResource.class);
            // with two server sources, one answers: the one whose server this is, or which makes per-test ones
            return found != null ? found.creator() == this : perTestRecipe(extensionContext).isPresent()
                    || recipe.isEmpty();
        }
        // other extensions of this project (e.g. DhcpNetwork) inject their own types
        if (type.getName().startsWith("dev.dhcpembedded.") && !type.getName().startsWith("dev.dhcpembedded.junit.")) {
            throw new ExtensionConfigurationException("DhcpServerExtension cannot inject a "
                    + type.getSimpleName() + " into " + describe(parameterContext) + "; it injects " + names()
                    + ". Take what you need from the DhcpServer parameter instead");
        }
        return false;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        ServerResource resource = resource(extensionContext);
        if (resource == null) {
            throw new ParameterResolutionException("no DHCP server is running yet for " + describe(parameterContext)
                    + ": a server per test starts before each test, so take it as a parameter of the test or of"
                    + " @BeforeEach, not of the constructor or @BeforeAll");
        }
        DhcpServer server = resource.server();
        if (type == DhcpServer.class) {
            return server;
        }
        if (type == Journal.class) {
            return server.journal();
        }
        if (type == TestClock.class) {
            return resource.clock().orElseThrow(() -> new ExtensionConfigurationException(describe(
                    parameterContext) + " wants a TestClock, but " + resource.origin() + " runs on "
                    + server.clock() + ". " + CLOCK_ADVICE));
        }
        AutoCloseable client = type == Dhcp6TestClient.class ? client6(resource, parameterContext)
                : DhcpTestClient.builder().server(server.address()).build();
        extensionContext.getStore(NAMESPACE).put(new Object(), new ClosingClient(client));
        return client;
    }

    /** A DHCPv6 client at the server's v6 address, on its TestClock (moved by the client's waits) if it has one. */
    private static Dhcp6TestClient client6(ServerResource resource, ParameterContext parameterContext) {
        DhcpServer server = resource.server();
        InetSocketAddress v6;
        try {
            v6 = server.v6().address();
        } catch (IllegalStateException e) {
            throw new ExtensionConfigurationException(describe(parameterContext) + " needs a DHCPv6 server, but "
                    + resource.origin() + " serves no DHCPv6. Add @DhcpServerTest(subnet6 = \"2001:db8:1::/64\", "
                    + "pool6 = ...) or .subnet6(...) on the builder", e);
        }
        Dhcp6TestClientBuilder builder = Dhcp6TestClient.builder().server(v6);
        Optional<TestClock> clock = resource.clock();
        return (clock.isPresent() ? builder.clock(clock.get(), clock.get()::advance)
                : builder.clock(server.clock())).build();
    }

    private static String names() {
        List<String> names = new ArrayList<>();
        INJECTABLE.forEach(c -> names.add(c.getSimpleName()));
        return String.join(", ", names);
    }

    private static String describe(ParameterContext parameterContext) {
        return "parameter " + parameterContext.getIndex() + " (" + parameterContext.getParameter().getType()
                .getSimpleName() + ") of " + parameterContext.getDeclaringExecutable().getName();
    }

    // ---- small closeable holders ----

    /** The turn of one test at a shared server, given back when the test's context closes. */
    @SuppressWarnings("deprecation")
    private static final class Turn implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        private final ServerResource resource;
        private boolean released;

        Turn(ServerResource resource) {
            this.resource = resource;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                resource.turn().release();
            }
        }
    }

    @SuppressWarnings("deprecation")
    private static final class ClosingClient implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        private final AutoCloseable client;

        ClosingClient(AutoCloseable client) {
            this.client = client;
        }

        @Override
        public void close() throws Exception {
            client.close();
        }
    }

    /** Carries the defaults of {@code @DhcpServerTest} for a bare {@code @ExtendWith(DhcpServerExtension.class)}. */
    @DhcpServerTest
    private static final class Defaults {
    }

    private static DhcpServer buildChecked(Supplier<DhcpServer> build, String origin) {
        try {
            return build.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ExtensionConfigurationException(origin + " is misconfigured: " + e.getMessage(), e);
        }
    }

    // ---- the builder ----

    /**
     * Shapes the server of a {@code @RegisterExtension} field: the server itself through {@link #server(Consumer)},
     * which hands over the server's own {@link DhcpServerBuilder}, and what belongs to the extension here. Every
     * server it starts gets a fresh {@link TestClock} (starting now, or at {@link #testClock(Instant)}), unless
     * {@link #systemClock()} is asked.
     */
    public static final class Builder {

        private final List<Consumer<DhcpServerBuilder>> steps = new ArrayList<>();
        private Optional<Instant> clockStart = Optional.empty();
        private boolean testClock = true;

        private Builder() {
        }

        /**
         * Shapes the server with its own builder, the one place its options live: subnets, leases, options,
         * where it listens and everything else {@link DhcpServerBuilder} offers. Called again, it adds a step: the
         * steps run in order on a new builder for each server started.
         *
         * <pre>{@code
         * DhcpServerExtension.builder()
         *     .server(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).authoritative())
         *     .build();
         * }</pre>
         *
         * @param step what to set on the server's builder
         * @return this builder
         */
        public Builder server(Consumer<DhcpServerBuilder> step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /**
         * Each server runs on a new TestClock starting at {@code start}.
         *
         * @param start the instant the clock shows when the server starts
         * @return this builder
         */
        public Builder testClock(Instant start) {
            this.clockStart = Optional.of(start);
            this.testClock = true;
            return this;
        }

        /**
         * The server runs on the system clock: no TestClock to inject.
         *
         * @return this builder
         */
        public Builder systemClock() {
            this.testClock = false;
            return this;
        }

        /**
         * The extension, to keep in a {@code @RegisterExtension} field.
         *
         * @return the extension
         */
        public DhcpServerExtension build() {
            List<Consumer<DhcpServerBuilder>> frozen = List.copyOf(steps);
            boolean useTestClock = testClock;
            Optional<Instant> start = clockStart;
            return new DhcpServerExtension(new ServerRecipe() {
                @Override
                public Started start() {
                    Optional<TestClock> clock = useTestClock
                            ? Optional.of(start.map(TestClock::at).orElseGet(TestClock::startingNow))
                            : Optional.empty();
                    DhcpServer server = buildChecked(() -> {
                        DhcpServerBuilder builder = DhcpServer.builder();
                        frozen.forEach(step -> step.accept(builder));
                        clock.ifPresent(builder::clock);
                        return builder.build();
                    }, origin());
                    server.start();
                    return new Started(server, clock);
                }

                @Override
                public String origin() {
                    return "DhcpServerExtension.builder()";
                }
            });
        }
    }
}
