package io.cnvision;

/** Per-call options. Immutable. */
public final class CallOptions {
    /** No envelope, a fresh request id. */
    public static final CallOptions DEFAULT = new CallOptions(false, null);

    private final boolean encrypt;
    private final String requestId;

    private CallOptions(boolean encrypt, String requestId) {
        this.encrypt = encrypt;
        this.requestId = requestId;
    }

    /** Options with the CTyun {@code decrypted: true} envelope on (manual 002 §6.2.4). */
    public static CallOptions encrypted() {
        return new CallOptions(true, null);
    }

    /** Seal the body in the envelope (operations that allow it, with a public key configured). */
    public CallOptions withEncrypt(boolean on) {
        return new CallOptions(on, requestId);
    }

    /** The request id to send (default: a fresh UUID per call, kept across retries). */
    public CallOptions withRequestId(String id) {
        return new CallOptions(encrypt, id);
    }

    public boolean encrypt() {
        return encrypt;
    }

    public String requestId() {
        return requestId;
    }
}
