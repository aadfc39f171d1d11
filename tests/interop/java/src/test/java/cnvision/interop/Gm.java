package cnvision.interop;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.math.ec.ECPoint;

/** BouncyCastle-side helpers, written from manual 002 §6.2.4's reference code. */
final class Gm {
    static final SecureRandom RANDOM = new SecureRandom();
    static final X9ECParameters X9 = GMNamedCurves.getByName("sm2p256v1");
    static final ECDomainParameters DOMAIN = new ECDomainParameters(X9.getCurve(), X9.getG(), X9.getN(), X9.getH());

    static {
        Security.addProvider(new BouncyCastleProvider());
    }

    private Gm() {}

    /** A JCA key pair on the named curve: getEncoded() is the 91-byte named SPKI. */
    static KeyPair namedKeyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", "BC");
        g.initialize(new ECGenParameterSpec("sm2p256v1"));
        return g.generateKeyPair();
    }

    /** A key pair from an unnamed ECParameterSpec: getEncoded() carries explicit parameters. */
    static KeyPair explicitKeyPair() throws Exception {
        org.bouncycastle.jce.spec.ECNamedCurveParameterSpec named = ECNamedCurveTable.getParameterSpec("sm2p256v1");
        ECParameterSpec unnamed = new ECParameterSpec(named.getCurve(), named.getG(), named.getN(), named.getH());
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", "BC");
        g.initialize(unnamed, RANDOM);
        return g.generateKeyPair();
    }

    static String privateHex(KeyPair kp) {
        BigInteger d = ((org.bouncycastle.jce.interfaces.ECPrivateKey) kp.getPrivate()).getD();
        return String.format("%064x", d);
    }

    static ECPoint publicPoint(KeyPair kp) {
        return ((org.bouncycastle.jce.interfaces.ECPublicKey) kp.getPublic()).getQ();
    }

    static byte[] sm2Encrypt(ECPoint q, byte[] msg, SM2Engine.Mode mode) throws Exception {
        SM2Engine e = new SM2Engine(mode);
        CipherParameters p = new ParametersWithRandom(new ECPublicKeyParameters(q, DOMAIN), RANDOM);
        e.init(true, p);
        return e.processBlock(msg, 0, msg.length);
    }

    static byte[] sm2Decrypt(String dHex, byte[] ct, SM2Engine.Mode mode) throws Exception {
        SM2Engine e = new SM2Engine(mode);
        e.init(false, new ECPrivateKeyParameters(new BigInteger(dHex, 16), DOMAIN));
        return e.processBlock(ct, 0, ct.length);
    }

    static byte[] sm4(int cipherMode, byte[] key, byte[] data) throws Exception {
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("SM4/ECB/PKCS5Padding", "BC");
        c.init(cipherMode, new javax.crypto.spec.SecretKeySpec(key, "SM4"));
        return c.doFinal(data);
    }

    static byte[] hmacSm3(byte[] key, byte[] data) {
        HMac h = new HMac(new SM3Digest());
        h.init(new KeyParameter(key));
        h.update(data, 0, data.length);
        byte[] out = new byte[h.getMacSize()];
        h.doFinal(out, 0);
        return out;
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static byte[] unb64(String s) {
        return Base64.getDecoder().decode(s);
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
