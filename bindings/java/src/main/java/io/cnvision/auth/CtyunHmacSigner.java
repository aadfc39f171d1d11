package io.cnvision.auth;

import io.cnvision.json.JsonValue;

/**
 * CTyun 2019 face API signature {@code Authorization: CTYUN <AppKey>:<sig>} (manual 003). Adds {@code X-CTYUN-DT} and {@code Authorization}.
 * For callers with their own HTTP client. Immutable and thread-safe.
 */
public final class CtyunHmacSigner {
    private final String appKey;
    private final String appSecret;

    /** AppKey and AppSecret from the CTyun console. */
    public CtyunHmacSigner(String appKey, String appSecret) {
        this.appKey = appKey;
        this.appSecret = appSecret;
    }

    /** Signs {@code request} as of now. */
    public SigningOutput sign(SignableRequest request) {
        return sign(request, System.currentTimeMillis());
    }

    /** Signs {@code request} as of {@code unixMillis}. */
    public SigningOutput sign(SignableRequest request, long unixMillis) {
        JsonValue creds = JsonValue.object().put("app_key", appKey).put("app_secret", appSecret);
        return Signing.sign("ctyun_hmac", request, creds, JsonValue.object(), unixMillis);
    }

    @Override
    public String toString() {
        return "CtyunHmacSigner(appKey=" + appKey + ", appSecret=** REDACTED **)";
    }
}
