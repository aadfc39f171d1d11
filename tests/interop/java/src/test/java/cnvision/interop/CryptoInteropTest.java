package cnvision.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** BouncyCastle 1.78.1 (the manual's library) against cnvision, both directions. */
class CryptoInteropTest {

    private static List<byte[]> messages(int count) {
        List<byte[]> out = new ArrayList<>();
        int[] fixed = {1, 16, 19, 32, 33, 1000};
        for (int n : fixed) {
            out.add(Gm.random(n));
        }
        while (out.size() < count) {
            out.add(Gm.random(1 + Gm.RANDOM.nextInt(300)));
        }
        return out;
    }

    private static String hex(byte[] b) {
        return Hex.toHexString(b);
    }

    @Test
    void ourCiphertextsDecryptWithSm2EngineC1C3C2() throws Exception {
        KeyPair kp = Gm.namedKeyPair();
        List<byte[]> msgs = messages(60);
        ArrayNode reqs = Ours.JSON.createArrayNode();
        for (byte[] m : msgs) {
            reqs.add(Ours.req("sm2_encrypt").put("public_key", Gm.b64(kp.getPublic().getEncoded()))
                    .put("msg_hex", hex(m)).put("mode", "c1c3c2"));
        }
        JsonNode answers = Ours.call(reqs);
        for (int i = 0; i < msgs.size(); i++) {
            byte[] ct = Hex.decode(answers.get(i).get("ct_hex").asText());
            assertArrayEquals(msgs.get(i), Gm.sm2Decrypt(Gm.privateHex(kp), ct, SM2Engine.Mode.C1C3C2));
        }
    }

    @Test
    void sm2EngineCiphertextsDecryptWithOursBothModes() throws Exception {
        KeyPair kp = Gm.namedKeyPair();
        List<byte[]> msgs = messages(60);
        for (SM2Engine.Mode mode : SM2Engine.Mode.values()) {
            ArrayNode reqs = Ours.JSON.createArrayNode();
            for (byte[] m : msgs) {
                byte[] ct = Gm.sm2Encrypt(Gm.publicPoint(kp), m, mode);
                reqs.add(Ours.req("sm2_decrypt").put("private_key_hex", Gm.privateHex(kp)).put("ct_hex", hex(ct))
                        .put("mode", mode == SM2Engine.Mode.C1C3C2 ? "c1c3c2" : "c1c2c3"));
            }
            JsonNode answers = Ours.call(reqs);
            for (int i = 0; i < msgs.size(); i++) {
                assertEquals(hex(msgs.get(i)), answers.get(i).get("msg_hex").asText(), mode + " #" + i);
            }
        }
    }

    @Test
    void jcaCipherSm2DefaultIsC1C2C3AndWeDecryptItInThatMode() throws Exception {
        KeyPair kp = Gm.namedKeyPair();
        Cipher c = Cipher.getInstance("SM2", "BC");
        c.init(Cipher.ENCRYPT_MODE, kp.getPublic());
        byte[] m = "manual 002 SM2Util.encrypt".getBytes(StandardCharsets.UTF_8);
        byte[] ct = c.doFinal(m);
        JsonNode ok = Ours.call(Ours.req("sm2_decrypt").put("private_key_hex", Gm.privateHex(kp))
                .put("ct_hex", hex(ct)).put("mode", "c1c2c3"));
        assertEquals(hex(m), ok.get("msg_hex").asText());
        JsonNode wrong = Ours.call(Ours.req("sm2_decrypt").put("private_key_hex", Gm.privateHex(kp))
                .put("ct_hex", hex(ct)).put("mode", "c1c3c2"));
        assertEquals("crypto", wrong.get("error").asText());
    }

    @Test
    void publicKeyFormsFromBouncyCastleParse() throws Exception {
        KeyPair named = Gm.namedKeyPair();
        KeyPair explicit = Gm.explicitKeyPair();
        byte[] namedDer = named.getPublic().getEncoded();
        byte[] explicitDer = explicit.getPublic().getEncoded();
        assertEquals(91, namedDer.length);
        assertTrue(explicitDer.length > 300, "explicit-parameters SPKI is ~311 bytes, got " + explicitDer.length);
        for (KeyPair kp : new KeyPair[] {named, explicit}) {
            String expected = hex(Gm.publicPoint(kp).getEncoded(false));
            JsonNode r = Ours.call(Ours.req("parse_public_key").put("text", Gm.b64(kp.getPublic().getEncoded())));
            assertEquals(expected, r.get("sec1_hex").asText());
            // and encrypt to the explicit-form key, decrypt with BouncyCastle
            byte[] m = Gm.random(16);
            JsonNode ct = Ours.call(Ours.req("sm2_encrypt").put("public_key", Gm.b64(kp.getPublic().getEncoded()))
                    .put("msg_hex", hex(m)));
            assertArrayEquals(m, Gm.sm2Decrypt(Gm.privateHex(kp), Hex.decode(ct.get("ct_hex").asText()),
                    SM2Engine.Mode.C1C3C2));
        }
    }

    /** Manual 002 §6.2.4 steps 1-6, with the gateway's C1C3C2 layout. */
    private static String javaSeal(ECPoint q, byte[] body, byte[] sm4Key, byte[] hmacKey) throws Exception {
        Map<String, String> req = new LinkedHashMap<>();
        req.put("ciphertextBlob", Gm.b64(Gm.sm2Encrypt(q, sm4Key, SM2Engine.Mode.C1C3C2)));
        req.put("encryptedBody", Gm.b64(Gm.sm4(Cipher.ENCRYPT_MODE, sm4Key, body)));
        req.put("encryptedHashKey", Gm.b64(Gm.sm2Encrypt(q, hmacKey, SM2Engine.Mode.C1C3C2)));
        req.put("ciphertextBlobHash", Gm.b64(Gm.hmacSm3(hmacKey, req.get("ciphertextBlob").getBytes())));
        req.put("encryptedBodyHash", Gm.b64(Gm.hmacSm3(hmacKey, req.get("encryptedBody").getBytes())));
        return Ours.JSON.writeValueAsString(req);
    }

    @Test
    void envelopeJavaSealsWeOpenAndAnswer() throws Exception {
        KeyPair gateway = Gm.namedKeyPair();
        for (int n : new int[] {0, 10, 5000, 200000}) {
            byte[] body = ("{\"ImageData\":\"" + Gm.b64(Gm.random(n)) + "\"}").getBytes(StandardCharsets.UTF_8);
            byte[] sm4Key = Gm.random(16);
            byte[] hmacKey = Gm.random(16);
            String sealed = javaSeal(Gm.publicPoint(gateway), body, sm4Key, hmacKey);
            JsonNode opened = Ours.call(Ours.req("open_request").put("body", sealed)
                    .put("private_key_hex", Gm.privateHex(gateway)));
            assertArrayEquals(body, Gm.unb64(opened.get("plain_b64").asText()));
            assertEquals(hex(sm4Key), opened.get("sm4_key_hex").asText());
            assertEquals(hex(hmacKey), opened.get("hmac_key_hex").asText());
            // our gateway-side answer, opened the Java way (manual 2.6)
            byte[] result = "{\"statusCode\":0,\"returnObj\":{\"faceNum\":1}}".getBytes(StandardCharsets.UTF_8);
            JsonNode resp = Ours.call(Ours.req("seal_response").put("plain_b64", Gm.b64(result))
                    .put("sm4_key_hex", hex(sm4Key)).put("hmac_key_hex", hex(hmacKey)));
            JsonNode fields = Ours.JSON.readTree(resp.get("body").asText());
            String encrypted = fields.get("encryptedResult").asText();
            assertEquals(Gm.b64(Gm.hmacSm3(hmacKey, encrypted.getBytes())), fields.get("encryptedResultHash").asText());
            assertArrayEquals(result, Gm.sm4(Cipher.DECRYPT_MODE, sm4Key, Gm.unb64(encrypted)));
        }
    }

    @Test
    void envelopeWeSealJavaOpensAndAnswers() throws Exception {
        KeyPair gateway = Gm.explicitKeyPair();
        byte[] body = "{\"Action\":\"DetectFace\",\"FaceThresh\":0.5}".getBytes(StandardCharsets.UTF_8);
        JsonNode sealed = Ours.call(Ours.req("seal").put("public_key", Gm.b64(gateway.getPublic().getEncoded()))
                .put("plain_b64", Gm.b64(body)));
        JsonNode req = Ours.JSON.readTree(sealed.get("body").asText());
        String d = Gm.privateHex(gateway);
        byte[] hmacKey = Gm.sm2Decrypt(d, Gm.unb64(req.get("encryptedHashKey").asText()), SM2Engine.Mode.C1C3C2);
        for (String f : new String[] {"ciphertextBlob", "encryptedBody"}) {
            assertEquals(Gm.b64(Gm.hmacSm3(hmacKey, req.get(f).asText().getBytes())), req.get(f + "Hash").asText());
        }
        byte[] sm4Key = Gm.sm2Decrypt(d, Gm.unb64(req.get("ciphertextBlob").asText()), SM2Engine.Mode.C1C3C2);
        assertArrayEquals(body, Gm.sm4(Cipher.DECRYPT_MODE, sm4Key, Gm.unb64(req.get("encryptedBody").asText())));
        assertEquals(sealed.get("sm4_key_hex").asText(), hex(sm4Key));

        byte[] result = "{\"statusCode\":0,\"returnObj\":{}}".getBytes(StandardCharsets.UTF_8);
        String encrypted = Gm.b64(Gm.sm4(Cipher.ENCRYPT_MODE, sm4Key, result));
        ObjectNode resp = Ours.JSON.createObjectNode()
                .put("encryptedResultHash", Gm.b64(Gm.hmacSm3(hmacKey, encrypted.getBytes())))
                .put("encryptedResult", encrypted);
        JsonNode opened = Ours.call(Ours.req("open").put("body", resp.toString())
                .put("sm4_key_hex", hex(sm4Key)).put("hmac_key_hex", hex(hmacKey)));
        assertArrayEquals(result, Gm.unb64(opened.get("plain_b64").asText()));

        resp.put("encryptedResultHash", Gm.b64(Gm.hmacSm3(Gm.random(16), encrypted.getBytes())));
        JsonNode tampered = Ours.call(Ours.req("open").put("body", resp.toString())
                .put("sm4_key_hex", hex(sm4Key)).put("hmac_key_hex", hex(hmacKey)));
        assertEquals("crypto", tampered.get("error").asText());
    }
}
