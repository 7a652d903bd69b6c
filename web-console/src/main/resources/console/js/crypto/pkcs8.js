// The private key as a passphrase-protected file in the standard format every tool reads: an encrypted PKCS#8
// key (RFC 5958 EncryptedPrivateKeyInfo) with PBES2 (RFC 8018): PBKDF2-HMAC-SHA256 with a random salt and
// 600 000 iterations, and AES-256-CBC with a random IV. openssl (`openssl pkey -in key.pem`), Java keytool
// conversions, browsers' and signing tools' importers open it with the passphrase. All of it is WebCrypto:
// the plain key never leaves the browser's memory.
import * as der from './der.js';

const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSha256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
};
export const ITERATIONS = 600000;

/** PEM "ENCRYPTED PRIVATE KEY" of the pair's private key under the passphrase. */
export async function encryptedPrivateKey(privateKey, passphrase, iterations = ITERATIONS) {
  const plain = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(16));
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey({name: 'PBKDF2', salt, iterations, hash: 'SHA-256'}, material,
    {name: 'AES-CBC', length: 256}, false, ['encrypt']);
  const encrypted = new Uint8Array(await crypto.subtle.encrypt({name: 'AES-CBC', iv}, key, plain));
  plain.fill(0);
  const params = der.sequence(
    der.sequence(der.oid(OID.pbkdf2), der.sequence(der.octetString(salt), der.integer(iterations),
      der.sequence(der.oid(OID.hmacWithSha256), der.nullValue()))),
    der.sequence(der.oid(OID.aes256Cbc), der.octetString(iv)));
  const info = der.sequence(der.sequence(der.oid(OID.pbes2), params), der.octetString(encrypted));
  return der.pem('ENCRYPTED PRIVATE KEY', info);
}
