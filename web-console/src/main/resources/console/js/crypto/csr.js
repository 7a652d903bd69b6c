// A PKCS#10 certification request (RFC 2986) for a key pair made by WebCrypto (ECDSA P-256), built and signed in
// the browser: the private key is used here and never sent anywhere. The CA takes only the public key from it
// (the subject comes from the approved applicant data); the request names the applicant's e-mail both in the
// subject and as subjectAltName rfc822Name, as the CA expects of an applicant's CSR.
import * as der from './der.js';

const OID = {
  commonName: '2.5.4.3',
  emailAddress: '1.2.840.113549.1.9.1',
  extensionRequest: '1.2.840.113549.1.9.14',
  subjectAltName: '2.5.29.17',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
};

export async function newKeyPair() {
  return crypto.subtle.generateKey({name: 'ECDSA', namedCurve: 'P-256'}, true, ['sign', 'verify']);
}

function name(commonName, email) {
  return der.sequence(
    der.set(der.sequence(der.oid(OID.commonName), der.utf8String(commonName))),
    der.set(der.sequence(der.oid(OID.emailAddress), der.ia5String(email))));
}

function extensionRequest(email) {
  const generalNames = der.sequence(der.contextPrimitive(1, new TextEncoder().encode(email)));
  const extensions = der.sequence(der.sequence(der.oid(OID.subjectAltName), der.octetString(generalNames)));
  return der.sequence(der.oid(OID.extensionRequest), der.set(extensions));
}

/** WebCrypto signs ECDSA as r‖s (IEEE P1363); X.509 wants SEQUENCE { INTEGER r, INTEGER s }. */
export function ecdsaSignatureToDer(raw) {
  const bytes = new Uint8Array(raw);
  const half = bytes.length / 2;
  return der.sequence(der.integer(bytes.subarray(0, half)), der.integer(bytes.subarray(half)));
}

/** The CSR as PEM, signed by the pair's private key. */
export async function certificationRequest(keyPair, {commonName, email}) {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keyPair.publicKey));
  const info = der.sequence(der.integer(0), name(commonName, email), spki, der.contextConstructed(0, extensionRequest(email)));
  const signature = await crypto.subtle.sign({name: 'ECDSA', hash: 'SHA-256'}, keyPair.privateKey, info);
  const request = der.sequence(info, der.sequence(der.oid(OID.ecdsaWithSha256)), der.bitString(ecdsaSignatureToDer(signature)));
  return der.pem('CERTIFICATE REQUEST', request);
}
