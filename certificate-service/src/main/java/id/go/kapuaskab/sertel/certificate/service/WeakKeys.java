package id.go.kapuaskab.sertel.certificate.service;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Keys that parse but must not be certified, after boulder's goodkey: RSA moduli with a small prime factor or with
 * primes so close that Fermat's method factors them, RSA exponents other than 65537, EC points off the curve or
 * at infinity. Each answer names the reason for the audit trail; none reveals key material.
 */
public final class WeakKeys {

    /** The product of all primes below 10,000: one gcd tests them all. */
    private static final BigInteger SMALL_PRIMES = smallPrimeProduct(10_000);
    private static final BigInteger F4 = BigInteger.valueOf(65537);
    private static final int FERMAT_ROUNDS = 100;

    private WeakKeys() {
    }

    /** Why this RSA key is weak, or empty when it is not. */
    public static Optional<String> rsa(RSAPublicKey key) {
        BigInteger n = key.getModulus();
        if (!F4.equals(key.getPublicExponent())) {
            return Optional.of("public exponent is not 65537");
        }
        if (n.signum() <= 0 || !n.testBit(0)) {
            return Optional.of("modulus is not a positive odd number");
        }
        if (!n.gcd(SMALL_PRIMES).equals(BigInteger.ONE)) {
            return Optional.of("modulus has a small prime factor");
        }
        if (fermatFactors(n)) {
            return Optional.of("modulus factors by Fermat's method (primes too close)");
        }
        return Optional.empty();
    }

    /** Why this EC key is unusable, or empty when its point lies on its named curve and is not the point at infinity. */
    public static Optional<String> ec(SubjectPublicKeyInfo spki) {
        if (!(spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curveOid)) {
            return Optional.of("curve is not a named curve");
        }
        X9ECParameters curve = ECNamedCurveTable.getByOID(curveOid);
        if (curve == null) {
            return Optional.of("unknown curve");
        }
        try {
            ECPoint point = curve.getCurve().decodePoint(spki.getPublicKeyData().getOctets());
            // isValid checks the point lies on the curve; for curves with a cofactor the order must be checked too
            boolean primeOrder = curve.getH() == null || java.math.BigInteger.ONE.equals(curve.getH());
            if (point.isInfinity() || !point.isValid() || (!primeOrder && !point.multiply(curve.getN()).isInfinity())) {
                return Optional.of("point is not a valid point of the curve");
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("point is not a valid point of the curve");
        }
    }

    private static boolean fermatFactors(BigInteger n) {
        BigInteger a = n.sqrt();
        if (a.multiply(a).compareTo(n) < 0) {
            a = a.add(BigInteger.ONE);
        }
        for (int i = 0; i < FERMAT_ROUNDS; i++) {
            BigInteger b2 = a.multiply(a).subtract(n);
            BigInteger b = b2.sqrt();
            if (b.multiply(b).equals(b2)) {
                return true;
            }
            a = a.add(BigInteger.ONE);
        }
        return false;
    }

    private static BigInteger smallPrimeProduct(int bound) {
        boolean[] composite = new boolean[bound];
        BigInteger product = BigInteger.ONE;
        for (int i = 2; i < bound; i++) {
            if (!composite[i]) {
                product = product.multiply(BigInteger.valueOf(i));
                for (long j = (long) i * i; j < bound; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return product;
    }
}
