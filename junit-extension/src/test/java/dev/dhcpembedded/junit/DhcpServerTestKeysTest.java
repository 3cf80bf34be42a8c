package dev.dhcpembedded.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.config.ConfigKey;
import dev.dhcpembedded.config.TextConfiguration;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The annotation's server attributes are the core's configuration keys: one for each key that has one. */
class DhcpServerTestKeysTest {

    /** The extension's own attributes, which shape no server. */
    private static final List<String> EXTENSION = List.of("testClock", "clockStart", "lifecycle");

    @Test
    void everyServerAttributeIsAKeyAndEveryKeyWithAnAttributeIsOne() {
        List<String> attributes = new ArrayList<>();
        for (Method m : DhcpServerTest.class.getDeclaredMethods()) {
            attributes.add(m.getName());
            if (!EXTENSION.contains(m.getName())) {
                assertThat(ConfigKey.named(m.getName()).flatMap(ConfigKey::attribute)).as(m.getName())
                        .contains(m.getName());
            }
        }
        for (ConfigKey key : ConfigKey.values()) {
            key.attribute().ifPresent(a -> assertThat(attributes).as("the attribute of key " + key.key())
                    .contains(a));
        }
    }

    @DhcpServerTest(bindInterface = "lo", subnet = "10.20.0.0/24", pool = "10.20.0.100-10.20.0.199",
            exclude = "10.20.0.150", staticLeases = "02:00:00:00:00:42=10.20.0.42",
            secondServer = "10.20.0.2=10.20.0.200-10.20.0.249", router = "10.20.0.1", dns = "10.20.0.53",
            domain = "lab.test", leaseSeconds = 600, serverId = "10.20.0.1", authoritative = true,
            rapidCommit = true, bootp = true, tftpRoot = "src/test/resources/netboot", bootFile = "ipxe.efi",
            ipxeScript = "boot.ipxe", subnet6 = "2001:db8:1::/64",
            pool6 = "2001:db8:1::100-2001:db8:1::1ff", prefixDelegation = "2001:db8:100::/48/56",
            dns6 = "2001:db8:1::53", staticLeases6 = "00:03:00:01:02:00:00:00:00:42=2001:db8:1::42",
            rapidCommit6 = true, ra = "managed")
    private static final class Everything {
    }

    @Test
    void everyAttributeGivenReachesTheConfiguration() {
        TextConfiguration text = AnnotationRecipe.configuration(Everything.class.getAnnotation(DhcpServerTest.class));
        for (ConfigKey key : ConfigKey.values()) {
            if (key.attribute().isPresent()) {
                assertThat(text.has(key)).as(key.attribute().get()).isTrue();
            }
        }
    }
}
