#!/usr/bin/env bash
# Benchmarks of certificate-service: the JMH signing path, then an HTTP load run of the issue endpoint, each for a
# P-256 and an RSA-3072 issuing CA. Prints two tables. Takes about 4 minutes on 2 cores.
#
#   bench/certificate/run.sh            # both
#   bench/certificate/run.sh jmh        # only JMH
#   bench/certificate/run.sh http       # only the HTTP load run
set -euo pipefail
cd "$(dirname "$0")/../.."
what="${1:-all}"
mvn -B -q -Pbench package -pl bench/certificate -am -DskipTests
CP="bench/certificate/target/classes:$(cat bench/certificate/target/classpath.txt)"
if [[ "$what" == all || "$what" == jmh ]]; then
  java -cp "$CP" id.go.kapuaskab.sertel.bench.certificate.SigningPathRun
fi
if [[ "$what" == all || "$what" == http ]]; then
  java -cp "$CP" id.go.kapuaskab.sertel.bench.certificate.HttpLoadRun
fi
