package dev.dhcpembedded.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar dhcp-embedded-<version>-cli.jar}: runs a server (SPEC §5), or {@code decode FILE.pcap}. A bad flag
 * or value exits 2 with one line that says what is wrong.
 */
@Command(name = "dhcp-embedded", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "An embedded DHCPv4 server for the test suites of DHCP clients.",
        subcommands = {DecodeCommand.class})
public final class Main implements Callable<Integer> {

    /** Exit code for a bad flag or value, and for a bad input file. */
    public static final int USAGE = 2;

    public static void main(String[] args) {
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

    /** Runs the server; its options come with the server package. Until then: nothing to do. */
    @Override
    public Integer call() {
        // TODO(server): the server-running options of SPEC §5 (--bind, --subnet, ...) and their run loop go here.
        return 0;
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
