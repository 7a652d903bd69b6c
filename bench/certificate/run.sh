#!/usr/bin/env bash
# JMH benchmark of certificate-service's signing path (CSR checks, signature, storage with fsync), once for a P-256
# and once for an RSA-3072 issuing CA. Prints a table. About 2 minutes on 2 cores. Issuance over HTTP, side by side
# with cfssl, is bench/run's issuance scenario (bench/run --only issuance).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -Pbench package -pl bench/certificate -am -DskipTests
CP="bench/certificate/target/classes:$(cat bench/certificate/target/classpath.txt)"
java -cp "$CP" id.go.kapuaskab.sertel.bench.certificate.SigningPathRun
