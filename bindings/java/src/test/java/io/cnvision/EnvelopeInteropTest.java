package io.cnvision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnvision.crypto.Envelope;
import io.cnvision.crypto.SessionKeys;
import io.cnvision.json.Json;
import io.cnvision.json.JsonValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPrivateKey;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Envelope interoperability with BouncyCastle. The BouncyCastle side below is written from
 * manual 002 §6.2.4's steps, independently of cnvision: SM2Engine in C1C3C2 mode wraps the
 * SM4 and HMAC keys, SM4/ECB/PKCS7 encrypts the body, HMAC-SM3 is computed over the base64
 * TEXT of ciphertextBlob and encryptedBody, every value is standard base64.
 */
class EnvelopeInteropTest {
    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final SecureRandom RANDOM = new SecureRandom();

    private static ECPublicKeyParameters bcPublic;
    private static ECPrivateKeyParameters bcPrivate;
    private static String publicSpkiBase64;
    private static byte[] privateScalar;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        g.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
        KeyPair kp = g.generateKeyPair();
        BCECPublicKey pub = (BCECPublicKey) kp.getPublic();
        BCECPrivateKey priv = (BCECPrivateKey) kp.getPrivate();
        bcPublic = new ECPublicKeyParameters(pub.getQ(), DOMAIN);
        bcPrivate = new ECPrivateKeyParameters(priv.getD(), DOMAIN);
        publicSpkiBase64 = Base64.getEncoder().encodeToString(pub.getEncoded()); // X.509 SPKI, as the console shows
        privateScalar = fixed32(priv.getD());
    }

    private static byte[] fixed32(BigInteger d) {
        byte[] raw = d.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    // ---- BouncyCastle side, from the manual's steps ------------------------------------

    private static byte[] sm2Encrypt(byte[] msg) throws InvalidCipherTextException {
        SM2Engine e = new SM2Engine(SM2Engine.Mode.C1C3C2);
        e.init(true, new ParametersWithRandom(bcPublic, RANDOM));
        return e.processBlock(msg, 0, msg.length);
    }

    private static byte[] sm2Decrypt(byte[] ct) throws InvalidCipherTextException {
        SM2Engine e = new SM2Engine(SM2Engine.Mode.C1C3C2);
        e.init(false, bcPrivate);
        return e.processBlock(ct, 0, ct.length);
    }

    private static byte[] sm4(boolean encrypt, byte[] key, byte[] data) throws InvalidCipherTextException {
        PaddedBufferedBlockCipher c = new PaddedBufferedBlockCipher(new SM4Engine(), new PKCS7Padding()); // ECB
        c.init(encrypt, new KeyParameter(key));
        byte[] out = new byte[c.getOutputSize(data.length)];
        int n = c.processBytes(data, 0, data.length, out, 0);
        n += c.doFinal(out, n);
        byte[] exact = new byte[n];
        System.arraycopy(out, 0, exact, 0, n);
        return exact;
    }

    private static String hmacSm3(byte[] key, String base64Text) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] data = base64Text.getBytes(StandardCharsets.UTF_8);
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return b64(out);
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unb64(String s) {
        return Base64.getDecoder().decode(s);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    // ---- tests ---------------------------------------------------------------------------

    @Test
    void cnvisionSealedRequestOpensWithBouncyCastleAndBouncyCastleAnswerOpensWithCnvision() throws Exception {
        byte[] plain = "{\"Action\":\"DetectFace\",\"ImageData\":\"AAAA\",\"名\":\"张三\"}".getBytes(StandardCharsets.UTF_8);
        Envelope.Sealed sealed = Envelope.seal(publicSpkiBase64, plain);
        JsonValue body = Json.parse(new String(sealed.body(), StandardCharsets.UTF_8));
        assertEquals("[ciphertextBlob, encryptedBody, encryptedHashKey, ciphertextBlobHash, encryptedBodyHash]",
                body.keys().toString());

        byte[] sm4Key = sm2Decrypt(unb64(body.get("ciphertextBlob").asString()));
        byte[] hmacKey = sm2Decrypt(unb64(body.get("encryptedHashKey").asString()));
        assertArrayEquals(sealed.keys().sm4Key(), sm4Key);
        assertArrayEquals(sealed.keys().hmacKey(), hmacKey);
        assertEquals(hmacSm3(hmacKey, body.get("ciphertextBlob").asString()), body.get("ciphertextBlobHash").asString());
        assertEquals(hmacSm3(hmacKey, body.get("encryptedBody").asString()), body.get("encryptedBodyHash").asString());
        assertArrayEquals(plain, sm4(false, sm4Key, unb64(body.get("encryptedBody").asString())));

        // The gateway's answer, sealed by BouncyCastle under the request's keys.
        byte[] result = "{\"statusCode\":0,\"returnObj\":{\"faceNum\":1}}".getBytes(StandardCharsets.UTF_8);
        String encryptedResult = b64(sm4(true, sm4Key, result));
        String answer = JsonValue.object().put("encryptedResult", encryptedResult)
                .put("encryptedResultHash", hmacSm3(hmacKey, encryptedResult)).toJson();
        assertArrayEquals(result, Envelope.open(answer.getBytes(StandardCharsets.UTF_8), sealed.keys()));

        // A tampered hash is refused.
        String tampered = JsonValue.object().put("encryptedResult", encryptedResult)
                .put("encryptedResultHash", hmacSm3(random(16), encryptedResult)).toJson();
        CnvisionException e = assertThrows(CnvisionException.class,
                () -> Envelope.open(tampered.getBytes(StandardCharsets.UTF_8), sealed.keys()));
        assertEquals(ErrorCode.CRYPTO, e.getCode());
        sealed.keys().destroy();
        assertArrayEquals(new byte[16], sealed.keys().sm4Key());
    }

    @Test
    void bouncyCastleSealedRequestOpensWithCnvisionAndCnvisionAnswerOpensWithBouncyCastle() throws Exception {
        byte[] plain = "{\"imageContent\":\"/9j/4AAQ\",\"x\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);
        byte[] sm4Key = random(16);
        byte[] hmacKey = random(16);
        String blob = b64(sm2Encrypt(sm4Key));
        String encBody = b64(sm4(true, sm4Key, plain));
        String sealed = JsonValue.object()
                .put("ciphertextBlob", blob)
                .put("encryptedBody", encBody)
                .put("encryptedHashKey", b64(sm2Encrypt(hmacKey)))
                .put("ciphertextBlobHash", hmacSm3(hmacKey, blob))
                .put("encryptedBodyHash", hmacSm3(hmacKey, encBody))
                .toJson();
        Envelope.Opened opened = Envelope.openRequest(sealed.getBytes(StandardCharsets.UTF_8), privateScalar);
        assertArrayEquals(plain, opened.plain());
        assertArrayEquals(sm4Key, opened.keys().sm4Key());
        assertArrayEquals(hmacKey, opened.keys().hmacKey());

        byte[] result = "{\"statusCode\":0,\"returnObj\":{\"score\":0.99}}".getBytes(StandardCharsets.UTF_8);
        JsonValue answer = Json.parse(new String(Envelope.sealResponse(result, opened.keys()), StandardCharsets.UTF_8));
        String er = answer.get("encryptedResult").asString();
        assertEquals(hmacSm3(hmacKey, er), answer.get("encryptedResultHash").asString());
        assertArrayEquals(result, sm4(false, sm4Key, unb64(er)));

        // A body changed after hashing is refused with the gateway's hash-mismatch code.
        String forged = JsonValue.object()
                .put("ciphertextBlob", blob)
                .put("encryptedBody", b64(sm4(true, sm4Key, "{\"x\":0}".getBytes(StandardCharsets.UTF_8))))
                .put("encryptedHashKey", b64(sm2Encrypt(hmacKey)))
                .put("ciphertextBlobHash", hmacSm3(hmacKey, blob))
                .put("encryptedBodyHash", hmacSm3(hmacKey, encBody))
                .toJson();
        CnvisionException e = assertThrows(CnvisionException.class,
                () -> Envelope.openRequest(forged.getBytes(StandardCharsets.UTF_8), privateScalar));
        assertEquals(ErrorCode.CRYPTO, e.getCode());
        assertEquals("AI_OP_40018", e.getProviderCode());
    }

    @Test
    void badPublicKeyIsAConfigurationError() {
        CnvisionException e = assertThrows(CnvisionException.class,
                () -> Envelope.seal("not a key", "{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.CONFIGURATION, e.getCode());
        assertTrue(!e.getMessage().contains("not a key"), e.getMessage());
    }
}
