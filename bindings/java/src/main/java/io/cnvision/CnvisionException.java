package io.cnvision;

/**
 * Every failure of cnvision (unchecked). {@link #getCode()} tells the category; the
 * provider's code, the HTTP status and the request id are set when known. Messages
 * never contain secrets.
 */
public class CnvisionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String providerCode;
    private final int httpStatus;
    private final String requestId;

    /** Called by the native library (the numeric code is the core's ErrorKind number). */
    CnvisionException(int code, String message, String providerCode, int httpStatus, String requestId) {
        this(codeOrInternal(code), message, providerCode, httpStatus, requestId);
    }

    /** A new exception; {@code httpStatus} is -1 when there was no HTTP answer. */
    public CnvisionException(ErrorCode code, String message, String providerCode, int httpStatus,
            String requestId) {
        super(message);
        this.code = code;
        this.providerCode = providerCode;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
    }

    private static ErrorCode codeOrInternal(int code) {
        ErrorCode c = ErrorCode.fromCode(code);
        return c != null ? c : ErrorCode.INTERNAL;
    }

    /** The category. */
    public ErrorCode getCode() {
        return code;
    }

    /** The provider's error code (e.g. {@code "10020"}), or {@code null}. */
    public String getProviderCode() {
        return providerCode;
    }

    /** The HTTP status of the provider's answer, or -1 when none was received. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** The request id (sent or received), or {@code null}. */
    public String getRequestId() {
        return requestId;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(getClass().getName()).append(": [").append(code).append("] ")
                .append(getMessage());
        if (providerCode != null) {
            b.append(" (provider code ").append(providerCode).append(')');
        }
        if (httpStatus >= 0) {
            b.append(" (HTTP ").append(httpStatus).append(')');
        }
        if (requestId != null) {
            b.append(" (request id ").append(requestId).append(')');
        }
        return b.toString();
    }
}
