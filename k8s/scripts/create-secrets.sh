#!/usr/bin/env bash
# Creates the Secrets sertel needs (k8s/README.md, "Secrets") in the namespace, with generated values where the
# value is ours to choose. An existing Secret is left alone, so running it again never rotates anything by accident.
# Nothing is printed or written to disk except what you pass in.
#
#   k8s/scripts/create-secrets.sh local        # everything, with a self-signed TLS certificate and a new local CA
#   k8s/scripts/create-secrets.sh production   # what production needs; values that come from elsewhere are
#                                              # read from the environment (see the list below)
#   k8s/scripts/create-secrets.sh production-hsm
#
# Environment (production):
#   ADMIN_EMAIL                          first admin's e-mail (required)
#   SMTP_USERNAME, SMTP_PASSWORD         the office relay's login (required)
#   TLS_CERT, TLS_KEY                    files of the public certificate and key of the host (required unless
#                                        cert-manager issues sertel-tls)
#   BACKUP_ACCESS_KEY_ID, BACKUP_SECRET_ACCESS_KEY   the backup bucket's credentials (required)
#   CA_KEYSTORE_FILE, CA_KEYSTORE_PASSWORD           the keystore of make-ca-keystore.sh (production)
#   CA_HSM_PIN                           the HSM token's user PIN (production-hsm)
#   NAMESPACE (default sertel), KUBECTL (default kubectl)
set -euo pipefail

target=${1:?usage: create-secrets.sh local|production|production-hsm}
ns=${NAMESPACE:-sertel}
kubectl=${KUBECTL:-kubectl}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077

random() { openssl rand -base64 36 | tr -d '\n/+=' | cut -c1-40; }

exists() { $kubectl -n "$ns" get secret "$1" >/dev/null 2>&1; }

# create NAME ARGS...: kubectl create secret generic NAME ARGS, unless NAME exists.
create() {
  local name=$1; shift
  if exists "$name"; then
    echo "secret/$name exists, left as it is"
  else
    $kubectl -n "$ns" create secret generic "$name" "$@"
  fi
}

need() { for v in "$@"; do [ -n "${!v:-}" ] || { echo "set $v (see the header of $0)" >&2; exit 1; }; done; }

case $target in
  local)
    ADMIN_EMAIL=${ADMIN_EMAIL:-admin@kapuaskab.go.id}
    SMTP_USERNAME=${SMTP_USERNAME:-sertel}
    SMTP_PASSWORD=${SMTP_PASSWORD:-$(random)}
    host=${HOST:-sertel.localhost}
    ;;
  production|production-hsm)
    need ADMIN_EMAIL SMTP_USERNAME SMTP_PASSWORD BACKUP_ACCESS_KEY_ID BACKUP_SECRET_ACCESS_KEY
    ;;
  *) echo "unknown target $target" >&2; exit 1 ;;
esac

# The key that signs access tokens: EC P-256, PKCS#8 PEM (applicant-service).
if ! exists sertel-token-signing-key; then
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/auth-signing-key.pem"
fi
create sertel-token-signing-key --from-file=auth-signing-key.pem="$work/auth-signing-key.pem"

# The service identities (client credentials): applicant-service checks them, each service logs in with its own
# (applicant-service, the token issuer, signs its own service token and needs none).
create sertel-client-secrets \
  --from-literal=renewal-service="$(random)" \
  --from-literal=notification-service="$(random)" \
  --from-literal=certificate-service="$(random)"

# The key notification-service encrypts the webhook signing secrets under: 32 random bytes, base64.
create sertel-webhook-key --from-literal=secret-key="$(openssl rand -base64 32)"

# The key the gateway replicas sign their rate-limit usage messages to each other with (HMAC-SHA256).
create sertel-gateway-peers --from-literal=secret="$(openssl rand -base64 32)"

# The key that encrypts what applicant-service must read again (TOTP secrets, one-time links waiting in its outbox).
create sertel-auth-data-key --from-literal=data-key="$(openssl rand -base64 32)"

# The keys that sign the audit checkpoints of applicant-, renewal- and signing-service (Ed25519, PKCS#8 private key and
# its public key in one PEM file; certificate-service signs with a key beside its CA keys instead). Keep a copy of the
# public keys where the auditors are: they verify checkpoints with them.
if ! exists sertel-audit-keys; then
  for s in applicant-service renewal-service signing-service; do
    openssl genpkey -algorithm ed25519 -out "$work/$s.pem"
    openssl pkey -in "$work/$s.pem" -pubout >> "$work/$s.pem"
  done
fi
create sertel-audit-keys --from-file=applicant-service.pem="$work/applicant-service.pem" \
  --from-file=renewal-service.pem="$work/renewal-service.pem" --from-file=signing-service.pem="$work/signing-service.pem"

# The first admin; read the password once with:
#   kubectl -n sertel get secret sertel-bootstrap-admin -o jsonpath='{.data.password}' | base64 -d
create sertel-bootstrap-admin --from-literal=email="$ADMIN_EMAIL" --from-literal=password="$(random)"

create sertel-smtp --from-literal=username="$SMTP_USERNAME" --from-literal=password="$SMTP_PASSWORD"

# The Ingress certificate.
if ! exists sertel-tls; then
  if [ "$target" = local ]; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 365 -subj "/CN=$host" \
      -addext "subjectAltName=DNS:$host" -keyout "$work/tls.key" -out "$work/tls.crt" 2>/dev/null
    TLS_CERT=$work/tls.crt TLS_KEY=$work/tls.key
  fi
  if [ -n "${TLS_CERT:-}" ]; then
    $kubectl -n "$ns" create secret tls sertel-tls --cert="$TLS_CERT" --key="$TLS_KEY"
  else
    echo "sertel-tls not created: set TLS_CERT and TLS_KEY, or let cert-manager issue it (k8s/README.md)"
  fi
fi

# The backup bucket (production only: the local overlay has no backups).
if [ "$target" != local ]; then
  create sertel-backup-s3 --from-literal=ACCESS_KEY_ID="$BACKUP_ACCESS_KEY_ID" \
    --from-literal=ACCESS_SECRET_KEY="$BACKUP_SECRET_ACCESS_KEY"
fi

# The CA key.
case $target in
  local)
    if ! exists sertel-ca-keystore; then
      CA_KEYSTORE_PASSWORD=$(random)
      PUBLIC_BASE_URL=https://$host CA_KEYSTORE_PASSWORD=$CA_KEYSTORE_PASSWORD "$here/make-ca-keystore.sh" "$work/ca" >/dev/null
      create sertel-ca-keystore --from-file=ca-keystore.p12="$work/ca/ca-keystore.p12" --from-literal=password="$CA_KEYSTORE_PASSWORD"
    fi
    ;;
  production)
    if ! exists sertel-ca-keystore; then
      need CA_KEYSTORE_FILE CA_KEYSTORE_PASSWORD
      create sertel-ca-keystore --from-file=ca-keystore.p12="$CA_KEYSTORE_FILE" --from-literal=password="$CA_KEYSTORE_PASSWORD"
    fi
    ;;
  production-hsm)
    if ! exists sertel-ca-hsm; then
      need CA_HSM_PIN
      create sertel-ca-hsm --from-literal=pin="$CA_HSM_PIN"
    fi
    ;;
esac
echo "Secrets of $target in namespace $ns are in place."
