package io.cnvision.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parts of an HTTP request a signer reads: method, path (not percent-encoded, without
 * query), decoded query pairs in sent order, headers already on the request, and the exact
 * body bytes (or their precomputed hex digest, or APIG's unsigned payload). Immutable;
 * build with {@link #builder(String, String)}.
 */
public final class SignableRequest {
    final String method;
    final String path;
    final List<String[]> query;
    final List<String[]> headers;
    final byte[] body;
    final String bodyHash;
    final boolean unsignedPayload;

    private SignableRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.query = Collections.unmodifiableList(new ArrayList<String[]>(b.query));
        this.headers = Collections.unmodifiableList(new ArrayList<String[]>(b.headers));
        this.body = b.body;
        this.bodyHash = b.bodyHash;
        this.unsignedPayload = b.unsignedPayload;
    }

    /** A builder for {@code method} (upper case, e.g. POST) and {@code path} (starts with /). */
    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    /** Builder of {@link SignableRequest}. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final List<String[]> query = new ArrayList<String[]>();
        private final List<String[]> headers = new ArrayList<String[]>();
        private byte[] body;
        private String bodyHash;
        private boolean unsignedPayload;

        private Builder(String method, String path) {
            if (method == null || path == null) {
                throw new NullPointerException("method and path are required");
            }
            this.method = method;
            this.path = path;
        }

        /** Appends a decoded query pair (order is kept). */
        public Builder query(String name, String value) {
            query.add(new String[] {name, value});
            return this;
        }

        /** Appends a header already on the request. */
        public Builder header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        /** The exact body bytes sent (not copied; do not modify until signed). */
        public Builder body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        /** The body's digest in the scheme's form (lower-case hex), instead of the body. */
        public Builder bodyHash(String hex) {
            this.bodyHash = hex;
            return this;
        }

        /** APIG only: sign {@code UNSIGNED-PAYLOAD} instead of the body hash. */
        public Builder unsignedPayload() {
            this.unsignedPayload = true;
            return this;
        }

        public SignableRequest build() {
            return new SignableRequest(this);
        }
    }
}
