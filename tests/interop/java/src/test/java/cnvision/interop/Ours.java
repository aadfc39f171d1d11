package cnvision.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Calls cnvision through core/examples/diff_crypto.rs (JSON on stdin, JSON on stdout). */
final class Ours {
    static final ObjectMapper JSON = new ObjectMapper();
    private static File exe;

    private Ours() {}

    private static synchronized File exe() throws IOException, InterruptedException {
        if (exe == null) {
            File root = new File(System.getProperty("cnvision.root", "../../..")).getCanonicalFile();
            Process build = new ProcessBuilder("cargo", "build", "-q", "-p", "cnvision", "--example", "diff_crypto")
                    .directory(root).inheritIO().start();
            if (build.waitFor() != 0) {
                throw new IllegalStateException("cargo build of diff_crypto failed");
            }
            String target = System.getenv("CARGO_TARGET_DIR");
            File dir = target != null ? new File(target) : new File(root, "target");
            exe = new File(dir, "debug/examples/diff_crypto");
        }
        return exe;
    }

    static ObjectNode req(String op) {
        return JSON.createObjectNode().put("op", op);
    }

    /** Sends one request object or an array of them; returns the answer(s). */
    static JsonNode call(JsonNode request) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(exe().getPath()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(request));
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("diff_crypto failed");
        }
        return JSON.readTree(new String(out, StandardCharsets.UTF_8));
    }
}
