package io.cnvision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cnvision.auth.ApigSigner;
import io.cnvision.auth.CtyunHmacSigner;
import io.cnvision.auth.CtyunMd5Signer;
import io.cnvision.auth.EopSigner;
import io.cnvision.auth.SignableRequest;
import io.cnvision.auth.SigningOutput;
import io.cnvision.json.JsonValue;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared signing vectors of tests/vectors (one directory per case, discovered by
 * listing, never hand-listed), checked through the Java API.
 */
class SignerVectorsTest {
    private static Stream<DynamicTest> cases(String scheme, java.util.function.Consumer<File> check) {
        List<DynamicTest> tests = new ArrayList<DynamicTest>();
        for (final File dir : TestSupport.vectorCases(scheme)) {
            tests.add(DynamicTest.dynamicTest(scheme + "/" + dir.getName(), () -> check.accept(dir)));
        }
        return tests.stream();
    }

    /** The body of a CTyun vector: text, base64, repeat, or precomputed (its hash only). */
    private static SignableRequest.Builder ctyunRequest(JsonValue in) {
        SignableRequest.Builder b = SignableRequest.builder(in.get("method").asString(), in.get("path").asString());
        for (JsonValue p : in.get("query").items()) {
            b.query(p.get(0).asString(), p.get(1).asString());
        }
        for (JsonValue p : in.get("headers").items()) {
            b.header(p.get(0).asString(), p.get(1).asString());
        }
        JsonValue body = in.get("body");
        String kind = body.get("kind").asString();
        if (kind.equals("precomputed")) {
            b.bodyHash(body.get("value").asString());
        } else {
            b.body(bodyBytes(body));
        }
        return b;
    }

    private static byte[] bodyBytes(JsonValue body) {
        String kind = body.get("kind").asString();
        if (kind.equals("text")) {
            return body.get("value").asString().getBytes(StandardCharsets.UTF_8);
        }
        if (kind.equals("base64")) {
            return Base64.getDecoder().decode(body.get("value").asString());
        }
        if (kind.equals("repeat")) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < body.get("count").asInt(); i++) {
                s.append(body.get("value").asString());
            }
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("unknown body kind " + kind);
    }

    private static void checkOutput(File dir, SigningOutput out) {
        JsonValue expected = TestSupport.readJson(dir, "headers.json");
        List<String> want = new ArrayList<String>();
        for (JsonValue p : expected.items()) {
            want.add(p.get(0).asString() + ": " + p.get(1).asString());
        }
        List<String> got = new ArrayList<String>();
        for (Map.Entry<String, String> e : out.headers()) {
            got.add(e.getKey() + ": " + e.getValue());
        }
        assertEquals(want, got, dir.getName() + ": added headers");
        assertEquals(TestSupport.read(dir, "string_to_sign.txt"), out.stringToSign(), dir.getName() + ": string to sign");
        if (TestSupport.exists(dir, "signature.txt")) {
            assertEquals(TestSupport.read(dir, "signature.txt").trim(), out.signature(), dir.getName() + ": signature");
        }
    }

    @TestFactory
    Stream<DynamicTest> eop() {
        return cases("eop", dir -> {
            JsonValue in = TestSupport.readJson(dir, "input.json");
            JsonValue c = in.get("credentials");
            JsonValue appKey = c.get("app_key");
            EopSigner signer = new EopSigner(c.get("access_key").asString(), c.get("secret_key").asString(),
                    appKey == null || appKey.isNull() ? null : appKey.asString())
                    .withRequestId(in.get("request_id").asString())
                    .withUtcOffsetSeconds(in.get("utc_offset_seconds").asInt());
            List<String> names = new ArrayList<String>();
            for (JsonValue n : in.get("signed_headers").items()) {
                names.add(n.asString());
            }
            signer = signer.withSignedHeaders(names.toArray(new String[0]));
            SigningOutput out = signer.sign(ctyunRequest(in).build(), in.get("time_unix_ms").asLong());
            checkOutput(dir, out);
            assertEquals(TestSupport.read(dir, "canonical_query.txt"), out.canonicalRequest(), "canonical query");
        });
    }

    @TestFactory
    Stream<DynamicTest> ctyunMd5() {
        return cases("ctyun_md5", dir -> {
            JsonValue in = TestSupport.readJson(dir, "input.json");
            JsonValue c = in.get("credentials");
            SigningOutput out = new CtyunMd5Signer(c.get("app_key").asString(), c.get("app_secret").asString())
                    .sign(ctyunRequest(in).build(), in.get("time_unix_ms").asLong());
            checkOutput(dir, out);
        });
    }

    @TestFactory
    Stream<DynamicTest> ctyunHmac() {
        return cases("ctyun_hmac", dir -> {
            JsonValue in = TestSupport.readJson(dir, "input.json");
            JsonValue c = in.get("credentials");
            SigningOutput out = new CtyunHmacSigner(c.get("app_key").asString(), c.get("app_secret").asString())
                    .sign(ctyunRequest(in).build(), in.get("time_unix_ms").asLong());
            checkOutput(dir, out);
            assertEquals(TestSupport.read(dir, "query.txt"), out.canonicalRequest(), "query line");
        });
    }

    @TestFactory
    Stream<DynamicTest> apig() {
        return cases("apig", dir -> {
            JsonValue in = TestSupport.readJson(dir, "input.json");
            SignableRequest.Builder b = SignableRequest.builder(in.get("method").asString(), in.get("path").asString());
            for (JsonValue p : in.get("query").items()) {
                b.query(p.get(0).asString(), p.get(1).asString());
            }
            for (JsonValue p : in.get("headers").items()) {
                b.header(p.get(0).asString(), p.get(1).asString());
            }
            JsonValue unsigned = in.get("unsigned_payload");
            if (unsigned != null && !unsigned.isNull() && unsigned.asBoolean()) {
                b.unsignedPayload();
            } else {
                JsonValue body = in.get("body_base64");
                b.body(body == null ? new byte[0] : Base64.getDecoder().decode(body.asString()));
            }
            String alg = in.get("algorithm").asString();
            ApigSigner signer = new ApigSigner(in.get("ak").asString(), in.get("sk").asString())
                    .withAlgorithm(alg).withHost(in.get("host").asString());
            JsonValue pid = in.get("project_id");
            if (pid != null && !pid.isNull()) {
                signer = signer.withProjectId(pid.asString());
            }
            if (alg.equals(ApigSigner.V11_HMAC_SHA256)) {
                signer = signer.withDerivedScope(in.get("region_id").asString(), in.get("service_name").asString());
            }
            SimpleDateFormat f = new SimpleDateFormat("yyyyMMdd'T'HHmmss'Z'");
            f.setTimeZone(TimeZone.getTimeZone("UTC"));
            long t = f.parse(in.get("time").asString(), new ParsePosition(0)).getTime();
            SigningOutput out = signer.sign(b.build(), t);
            assertEquals(TestSupport.read(dir, "canonical_request.txt"), out.canonicalRequest(), "canonical request");
            checkOutput(dir, out);
            assertEquals(TestSupport.read(dir, "authorization.txt"), out.header("Authorization"), "authorization");
        });
    }
}
