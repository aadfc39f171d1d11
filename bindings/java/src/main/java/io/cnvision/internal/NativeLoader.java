package io.cnvision.internal;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Loads the {@code cnvision_jni} native library exactly once per class loader,
 * thread-safely. Not part of the public API.
 *
 * <p>Order: {@code System.loadLibrary("cnvision_jni")} (java.library.path; on Android the
 * APK's jniLibs), then the jar resource {@code /native/{os}-{arch}/{mapped name}}, extracted
 * to a temporary file. When both fail, the error names everything that was looked for.
 * Uses only java.io (not java.nio.file) so it also runs on Android below API 26.
 */
public final class NativeLoader {
    /** The library name given to {@link System#loadLibrary}. */
    public static final String LIBRARY = "cnvision_jni";

    private static final Object LOCK = new Object();
    private static boolean loaded;
    private static UnsatisfiedLinkError failure;

    private NativeLoader() {}

    /** Loads the library if not yet loaded; rethrows the first failure on every later call. */
    public static void load() {
        synchronized (LOCK) {
            if (loaded) {
                return;
            }
            if (failure != null) {
                throw failure;
            }
            try {
                loadNow();
                loaded = true;
            } catch (UnsatisfiedLinkError e) {
                failure = e;
                throw e;
            }
        }
    }

    /** {@code os-arch} as used in the jar resource path, e.g. {@code linux-x86_64}. */
    public static String platform() {
        return os() + "-" + arch();
    }

    /** The jar resource path of this platform's library. */
    public static String resourcePath() {
        return "/native/" + platform() + "/" + System.mapLibraryName(LIBRARY);
    }

    static String os() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return "macos";
        }
        if (name.startsWith("windows")) {
            return "windows";
        }
        if (name.startsWith("linux")) {
            return "linux";
        }
        return name.replaceAll("[^a-z0-9]", "");
    }

    static String arch() {
        String a = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (a.equals("amd64") || a.equals("x86_64") || a.equals("x64")) {
            return "x86_64";
        }
        if (a.equals("aarch64") || a.equals("arm64")) {
            return "aarch64";
        }
        if (a.equals("x86") || a.equals("i386") || a.equals("i686")) {
            return "x86";
        }
        return a.replaceAll("[^a-z0-9_]", "");
    }

    private static void loadNow() {
        UnsatisfiedLinkError fromPath;
        try {
            System.loadLibrary(LIBRARY);
            return;
        } catch (UnsatisfiedLinkError e) {
            fromPath = e;
        }
        String resource = resourcePath();
        String fromJar;
        InputStream in = NativeLoader.class.getResourceAsStream(resource);
        if (in == null) {
            fromJar = "no such resource in the jar";
        } else {
            try {
                File file = extract(in);
                System.load(file.getAbsolutePath());
                return;
            } catch (IOException e) {
                fromJar = "extraction failed: " + e.getMessage();
            } catch (UnsatisfiedLinkError e) {
                fromJar = "extracted but could not be loaded: " + e.getMessage();
            }
        }
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(
                "cnvision native library not found. Looked for System.loadLibrary(\"" + LIBRARY
                        + "\") on java.library.path=" + System.getProperty("java.library.path")
                        + " (" + fromPath.getMessage() + ") and for the jar resource " + resource
                        + " (" + fromJar + "). Build it with `cargo build -p cnvision-jni` or use a jar"
                        + " built for " + platform() + ".");
        error.initCause(fromPath);
        throw error;
    }

    private static File extract(InputStream in) throws IOException {
        String mapped = System.mapLibraryName(LIBRARY);
        int dot = mapped.lastIndexOf('.');
        File file = File.createTempFile(mapped.substring(0, dot) + "-", mapped.substring(dot));
        file.deleteOnExit();
        try {
            OutputStream out = new FileOutputStream(file);
            try {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                }
            } finally {
                out.close();
            }
        } finally {
            in.close();
        }
        return file;
    }
}
