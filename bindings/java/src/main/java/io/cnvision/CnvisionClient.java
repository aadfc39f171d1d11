package io.cnvision;

import io.cnvision.internal.NativeBridge;
import io.cnvision.internal.NativeHandle;
import io.cnvision.json.Json;
import io.cnvision.json.JsonValue;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A client of the CTyun and Huawei Cloud vision APIs backed by the native cnvision core:
 * local validation, signing, the optional envelope, rate limiting, retries of unsent
 * requests, response normalization. One typed method per catalog operation (inherited
 * from {@link GeneratedOperations}) plus the generic {@link #call}.
 *
 * <p>Thread-safe: share one client across threads. {@link #close()} is idempotent and waits
 * for calls in flight; any use after it throws {@link IllegalStateException}. A Cleaner
 * frees the native client if it becomes unreachable unclosed (Java 9+, Android API 33+);
 * on older runtimes close it explicitly (try-with-resources). Failures throw
 * {@link CnvisionException}.
 */
public final class CnvisionClient extends GeneratedOperations implements AutoCloseable {
    private final NativeHandle handle;

    private CnvisionClient(long h) {
        this.handle = NativeHandle.adopt(this, h, new NativeHandle.Releaser() {
            @Override
            public void release(long x) {
                NativeBridge.clientFree(x);
            }
        }, "CnvisionClient");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Calls operation {@code opId} with its non-media parameters as a JSON object text
     * ({@code null} = none) and its media.
     */
    public CallResult call(String opId, String paramsJson, MediaInput... media) {
        return call(opId, paramsJson == null ? null : Json.parse(paramsJson), Arrays.asList(media),
                CallOptions.DEFAULT);
    }

    /** Calls operation {@code opId}; {@code params} is a JSON object or {@code null}. */
    @Override
    public CallResult call(final String opId, final JsonValue params, List<MediaInput> media,
            final CallOptions options) {
        final Object[] m = split(media);
        return handle.use(new NativeHandle.User<CallResult>() {
            @Override
            public CallResult apply(long h) {
                CallOptions o = options == null ? CallOptions.DEFAULT : options;
                return new CallResult(NativeBridge.clientCall(h, opId, params == null ? null : params.toJson(),
                        (String[]) m[0], (byte[][]) m[1], (String[]) m[2], o.encrypt(), o.requestId()));
            }
        });
    }

    /** Checks {@code opId}'s inputs against the documented limits; nothing is sent. */
    public void validate(final String opId, final JsonValue params, List<MediaInput> media) {
        final Object[] m = split(media);
        handle.use(new NativeHandle.User<Void>() {
            @Override
            public Void apply(long h) {
                NativeBridge.clientValidate(h, opId, params == null ? null : params.toJson(), (String[]) m[0],
                        (byte[][]) m[1], (String[]) m[2]);
                return null;
            }
        });
    }

    private static Object[] split(List<MediaInput> media) {
        List<MediaInput> list = media == null ? Collections.<MediaInput>emptyList() : media;
        String[] fields = new String[list.size()];
        byte[][] bytes = new byte[list.size()][];
        String[] paths = new String[list.size()];
        for (int i = 0; i < fields.length; i++) {
            MediaInput in = list.get(i);
            fields[i] = in.field();
            bytes[i] = in.media().bytes();
            paths[i] = in.media().path();
        }
        return new Object[] {fields, bytes, paths};
    }

    public boolean isClosed() {
        return handle.isClosed();
    }

    /** Frees the native client after calls in flight finish. Idempotent. */
    @Override
    public void close() {
        handle.close();
    }

    /**
     * Builds a {@link CnvisionClient}. Credentials per provider are optional; an operation
     * whose provider has none fails with CONFIGURATION before sending. Timeouts are in
     * milliseconds. Not thread-safe; build once.
     */
    public static final class Builder {
        private final JsonValue config = JsonValue.object();

        private Builder() {}

        /** CTyun EOP access key pair and the AI {@code appkey} (manuals 000, 002). */
        public Builder ctyunEop(String ak, String sk, String appKey) {
            config.put("ctyun_eop", JsonValue.object().put("ak", ak).put("sk", sk).put("app_key", appKey));
            return this;
        }

        /** CTyun AppKey/AppSecret for the {@code Sign} (001) and {@code CTYUN} (003) schemes. */
        public Builder ctyunApp(String appKey, String appSecret) {
            config.put("ctyun_app", JsonValue.object().put("app_key", appKey).put("app_secret", appSecret));
            return this;
        }

        /** The gateway's SM2 public key for the envelope, as the console shows it. */
        public Builder envelopePublicKey(String text) {
            config.put("envelope_public_key", text);
            return this;
        }

        public Builder huaweiAkSk(String ak, String sk) {
            config.put("huawei_aksk", JsonValue.object().put("ak", ak).put("sk", sk));
            return this;
        }

        /** Huawei IAM password identity (tokens are fetched and cached by the core). */
        public Builder huaweiIamPassword(String user, String password, String domain) {
            config.put("huawei_iam",
                    JsonValue.object().put("user", user).put("password", password).put("domain", domain));
            return this;
        }

        public Builder huaweiProjectId(String id) {
            config.put("huawei_project_id", id);
            return this;
        }

        /** Region filling {@code {region}} in Huawei URLs, e.g. {@code cn-north-4}. */
        public Builder huaweiRegion(String region) {
            config.put("huawei_region", region);
            return this;
        }

        /** Base URL override for a gateway (private deployment, emulator). */
        public Builder endpoint(Gateway gateway, String baseUrl) {
            JsonValue e = config.has("endpoints") ? config.get("endpoints") : JsonValue.object();
            config.put("endpoints", e.put(gateway.wireName(), baseUrl));
            return this;
        }

        public Builder connectTimeoutMillis(long ms) {
            config.put("connect_timeout_ms", ms);
            return this;
        }

        public Builder readTimeoutMillis(long ms) {
            config.put("read_timeout_ms", ms);
            return this;
        }

        public Builder writeTimeoutMillis(long ms) {
            config.put("write_timeout_ms", ms);
            return this;
        }

        /** Deadline for a whole exchange. */
        public Builder totalTimeoutMillis(long ms) {
            config.put("total_timeout_ms", ms);
            return this;
        }

        /** An explicit HTTP(S) proxy URL ({@code http://[user:password@]host:port}). */
        public Builder proxy(String url) {
            config.put("proxy", url);
            return this;
        }

        /** Use {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code ALL_PROXY}/{@code NO_PROXY}. */
        public Builder proxyFromEnvironment() {
            config.put("proxy", "env");
            return this;
        }

        /** Extra trusted roots from a PEM file; {@code only} drops Mozilla's roots. */
        public Builder caFile(String path, boolean only) {
            config.put("ca", JsonValue.object().put("file", path).put("only", only));
            return this;
        }

        /** Extra trusted roots from PEM text; {@code only} drops Mozilla's roots. */
        public Builder caPem(String pem, boolean only) {
            config.put("ca", JsonValue.object().put("pem", pem).put("only", only));
            return this;
        }

        public Builder userAgentSuffix(String suffix) {
            config.put("user_agent_suffix", suffix);
            return this;
        }

        /**
         * Replaces the documented QPS limit of a group ({@code safety}, {@code face},
         * {@code video_liveness}, {@code huawei}, {@code ctyun2019}); 0 = unlimited.
         */
        public Builder rateLimit(String group, double qps) {
            JsonValue r = config.has("rate_limits") ? config.get("rate_limits") : JsonValue.object();
            config.put("rate_limits", r.put(group, qps));
            return this;
        }

        /** Over the limit, fail at once with RATE_LIMITED instead of waiting. */
        public Builder rateLimitFailFast(boolean on) {
            config.put("rate_limit_fail_fast", on);
            return this;
        }

        /** Sends in total for requests that never reached the server (1 = no retry). */
        public Builder maxAttempts(int n) {
            config.put("max_attempts", n);
            return this;
        }

        /** Zone of {@code eop-date} in seconds east of UTC (default +28800, Beijing). */
        public Builder eopUtcOffsetSeconds(int seconds) {
            config.put("eop_utc_offset_seconds", seconds);
            return this;
        }

        /** Checks the configuration and creates the native client. */
        public CnvisionClient build() {
            return new CnvisionClient(NativeBridge.clientNew(config.toJson()));
        }

        @Override
        public String toString() {
            return "CnvisionClient.Builder(" + config.keys() + ")";
        }
    }
}
