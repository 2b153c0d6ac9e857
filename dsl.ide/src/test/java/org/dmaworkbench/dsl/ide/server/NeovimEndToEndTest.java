package org.dmaworkbench.dsl.ide.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server with a real, independent client: headless Neovim (Debian's {@code neovim},
 * installed by {@code .ci/run}) with the repository's {@code editors/nvim} module opens a file,
 * gets its diagnostic, sees it go after the fix, completes, renames a handle (every reference
 * changes), gets the run lenses and runs {@code dmas.run}, then sees the failing step's diagnostic.
 */
class NeovimEndToEndTest {
    private static final String FILE = """
            import "platforms/spr.dmas"
            scenario "e2e" on spr {
                probe nosuch
                buffer payload = kmalloc(4096)
                dma_addr a = dma_map_single(dsa0, payload, 4096, DMA_TO_DEVICE)
                dma_mapping_error(dsa0, a)                       expect false
                dma dsa0 write a len 64                          expect ok
                dma_unmap_single(dsa0, a, 4096, DMA_TO_DEVICE)
                cpu read payload len 64
            }
            """;

    private static String nvim() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "nvim");
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    @Test
    void neovimDiagnosesCompletesRenamesAndRuns(@TempDir Path workspace) throws Exception {
        String nvim = nvim();
        Assumptions.assumeTrue(nvim != null, "nvim is not installed (Debian package neovim; tools/system-packages.sh install editors): skipped");
        Files.createDirectories(workspace.resolve(".git"));
        Files.createDirectories(workspace.resolve("platforms"));
        Files.copy(Path.of("../examples/platforms/spr.dmas"), workspace.resolve("platforms/spr.dmas"));
        Path file = workspace.resolve("e2e.dmas");
        Files.writeString(file, FILE);
        Path out = workspace.resolve("result.json");
        Path script = Path.of("src/test/resources/nvim/e2e.lua").toAbsolutePath();
        Path module = Path.of("../editors/nvim").toAbsolutePath().normalize();

        JsonArray cmd = new JsonArray();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(DmasLanguageServer.class.getName());
        ProcessBuilder pb = new ProcessBuilder(nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n",
                "--cmd", "set rtp^=" + module, "--cmd", "filetype on", "-c", "luafile " + script)
                .directory(workspace.toFile()).redirectErrorStream(true).redirectOutput(workspace.resolve("nvim.log").toFile());
        pb.environment().put("DMAS_E2E_CMD", cmd.toString());
        pb.environment().put("DMAS_E2E_FILE", file.toString());
        pb.environment().put("DMAS_E2E_OUT", out.toString());
        Process p = pb.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            Assertions.fail("Neovim did not finish in 240 s:\n" + log(workspace));
        }
        Assertions.assertTrue(Files.exists(out), "no result from Neovim:\n" + log(workspace));
        JsonObject r = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        Assertions.assertNull(r.get("error"), () -> r + "\n" + log(workspace));

        Assertions.assertEquals("dmas", r.get("filetype").getAsString());
        Assertions.assertTrue(strings(r.get("diagnostics")).stream().anyMatch(d -> d.startsWith("3: ") && d.contains("nosuch")), r::toString);
        Assertions.assertEquals("a", strings(r.get("completion")).get(0), "the dma_addr handle first at dma_unmap_single's address: " + r);
        Assertions.assertEquals(3, r.get("payloadBefore").getAsInt());
        Assertions.assertEquals(0, r.get("payloadAfter").getAsInt(), r::toString);
        Assertions.assertEquals(3, r.get("data0After").getAsInt(), "every reference renamed: " + r);
        Assertions.assertEquals(List.of("0 ▶ Run file", "1 ▶ Run"), strings(r.get("lenses")));
        Assertions.assertEquals(1, r.get("exitCode").getAsInt(), r::toString);
        Assertions.assertTrue(r.get("runDiagnostic").getAsString().startsWith("7: "), "the failing step's line: " + r);
        Assertions.assertTrue(Files.readString(file).contains("buffer data0 = kmalloc"), "the renamed file was saved before the run");
    }

    private static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e != null && e.isJsonArray()) e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
        return out;
    }

    private static String log(Path workspace) {
        try {
            return Files.readString(workspace.resolve("nvim.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
