package io.cnvision;

/**
 * The error categories of cnvision. The numbers are the core's stable {@code ErrorKind}
 * numbers (also the C ABI's status values and the Python exception classes); a test
 * checks this list against the native library's.
 */
public enum ErrorCode {
    /** Input rejected locally before anything was sent. */
    INVALID_INPUT(1, "invalid_input"),
    /** Client configuration is incomplete or inconsistent. */
    CONFIGURATION(2, "configuration"),
    /** Credentials or signature rejected (locally or by the provider). */
    AUTHENTICATION(3, "authentication"),
    /** The provider answered with an error code. */
    SERVICE(4, "service"),
    /** The provider throttled the call, or the local rate limiter refused it. */
    RATE_LIMITED(5, "rate_limited"),
    /** A connection could not be made or was broken. */
    NETWORK(6, "network"),
    /** A connect or read deadline passed. */
    TIMEOUT(7, "timeout"),
    /** Envelope verification or decryption failed. */
    CRYPTO(8, "crypto"),
    /** The response could not be understood. */
    PROTOCOL(9, "protocol"),
    /** A bug inside cnvision, for example a caught Rust panic. */
    INTERNAL(10, "internal");

    private final int code;
    private final String kindName;

    ErrorCode(int code, String kindName) {
        this.code = code;
        this.kindName = kindName;
    }

    /** The stable number. */
    public int code() {
        return code;
    }

    /** The core's snake_case name of the kind. */
    public String kindName() {
        return kindName;
    }

    /** The code with this number, or {@code null} if there is none. */
    public static ErrorCode fromCode(int code) {
        for (ErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
