package io.cnvision;

import io.cnvision.json.Json;
import io.cnvision.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A successful call's outcome: the normalized result and the whole response. */
public final class CallResult {
    private final JsonValue head;
    private final Map<String, byte[]> binaries;

    CallResult(byte[][] parts) {
        this.head = Json.parse(new String(parts[0], java.nio.charset.StandardCharsets.UTF_8));
        Map<String, byte[]> b = new LinkedHashMap<String, byte[]>();
        JsonValue pointers = head.get("binary_pointers");
        for (int i = 0; i < pointers.size(); i++) {
            b.put(pointers.get(i).asString(), parts[i + 1]);
        }
        this.binaries = Collections.unmodifiableMap(b);
    }

    private String optString(String key) {
        JsonValue v = head.get(key);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** The operation id. */
    public String operation() {
        return head.get("operation").asString();
    }

    public int httpStatus() {
        return head.get("http_status").asInt();
    }

    /** The request id (received, or the one sent), or {@code null}. */
    public String requestId() {
        return optString("request_id");
    }

    /** The provider's status code as text (e.g. {@code "0"}), or {@code null}. */
    public String providerCode() {
        return optString("provider_code");
    }

    public String message() {
        return optString("message");
    }

    /** The normalized payload (returnObj / result / data / the whole body for Huawei). */
    public JsonValue result() {
        return head.get("result");
    }

    /** The whole response JSON (decrypted when the envelope was used). */
    public JsonValue body() {
        return head.get("body");
    }

    /** Decoded base64 images of the operation's binary results, by JSON pointer. */
    public Map<String, byte[]> binaries() {
        return binaries;
    }

    /** {@code huawei.iam.token} only: the IAM token ({@code X-Subject-Token}); a secret. */
    public String subjectToken() {
        return optString("subject_token");
    }

    @Override
    public String toString() {
        return "CallResult(" + operation() + ", HTTP " + httpStatus() + ", request id " + requestId() + ")";
    }
}
