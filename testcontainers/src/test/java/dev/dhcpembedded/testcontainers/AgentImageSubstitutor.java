package dev.dhcpembedded.testcontainers;

import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

/**
 * Runs the tests against another agent image than this version's: the one a branch that changed the agent built
 * ({@code AGENT_IMAGE=dev.dhcpembedded/dhcp-agent:my-branch .ci/build-images.sh}), so that it need not replace the
 * image other checkouts of the same version use. Named by the system property {@code dhcp.agentImage} or the
 * environment variable {@code DHCP_AGENT_IMAGE}, and switched on by Testcontainers' own setting:
 * {@code TESTCONTAINERS_IMAGE_SUBSTITUTOR=dev.dhcpembedded.testcontainers.AgentImageSubstitutor}. Every other image
 * is left as it is.
 */
public final class AgentImageSubstitutor extends ImageNameSubstitutor {

    @Override
    public DockerImageName apply(DockerImageName original) {
        String wanted = System.getProperty("dhcp.agentImage", System.getenv("DHCP_AGENT_IMAGE"));
        if (wanted == null || wanted.isBlank()
                || !original.getUnversionedPart().equals(AgentContainer.DEFAULT_IMAGE.getUnversionedPart())) {
            return original;
        }
        return DockerImageName.parse(wanted.strip());
    }

    @Override
    protected String getDescription() {
        return "the agent image named by dhcp.agentImage or DHCP_AGENT_IMAGE";
    }
}
