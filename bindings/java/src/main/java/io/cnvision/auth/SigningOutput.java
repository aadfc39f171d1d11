package io.cnvision.auth;

import io.cnvision.json.JsonValue;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a signer returns: the headers to add (in order) and every intermediate stage.
 */
public final class SigningOutput {
    private final List<Map.Entry<String, String>> headers;
    private final String canonicalRequest;
    private final String stringToSign;
    private final String signature;

    SigningOutput(JsonValue json) {
        List<Map.Entry<String, String>> h = new ArrayList<Map.Entry<String, String>>();
        for (JsonValue pair : json.get("headers").items()) {
            h.add(new AbstractMap.SimpleImmutableEntry<String, String>(
                    pair.get(0).asString(), pair.get(1).asString()));
        }
        this.headers = Collections.unmodifiableList(h);
        this.canonicalRequest = json.get("canonical_request").asString();
        this.stringToSign = json.get("string_to_sign").asString();
        this.signature = json.get("signature").asString();
    }

    /** Headers to add to the request, in a stable order (name as it goes on the wire). */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** Value of an added header by case-insensitive name, or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The canonical request (empty for schemes that have none). */
    public String canonicalRequest() {
        return canonicalRequest;
    }

    /** The exact string that was MACed or hashed (secrets redacted for the MD5 scheme). */
    public String stringToSign() {
        return stringToSign;
    }

    /** The signature as it appears in the header. */
    public String signature() {
        return signature;
    }
}
