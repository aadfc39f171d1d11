package io.cnvision.crypto;

/** SM2 ciphertext layout. The CTyun gateway uses {@link #C1C3C2}. */
public enum Sm2Mode {
    /** {@code C1 || C3 || C2}: GB/T 32918.4-2016 and the CTyun gateway. */
    C1C3C2,
    /** {@code C1 || C2 || C3}: the 2010 draft layout (BouncyCastle's {@code Cipher("SM2")} default). */
    C1C2C3
}
