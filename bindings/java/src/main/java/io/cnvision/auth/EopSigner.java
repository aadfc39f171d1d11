package io.cnvision.auth;

import io.cnvision.json.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * CTyun EOP gateway signature ({@code Eop-Authorization}, manuals 000 and 002) for callers
 * with their own HTTP client. Adds {@code ctyun-eop-request-id}, {@code eop-date},
 * {@code appkey} (when signed and absent) and {@code Eop-Authorization}. Immutable and
 * thread-safe; {@code with*} methods return a copy.
 */
public final class EopSigner {
    private final String accessKey;
    private final String secretKey;
    private final String appKey;
    private final List<String> signedHeaders;
    private final String requestId;
    private final Integer utcOffsetSeconds;

    /** Credentials: account AccessKey, SecurityKey and the AI {@code appkey} (may be null). */
    public EopSigner(String accessKey, String secretKey, String appKey) {
        this(accessKey, secretKey, appKey, null, null, null);
    }

    private EopSigner(String ak, String sk, String appKey, List<String> signed, String requestId, Integer off) {
        this.accessKey = ak;
        this.secretKey = sk;
        this.appKey = appKey;
        this.signedHeaders = signed;
        this.requestId = requestId;
        this.utcOffsetSeconds = off;
    }

    /** Header names to sign (default {@code appkey;ctyun-eop-request-id;eop-date}). */
    public EopSigner withSignedHeaders(String... names) {
        return new EopSigner(accessKey, secretKey, appKey, Arrays.asList(names.clone()), requestId,
                utcOffsetSeconds);
    }

    /** The request id to send (default: a fresh UUID per request). */
    public EopSigner withRequestId(String id) {
        return new EopSigner(accessKey, secretKey, appKey, signedHeaders, id, utcOffsetSeconds);
    }

    /** Zone of {@code eop-date}, seconds east of UTC (default Beijing, +28800). */
    public EopSigner withUtcOffsetSeconds(int seconds) {
        return new EopSigner(accessKey, secretKey, appKey, signedHeaders, requestId, seconds);
    }

    /** Signs {@code request} as of now. */
    public SigningOutput sign(SignableRequest request) {
        return sign(request, System.currentTimeMillis());
    }

    /** Signs {@code request} as of {@code unixMillis}. */
    public SigningOutput sign(SignableRequest request, long unixMillis) {
        JsonValue creds = JsonValue.object().put("access_key", accessKey).put("secret_key", secretKey);
        if (appKey != null) {
            creds.put("app_key", appKey);
        }
        JsonValue settings = JsonValue.object();
        if (signedHeaders != null) {
            settings.put("signed_headers", JsonValue.ofStrings(signedHeaders));
        }
        if (requestId != null) {
            settings.put("request_id", requestId);
        }
        if (utcOffsetSeconds != null) {
            settings.put("utc_offset_seconds", utcOffsetSeconds.longValue());
        }
        return Signing.sign("eop", request, creds, settings, unixMillis);
    }

    @Override
    public String toString() {
        return "EopSigner(accessKey=" + accessKey + ", secretKey=** REDACTED **)";
    }
}
