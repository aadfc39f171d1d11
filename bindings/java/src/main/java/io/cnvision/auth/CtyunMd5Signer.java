package io.cnvision.auth;

import io.cnvision.json.JsonValue;

/**
 * CTyun {@code Sign} scheme of the older AI gateway (manual 001): {@code Sign = md5(AppKey + AppSecret + Timestamp + Path + Body)}. Adds {@code Sign}, {@code Timestamp}, {@code AppKey}.
 * For callers with their own HTTP client. Immutable and thread-safe.
 */
public final class CtyunMd5Signer {
    private final String appKey;
    private final String appSecret;

    /** AppKey and AppSecret from the CTyun console. */
    public CtyunMd5Signer(String appKey, String appSecret) {
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
        return Signing.sign("ctyun_md5", request, creds, JsonValue.object(), unixMillis);
    }

    @Override
    public String toString() {
        return "CtyunMd5Signer(appKey=" + appKey + ", appSecret=** REDACTED **)";
    }
}
