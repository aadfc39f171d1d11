package io.cnvision;

import io.cnvision.internal.NativeBridge;
import io.cnvision.internal.NativeHandle;
import io.cnvision.json.Json;
import io.cnvision.json.JsonValue;

/**
 * The cnvision emulator, started in this process on a loopback port: a local gateway that
 * judges requests exactly as the CTyun and Huawei gateways do (signatures, envelope,
 * documented limits and error codes), for offline tests. Thread-safe; {@link #close()}
 * stops it (idempotent). Android builds made with {@code scripts/android-build.sh} leave
 * the emulator out; there {@link #start()} throws {@link CnvisionException}.
 */
public final class Emulator implements AutoCloseable {
    private final NativeHandle handle;
    private final JsonValue info;

    private Emulator(long h) {
        this.handle = NativeHandle.adopt(this, h, new NativeHandle.Releaser() {
            @Override
            public void release(long x) {
                NativeBridge.emulatorFree(x);
            }
        }, "Emulator");
        this.info = Json.parse(handle.use(new NativeHandle.User<String>() {
            @Override
            public String apply(long x) {
                return NativeBridge.emulatorInfoJson(x);
            }
        }));
    }

    /** Starts an emulator on an ephemeral port. */
    public static Emulator start() {
        return start(0);
    }

    /** Starts an emulator on {@code port} (0 = any free port). */
    public static Emulator start(int port) {
        long h;
        try {
            h = NativeBridge.emulatorStart(port);
        } catch (UnsatisfiedLinkError e) {
            throw new CnvisionException(ErrorCode.CONFIGURATION,
                    "this cnvision native library was built without the emulator feature", null, -1, null);
        }
        return new Emulator(h);
    }

    /** {@code http://127.0.0.1:{port}}: the endpoint of every gateway. */
    public String baseUrl() {
        return info.get("base_url").asString();
    }

    public int port() {
        return info.get("port").asInt();
    }

    /** The test credentials it accepts and its SM2 public key, as JSON (see the emulator notes). */
    public JsonValue info() {
        return Json.parse(info.toJson());
    }

    /** Its SM2 public key (base64 X.509 SPKI), to seal envelopes for. */
    public String sm2PublicKey() {
        return info.get("sm2_public_key").asString();
    }

    /** A client builder with the emulator's credentials for every provider and every endpoint pointed at it. */
    public CnvisionClient.Builder clientBuilder() {
        String url = baseUrl();
        return CnvisionClient.builder()
                .ctyunEop(s("eop_ak"), s("eop_sk"), s("eop_app_key"))
                .ctyunApp(s("legacy_app_key"), s("legacy_app_secret"))
                .envelopePublicKey(sm2PublicKey())
                .huaweiAkSk(s("huawei_ak"), s("huawei_sk"))
                .huaweiProjectId(s("huawei_project_id"))
                .huaweiRegion(s("huawei_region"))
                .endpoint(Gateway.CTYUN_EOP, url)
                .endpoint(Gateway.CTYUN_AIOP, url)
                .endpoint(Gateway.CTYUN_2019, url)
                .endpoint(Gateway.HUAWEI_IMAGE, url)
                .endpoint(Gateway.HUAWEI_IAM, url);
    }

    private String s(String key) {
        return info.get(key).asString();
    }

    /** Requests that reached operation {@code opId} (rejected ones included). */
    public long count(final String opId) {
        if (opId == null) {
            throw new NullPointerException("opId");
        }
        return handle.use(new NativeHandle.User<Long>() {
            @Override
            public Long apply(long h) {
                return NativeBridge.emulatorCount(h, opId);
            }
        });
    }

    /** Requests that reached any operation. */
    public long total() {
        return handle.use(new NativeHandle.User<Long>() {
            @Override
            public Long apply(long h) {
                return NativeBridge.emulatorCount(h, null);
            }
        });
    }

    /** Clears counters, faults and issued tokens. */
    public void reset() {
        control("reset", null);
    }

    /** Disarms every fault. */
    public void clearFaults() {
        control("clear_faults", null);
    }

    /**
     * Arms a fault: {@code {"op": id (omit = any), "kind": "delay"|"reset"|"status"|"throttle"|
     * "malformed_json"|"tamper_result"|"tamper_hash", "count": n, "ms": .., "status": ..}}.
     */
    public void injectFault(JsonValue fault) {
        control("inject", fault.toJson());
    }

    /** Arms fault {@code kind} for the next {@code count} requests of {@code opId} (null = any). */
    public void injectFault(String opId, String kind, int count) {
        JsonValue f = JsonValue.object().put("kind", kind).put("count", count);
        if (opId != null) {
            f.put("op", opId);
        }
        injectFault(f);
    }

    /** Shifts the clock requests are judged by. */
    public void setClockOffsetSeconds(long seconds) {
        control("clock", JsonValue.object().put("offset_secs", seconds).toJson());
    }

    private void control(final String action, final String arg) {
        handle.use(new NativeHandle.User<Void>() {
            @Override
            public Void apply(long h) {
                NativeBridge.emulatorControl(h, action, arg);
                return null;
            }
        });
    }

    public boolean isClosed() {
        return handle.isClosed();
    }

    /** Stops serving and frees it. Idempotent. */
    @Override
    public void close() {
        handle.close();
    }
}
