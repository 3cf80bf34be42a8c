package dev.dhcpembedded.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the client command builders ({@link ClientCommands}) share: finding a binary and writing their state files. */
final class ClientCommandSupport {

    private ClientCommandSupport() {
    }

    static String binary(String name) {
        return RealHostSupport.findBinary(name).map(Path::toString).orElse(name);
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
