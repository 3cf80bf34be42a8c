package dev.dhcpembedded.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar dhcp-embedded-cli-<version>-all.jar}: runs a server (SPEC §5), or {@code decode FILE.pcap}. A bad flag
 * or value exits 2 with one line that says what is wrong.
 */
@Command(name = "dhcp-embedded", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "An embedded DHCPv4 and DHCPv6 server for the test suites of DHCP clients.",
        subcommands = {DecodeCommand.class, DemoCommand.class})
public final class Main implements Callable<Integer> {

    /** Exit code for a bad flag or value, and for a bad input file. */
    public static final int USAGE = 2;

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: parse errors print one line on stderr and exit {@value #USAGE}. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println(failed.getCommandName() + ": " + ex.getMessage()
                    + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
            failed.getErr().flush();
            return USAGE;
        });
        return cmd;
    }

    @CommandLine.Mixin
    private final ServeOptions serve = new ServeOptions();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the server until SIGINT/SIGTERM or --max-seconds. */
    @Override
    public Integer call() {
        return new ServerRunner(serve, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    }

    /**
     * The project's version, from {@code version.properties} beside this class (filtered by Maven from the POM's
     * version, so it is there on the test class path and in every jar).
     */
    static final class Version implements CommandLine.IVersionProvider {
        static final String RESOURCE = "version.properties";

        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"dhcp-embedded " + version()};
        }

        static String version() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IOException(RESOURCE + " is missing beside " + Main.class.getName());
                }
                properties.load(in);
            }
            String version = properties.getProperty("version", "");
            if (version.isEmpty() || version.startsWith("${")) {
                throw new IOException(RESOURCE + " holds no version (was it filtered?): '" + version + "'");
            }
            return version;
        }
    }
}
