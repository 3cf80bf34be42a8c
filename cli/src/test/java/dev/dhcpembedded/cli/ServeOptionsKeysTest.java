package dev.dhcpembedded.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.config.ConfigKey;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The server's flags are the core's configuration keys: one flag for each key that has one, and no other. */
class ServeOptionsKeysTest {

    /** The runner's own flags, which shape no server. */
    private static final List<String> RUNNER = List.of("--pcap", "--report", "--max-seconds", "--quiet");

    private static List<String> flags() {
        List<String> flags = new ArrayList<>();
        for (Field field : ServeOptions.class.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option != null) {
                flags.addAll(List.of(option.names()));
            }
        }
        return flags;
    }

    @Test
    void everyServerFlagIsAKeyAndEveryKeyWithAFlagIsOne() {
        List<String> flags = flags();
        for (String flag : flags) {
            if (!RUNNER.contains(flag)) {
                assertThat(ConfigKey.named(flag).flatMap(ConfigKey::flag)).as(flag).contains(flag);
            }
        }
        for (ConfigKey key : ConfigKey.values()) {
            key.flag().ifPresent(flag -> assertThat(flags).as("the flag of key " + key.key()).contains(flag));
        }
    }

    @Test
    void everyFlagGivenReachesTheConfiguration() {
        ServeOptions options = new ServeOptions();
        CommandLine.populateCommand(options, "--bind", "127.0.0.1:0", "--interface", "lo", "--subnet",
                "10.20.0.0/24", "--pool", "10.20.0.100-10.20.0.199", "--static", "02:00:00:00:00:42=10.20.0.42",
                "--second-server", "10.20.0.2=10.20.0.200-10.20.0.249", "--router", "10.20.0.1", "--dns",
                "10.20.0.53", "--domain", "lab.test", "--lease", "600", "--server-id", "10.20.0.1",
                "--authoritative", "--rapid-commit", "--subnet6", "2001:db8:1::/64", "--pool6",
                "2001:db8:1::100-2001:db8:1::1ff", "--pd", "2001:db8:100::/48/56", "--dns6", "2001:db8:1::53",
                "--static6", "00:03:00:01:02:00:00:00:00:42=2001:db8:1::42", "--rapid-commit6", "--ra", "managed",
                "--journal", "100", "--journal-bytes", "2097152", "--receive-buffer", "0", "--tftp-root", "/srv/tftp",
                "--boot-file", "7=ipxe.efi", "--ipxe-script", "boot.ipxe");
        var text = options.configuration();
        for (ConfigKey key : ConfigKey.values()) {
            Optional<String> flag = key.flag();
            if (flag.isPresent()) {
                assertThat(text.has(key)).as(flag.get()).isTrue();
            }
        }
    }
}
