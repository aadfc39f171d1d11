package io.cnvision.auth;

import io.cnvision.internal.NativeBridge;
import io.cnvision.json.Json;
import io.cnvision.json.JsonValue;

/** Hands a request to the native signer of {@code scheme}. */
final class Signing {
    private Signing() {}

    static SigningOutput sign(String scheme, SignableRequest r, JsonValue credentials, JsonValue settings,
            long unixMillis) {
        JsonValue req = JsonValue.object()
                .put("method", r.method)
                .put("path", r.path)
                .put("query", pairs(r.query))
                .put("headers", pairs(r.headers))
                .put("credentials", credentials)
                .put("settings", settings);
        if (r.bodyHash != null) {
            req.put("body_hash", r.bodyHash);
        }
        if (r.unsignedPayload) {
            req.put("unsigned_payload", true);
        }
        String out = NativeBridge.signRequest(scheme, req.toJson(), r.body, unixMillis);
        return new SigningOutput(Json.parse(out));
    }

    private static JsonValue pairs(Iterable<String[]> list) {
        JsonValue a = JsonValue.array();
        for (String[] p : list) {
            a.add(JsonValue.array().add(JsonValue.of(p[0])).add(JsonValue.of(p[1])));
        }
        return a;
    }
}
