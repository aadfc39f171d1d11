package io.cnvision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cnvision.crypto.Envelope;
import io.cnvision.crypto.SessionKeys;
import io.cnvision.crypto.Sm2Mode;
import io.cnvision.json.JsonValue;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** tests/vectors/envelope (made by an independent gmssl peer), through the Java API. */
class EnvelopeVectorsTest {
    @TestFactory
    Stream<DynamicTest> envelope() {
        List<DynamicTest> tests = new ArrayList<DynamicTest>();
        for (final File dir : TestSupport.vectorCases("envelope")) {
            tests.add(DynamicTest.dynamicTest(dir.getName(), () -> check(TestSupport.readJson(dir, "case.json"))));
        }
        return tests.stream();
    }

    private static String opt(JsonValue c, String key) {
        JsonValue v = c.get(key);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static void check(JsonValue c) {
        byte[] sealed = c.get("sealed").asString().getBytes(StandardCharsets.UTF_8);
        String expectError = opt(c, "expect_error");
        if (c.get("kind").asString().equals("request")) {
            byte[] sk = TestSupport.hex(c.get("private_key_hex").asString());
            Sm2Mode mode = "c1c2c3".equals(opt(c, "mode")) ? Sm2Mode.C1C2C3 : Sm2Mode.C1C3C2;
            if (expectError != null) {
                CnvisionException e = assertThrows(CnvisionException.class, () -> Envelope.openRequest(sealed, sk, mode));
                assertEquals(expectError, e.getCode().kindName());
                if (opt(c, "expect_code") != null) {
                    assertEquals(opt(c, "expect_code"), e.getProviderCode());
                }
                return;
            }
            Envelope.Opened o = Envelope.openRequest(sealed, sk, mode);
            assertArrayEquals(Base64.getDecoder().decode(c.get("plain_b64").asString()), o.plain());
            assertArrayEquals(TestSupport.hex(c.get("sm4_key_hex").asString()), o.keys().sm4Key());
            assertArrayEquals(TestSupport.hex(c.get("hmac_key_hex").asString()), o.keys().hmacKey());
        } else {
            SessionKeys keys = new SessionKeys(TestSupport.hex(c.get("sm4_key_hex").asString()),
                    TestSupport.hex(c.get("hmac_key_hex").asString()));
            if (expectError != null) {
                CnvisionException e = assertThrows(CnvisionException.class, () -> Envelope.open(sealed, keys));
                assertEquals(expectError, e.getCode().kindName());
                return;
            }
            assertArrayEquals(Base64.getDecoder().decode(c.get("plain_b64").asString()), Envelope.open(sealed, keys));
        }
    }
}
