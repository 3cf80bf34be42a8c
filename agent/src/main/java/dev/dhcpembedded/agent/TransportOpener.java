package dev.dhcpembedded.agent;

import dev.dhcpembedded.transport.Transport;
import java.io.IOException;
import java.net.Inet4Address;
import java.util.List;

/** Opens the transport a session serves: in the container, UDP port 67 of the interface that has the address. */
public interface TransportOpener {

    /** A transport not started yet, on the interface that holds {@code address}. */
    Transport open(Inet4Address address) throws IOException;

    /**
     * A DHCPv6 transport not started yet: UDP 547 of {@code interfaceName}, joined to ff02::1:2 there.
     *
     * @throws IOException when this opener cannot serve DHCPv6
     */
    default Transport open6(String interfaceName) throws IOException {
        throw new IOException("this agent does not serve DHCPv6");
    }

    /** 255.255.255.255 and the directed broadcasts of the opened transport's interface, for the JVM's addressing. */
    List<Inet4Address> broadcasts(Transport opened);
}
