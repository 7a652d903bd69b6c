#!/usr/bin/env bash
# Creates the CA keystore of certificate-service: a PKCS#12 file holding the root CA (alias sertel-root-ca) and the
# issuing CA under it (alias sertel-issuing-ca), encrypted with one password. Run it once, on an offline machine,
# for production (the "key ceremony"); for a local cluster anywhere.
#
#   PUBLIC_BASE_URL=https://sertel.kapuaskab.go.id CA_KEYSTORE_PASSWORD=... k8s/scripts/make-ca-keystore.sh OUT_DIR
#
# Writes OUT_DIR/ca-keystore.p12 and OUT_DIR/root-ca.pem (the root certificate, public: relying parties install
# it). The private keys exist only inside the keystore; the temporary PEM files are removed. The subjects and key
# types follow certificate-service's defaults (sertel.ca.root.* / sertel.ca.issuing.*): EC P-384 root for 20 years,
# EC P-256 issuing CA for 10 years, path length 0; the issuing CA's CRL and CA-issuers URLs point at
# PUBLIC_BASE_URL as certificate-service serves them (/pki/crl/<ca>.crl, /pki/ca/<ca>.cer).
# Needs openssl (3.x) and keytool (any JDK 17+).
set -euo pipefail

out=${1:?usage: make-ca-keystore.sh OUT_DIR}
: "${PUBLIC_BASE_URL:?set PUBLIC_BASE_URL, e.g. https://sertel.kapuaskab.go.id}"
: "${CA_KEYSTORE_PASSWORD:?set CA_KEYSTORE_PASSWORD (e.g. export CA_KEYSTORE_PASSWORD=\$(openssl rand -base64 32))}"
base=${PUBLIC_BASE_URL%/}
root_alias=sertel-root-ca
issuing_alias=sertel-issuing-ca

mkdir -p "$out"
if [ -e "$out/ca-keystore.p12" ]; then
  echo "$out/ca-keystore.p12 exists; refusing to overwrite a CA" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077

cat > "$work/ca.cnf" <<CNF
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
[ root ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ issuing ]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign, digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:$base/pki/crl/$root_alias.crl
authorityInfoAccess = caIssuers;URI:$base/pki/ca/$root_alias.cer
CNF

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out "$work/root.key"
openssl req -new -x509 -config "$work/ca.cnf" -extensions root -key "$work/root.key" -sha384 -days 7300 \
  -set_serial "0x$(openssl rand -hex 16)" \
  -subj "/C=ID/O=Pemerintah Kabupaten Kapuas/CN=Sertel Kapuas Root CA" -out "$work/root.pem"

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/issuing.key"
openssl req -new -config "$work/ca.cnf" -key "$work/issuing.key" \
  -subj "/C=ID/O=Pemerintah Kabupaten Kapuas/CN=Sertel Kapuas Issuing CA 1" -out "$work/issuing.csr"
openssl x509 -req -in "$work/issuing.csr" -CA "$work/root.pem" -CAkey "$work/root.key" -sha384 -days 3650 \
  -set_serial "0x$(openssl rand -hex 16)" -extfile "$work/ca.cnf" -extensions issuing -out "$work/issuing.pem"

export CA_KEYSTORE_PASSWORD
openssl pkcs12 -export -name "$root_alias" -inkey "$work/root.key" -in "$work/root.pem" \
  -passout env:CA_KEYSTORE_PASSWORD -out "$work/root.p12"
cat "$work/issuing.pem" "$work/root.pem" > "$work/issuing-chain.pem"
openssl pkcs12 -export -name "$issuing_alias" -inkey "$work/issuing.key" -in "$work/issuing-chain.pem" \
  -passout env:CA_KEYSTORE_PASSWORD -out "$work/issuing.p12"

for p12 in root issuing; do
  keytool -importkeystore -noprompt \
    -srckeystore "$work/$p12.p12" -srcstoretype PKCS12 -srcstorepass:env CA_KEYSTORE_PASSWORD \
    -destkeystore "$work/ca-keystore.p12" -deststoretype PKCS12 -deststorepass:env CA_KEYSTORE_PASSWORD >/dev/null
done

keytool -list -keystore "$work/ca-keystore.p12" -storetype PKCS12 -storepass:env CA_KEYSTORE_PASSWORD \
  | grep -q "$issuing_alias" || { echo "keystore lacks $issuing_alias" >&2; exit 1; }
cp "$work/ca-keystore.p12" "$out/ca-keystore.p12"
cp "$work/root.pem" "$out/root-ca.pem"
echo "Wrote $out/ca-keystore.p12 (aliases $root_alias, $issuing_alias) and $out/root-ca.pem"
openssl x509 -in "$out/root-ca.pem" -noout -subject -fingerprint -sha256
