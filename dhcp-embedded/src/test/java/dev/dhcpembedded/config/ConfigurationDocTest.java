package dev.dhcpembedded.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/configuration.md has one row for every key, naming its flag and its attribute as the parser does. */
class ConfigurationDocTest {

    private static final Path DOC = Path.of("../docs/configuration.md");

    /** The rows of the table of keys: the lines that start with a key in backquotes. */
    private static List<String[]> rows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("| `")) {
                String[] cells = line.substring(1).split("\\|");
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].trim();
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void everyKeyHasOneRowWithItsFlagAndAttribute() throws IOException {
        List<String[]> rows = rows();
        for (ConfigKey key : ConfigKey.values()) {
            List<String[]> mine = rows.stream().filter(r -> r[0].equals("`" + key.key() + "`")).toList();
            assertThat(mine).as("rows of key %s in %s", key.key(), DOC).hasSize(1);
            String[] row = mine.get(0);
            assertThat(row[1]).as("command line of %s", key.key())
                    .isEqualTo(key.flag().map(f -> "`" + f + "`").orElse("—"));
            assertThat(row[2]).as("annotation attribute of %s", key.key())
                    .isEqualTo(key.attribute().map(a -> "`" + a + "`").orElse("—"));
            assertThat(row[3]).as("value of %s", key.key()).isNotEmpty();
            assertThat(row[4]).as("default of %s", key.key()).isNotEmpty();
        }
    }

    @Test
    void theTableNamesNoOtherKey() throws IOException {
        for (String[] row : rows()) {
            String name = row[0].replace("`", "");
            assertThat(ConfigKey.named(name)).as("the documented key %s", name).isPresent();
        }
    }
}
