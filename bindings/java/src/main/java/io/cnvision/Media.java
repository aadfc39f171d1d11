package io.cnvision;

import java.io.File;

/**
 * One media item (image, video, audio): raw bytes (not base64) or a file. The native core
 * base64-encodes it exactly once, straight into the request body; a file is read when the
 * body is built. Bytes are copied once into native memory for the call.
 */
public final class Media {
    private final byte[] bytes;
    private final String path;

    private Media(byte[] bytes, String path) {
        this.bytes = bytes;
        this.path = path;
    }

    /** Raw bytes (not copied here; do not modify during the call). */
    public static Media of(byte[] bytes) {
        if (bytes == null) {
            throw new NullPointerException("bytes");
        }
        return new Media(bytes, null);
    }

    /**
     * A file. {@code java.nio.file.Path} needs Android API 26; on older Android use
     * {@link #ofFile(String)} or {@link #of(File)}.
     */
    public static Media of(java.nio.file.Path path) {
        return ofFile(path.toAbsolutePath().toString());
    }

    /** A file. */
    public static Media of(File file) {
        return ofFile(file.getAbsolutePath());
    }

    /** A file by path name. */
    public static Media ofFile(String path) {
        if (path == null) {
            throw new NullPointerException("path");
        }
        return new Media(null, path);
    }

    /** The bytes, or {@code null} for a file. */
    byte[] bytes() {
        return bytes;
    }

    /** The file path, or {@code null} for bytes. */
    String path() {
        return path;
    }

    @Override
    public String toString() {
        return bytes != null ? "Media(" + bytes.length + " bytes)" : "Media(file " + path + ")";
    }
}
