package io.cnvision.crypto;

import java.util.Arrays;

/**
 * The per-request envelope secrets: the 16-byte SM4 key and the HMAC-SM3 key. Keep them
 * from {@link Envelope#seal} until the response is opened, then {@link #destroy()} them.
 * {@code toString} never shows them.
 */
public final class SessionKeys {
    private final byte[] sm4Key;
    private final byte[] hmacKey;

    /** Keys from known parts (copied). */
    public SessionKeys(byte[] sm4Key, byte[] hmacKey) {
        this.sm4Key = sm4Key.clone();
        this.hmacKey = hmacKey.clone();
    }

    /** A copy of the SM4 key. */
    public byte[] sm4Key() {
        return sm4Key.clone();
    }

    /** A copy of the HMAC-SM3 key. */
    public byte[] hmacKey() {
        return hmacKey.clone();
    }

    byte[] sm4() {
        return sm4Key;
    }

    byte[] hmac() {
        return hmacKey;
    }

    /** Overwrites both keys with zeros. */
    public void destroy() {
        Arrays.fill(sm4Key, (byte) 0);
        Arrays.fill(hmacKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "SessionKeys(** REDACTED **)";
    }
}
