package io.cnvision;

import io.cnvision.json.Json;
import io.cnvision.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Paths and small helpers shared by the tests. */
public final class TestSupport {
    private TestSupport() {}

    /** The repository root (set by surefire from the pom). */
    public static File root() {
        String r = System.getProperty("cnvision.root");
        if (r == null) {
            throw new IllegalStateException("system property cnvision.root is not set (run through Maven)");
        }
        return new File(r);
    }

    /** Case directories under tests/vectors/{scheme}, sorted; fails when there are none. */
    public static List<File> vectorCases(String scheme) {
        File dir = new File(new File(new File(root(), "tests"), "vectors"), scheme);
        File[] cases = dir.listFiles(File::isDirectory);
        if (cases == null || cases.length == 0) {
            throw new IllegalStateException("no vector cases in " + dir);
        }
        Arrays.sort(cases);
        return new ArrayList<File>(Arrays.asList(cases));
    }

    public static String read(File dir, String name) {
        try {
            return new String(Files.readAllBytes(new File(dir, name).toPath()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonValue readJson(File dir, String name) {
        return Json.parse(read(dir, name));
    }

    public static boolean exists(File dir, String name) {
        return new File(dir, name).exists();
    }

    public static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    public static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(new File(new File(new File(root(), "tests"), "fixtures"), "media/" + name)
                    .toPath());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
