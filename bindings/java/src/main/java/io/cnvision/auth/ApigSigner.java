package io.cnvision.auth;

import io.cnvision.json.JsonValue;

/**
 * Huawei Cloud APIG AK/SK signature ({@code SDK-HMAC-SHA256}, {@code SDK-HMAC-SM3},
 * {@code V11-HMAC-SHA256}) for callers with their own HTTP client. Adds
 * {@code X-Sdk-Date} (UTC), {@code Host} when given and absent, {@code X-Project-Id}
 * when set, and {@code Authorization}. Immutable and thread-safe.
 */
public final class ApigSigner {
    /** The algorithm names the official SDKs use. */
    public static final String SDK_HMAC_SHA256 = "SDK-HMAC-SHA256";
    public static final String SDK_HMAC_SM3 = "SDK-HMAC-SM3";
    public static final String V11_HMAC_SHA256 = "V11-HMAC-SHA256";

    private final String ak;
    private final String sk;
    private final String algorithm;
    private final String host;
    private final String projectId;
    private final String regionId;
    private final String serviceName;

    /** AK/SK with {@link #SDK_HMAC_SHA256}. */
    public ApigSigner(String ak, String sk) {
        this(ak, sk, SDK_HMAC_SHA256, null, null, null, null);
    }

    private ApigSigner(String ak, String sk, String algorithm, String host, String projectId, String regionId,
            String serviceName) {
        this.ak = ak;
        this.sk = sk;
        this.algorithm = algorithm;
        this.host = host;
        this.projectId = projectId;
        this.regionId = regionId;
        this.serviceName = serviceName;
    }

    public ApigSigner withAlgorithm(String name) {
        return new ApigSigner(ak, sk, name, host, projectId, regionId, serviceName);
    }

    /** The Host header value to sign when the request has none. */
    public ApigSigner withHost(String host) {
        return new ApigSigner(ak, sk, algorithm, host, projectId, regionId, serviceName);
    }

    /** Adds and signs {@code X-Project-Id}. */
    public ApigSigner withProjectId(String projectId) {
        return new ApigSigner(ak, sk, algorithm, host, projectId, regionId, serviceName);
    }

    /** The derived-key scope of {@link #V11_HMAC_SHA256}. */
    public ApigSigner withDerivedScope(String regionId, String serviceName) {
        return new ApigSigner(ak, sk, algorithm, host, projectId, regionId, serviceName);
    }

    /** Signs {@code request} as of now. */
    public SigningOutput sign(SignableRequest request) {
        return sign(request, System.currentTimeMillis());
    }

    /** Signs {@code request} as of {@code unixMillis}. */
    public SigningOutput sign(SignableRequest request, long unixMillis) {
        JsonValue creds = JsonValue.object().put("ak", ak).put("sk", sk);
        JsonValue settings = JsonValue.object().put("algorithm", algorithm);
        if (host != null) {
            settings.put("host", host);
        }
        if (projectId != null) {
            settings.put("project_id", projectId);
        }
        if (regionId != null && serviceName != null) {
            settings.put("region_id", regionId).put("service_name", serviceName);
        }
        return Signing.sign("apig", request, creds, settings, unixMillis);
    }

    @Override
    public String toString() {
        return "ApigSigner(ak=" + ak + ", sk=** REDACTED **, algorithm=" + algorithm + ")";
    }
}
