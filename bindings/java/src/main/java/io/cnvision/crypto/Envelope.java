package io.cnvision.crypto;

import io.cnvision.internal.NativeBridge;

/**
 * The CTyun {@code decrypted: true} body envelope (manual 002 §6.2.4) for callers with
 * their own HTTP client: SM2 (C1C3C2) wraps fresh SM4 and HMAC keys, SM4-ECB-PKCS#7
 * encrypts the body, HMAC-SM3 over the base64 text guards both. Send the sealed body
 * with the header {@code decrypted: true}; open the answer with the same keys.
 * All work happens in the native core.
 */
public final class Envelope {
    private Envelope() {}

    /** A sealed request body and the keys that open its answer. */
    public static final class Sealed {
        private final byte[] body;
        private final SessionKeys keys;

        Sealed(byte[] body, SessionKeys keys) {
            this.body = body;
            this.keys = keys;
        }

        /** The five-field JSON body to send (UTF-8). */
        public byte[] body() {
            return body;
        }

        public SessionKeys keys() {
            return keys;
        }
    }

    /** A request opened on the gateway side: the plain body and the client's keys. */
    public static final class Opened {
        private final byte[] plain;
        private final SessionKeys keys;

        Opened(byte[] plain, SessionKeys keys) {
            this.plain = plain;
            this.keys = keys;
        }

        public byte[] plain() {
            return plain;
        }

        public SessionKeys keys() {
            return keys;
        }
    }

    /**
     * Seals {@code plainJson} (the operation's UTF-8 JSON body) for the gateway's SM2
     * {@code publicKey} as the console shows it (base64 SubjectPublicKeyInfo, PEM, or hex).
     */
    public static Sealed seal(String publicKey, byte[] plainJson) {
        byte[][] out = NativeBridge.envelopeSeal(publicKey, plainJson);
        return new Sealed(out[0], new SessionKeys(out[1], out[2]));
    }

    /**
     * Opens the gateway's answer: {@code {encryptedResult, encryptedResultHash}} is verified
     * and decrypted; a plain answer with a non-zero status passes through unchanged.
     * Throws {@link io.cnvision.CnvisionException} with code CRYPTO on any mismatch.
     */
    public static byte[] open(byte[] responseBody, SessionKeys keys) {
        return NativeBridge.envelopeOpen(responseBody, keys.sm4(), keys.hmac());
    }

    /**
     * Gateway side (emulators, tests): opens a sealed request with the SM2 private key
     * (the 32-byte big-endian scalar), expecting C1C3C2 ciphertexts.
     */
    public static Opened openRequest(byte[] sealedBody, byte[] secretKey) {
        return openRequest(sealedBody, secretKey, Sm2Mode.C1C3C2);
    }

    /** {@link #openRequest(byte[], byte[])} for SM2 ciphertexts in {@code mode}. */
    public static Opened openRequest(byte[] sealedBody, byte[] secretKey, Sm2Mode mode) {
        byte[][] out = NativeBridge.envelopeOpenRequest(sealedBody, secretKey, mode == Sm2Mode.C1C2C3);
        return new Opened(out[0], new SessionKeys(out[1], out[2]));
    }

    /** Gateway side: seals a plain result JSON under the request's keys. */
    public static byte[] sealResponse(byte[] plainResult, SessionKeys keys) {
        return NativeBridge.envelopeSealResponse(plainResult, keys.sm4(), keys.hmac());
    }
}
