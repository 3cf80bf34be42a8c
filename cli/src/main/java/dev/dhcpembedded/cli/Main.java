package dev.dhcpembedded.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar dhcp-embedded-cli-<version>-all.jar}: runs a server (SPEC §5), or {@code decode FILE.pcap}. A bad flag
 * or value exits 2 with one line that says what is wrong.
 */
@Command(name = "dhcp-embedded", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "An embedded DHCPv4 server for the test suites of DHCP clients.",
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

    /** The version from the jar's manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"dhcp-embedded " + (version == null ? "(development build)" : version)};
        }
    }
}
