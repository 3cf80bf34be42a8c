package dev.dhcpembedded.lab;

/**
 * One veth pair of a lab: {@code serverInterface} in the root namespace, addressed
 * {@code serverAddress}/{@code prefixLength}; {@code clientInterface} inside the lab's namespace,
 * up, with MAC {@code clientMac} and no address.
 */
public record LabLink(String serverInterface, String clientInterface, Subnet24 subnet, String clientMac) {

    /** The root-side address, {@code x.y.z.1}. */
    public String serverAddress() {
        return subnet.host(1);
    }

    /** The subnet in CIDR notation, e.g. {@code 10.231.7.0/24}. */
    public String cidr() {
        return subnet.cidr();
    }
}
