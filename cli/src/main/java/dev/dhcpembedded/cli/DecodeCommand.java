package dev.dhcpembedded.cli;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.capture.CaptureReader;
import dev.dhcpembedded.capture.CapturedDatagram;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code decode FILE.pcap} (SPEC §5): one JSON object per UDP datagram with port 67 or 68 (DHCPv4) or 546 or 547
 * (DHCPv6) on either side, from a pcap or pcapng file. Exits 0 when all decoded, 1 when any did not, 2 when the file
 * cannot be read as a capture.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode every UDP/67-68 and UDP/546-547 packet of a pcap or pcapng file with the project's "
                + "codecs; one JSON line each.")
final class DecodeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.pcap", description = "a pcap or pcapng file (Ethernet, raw IP, SLL)")
    private Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean allDecoded = true;
        try (CaptureReader reader = CaptureReader.open(file)) {
            for (CapturedDatagram datagram = reader.next(); datagram != null; datagram = reader.next()) {
                boolean v4 = datagram.isDhcp();
                if (!v4 && !datagram.isDhcp6()) {
                    continue;
                }
                byte[] payload = datagram.payload();
                String line;
                try {
                    line = v4 ? DecodeJson.message(datagram.frameNumber(), payload)
                            : DecodeJson.message6(datagram.frameNumber(), payload);
                } catch (DhcpCodecException e) {
                    line = DecodeJson.error(datagram.frameNumber(), e);
                    allDecoded = false;
                }
                out.println(line);
            }
        } catch (NoSuchFileException e) {
            return badFile("no such file");
        } catch (IOException e) {
            return badFile(e.getMessage());
        } finally {
            out.flush();
        }
        return allDecoded ? 0 : 1;
    }

    private int badFile(String reason) {
        spec.commandLine().getOut().flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("decode: " + file + ": " + reason);
        err.flush();
        return Main.USAGE;
    }
}
