package io.cnvision;

/**
 * A media item for a named field of an operation (the field's wire name, e.g.
 * {@code image}). For list and sequence fields give one input per item, in order.
 */
public final class MediaInput {
    private final String field;
    private final Media media;

    private MediaInput(String field, Media media) {
        if (field == null || media == null) {
            throw new NullPointerException("field and media are required");
        }
        this.field = field;
        this.media = media;
    }

    public static MediaInput of(String field, Media media) {
        return new MediaInput(field, media);
    }

    public static MediaInput of(String field, byte[] bytes) {
        return new MediaInput(field, Media.of(bytes));
    }

    /** A file ({@code java.nio.file} needs Android API 26; see {@link Media#ofFile(String)}). */
    public static MediaInput of(String field, java.nio.file.Path path) {
        return new MediaInput(field, Media.of(path));
    }

    public String field() {
        return field;
    }

    public Media media() {
        return media;
    }
}
