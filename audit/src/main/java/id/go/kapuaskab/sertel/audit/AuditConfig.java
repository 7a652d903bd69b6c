package id.go.kapuaskab.sertel.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** How a service keeps its audit trail. The trail's name is the service's {@code quarkus.application.name}. */
@ConfigMapping(prefix = "sertel.audit")
public interface AuditConfig {

    /**
     * {@code sertel.audit.lanes} (default {@code 4}): independent hash chains. An append locks one lane's head until
     * its transaction commits; with several lanes, concurrent decisions commit side by side instead of one after the
     * other. Raising it later is safe (new lanes start empty); lowering it leaves the higher lanes as they are.
     */
    @WithDefault("4")
    int lanes();

    /** {@code sertel.audit.page-limit} (default {@code 100}): records per page of {@code GET …/records} when the caller names none; at most 1000. */
    @WithDefault("100")
    int pageLimit();

    Checkpoint checkpoint();

    Verification verification();

    /** The verification the service runs itself, for the tamper alert ({@link ScheduledVerification}). */
    interface Verification {

        /** {@code sertel.audit.verification.every} (default {@code 1h}): how often; {@code off} runs none (tests). */
        @WithDefault("1h")
        String every();

        /** {@code sertel.audit.verification.delay} (default {@code 5m}): the first run after start-up. */
        @WithDefault("5m")
        String delay();
    }

    /** Signed checkpoints of the lane heads. */
    interface Checkpoint {

        /**
         * {@code sertel.audit.checkpoint.every} (default {@code 10m}): how often a checkpoint is signed when the trail
         * grew since the last one; {@code off} signs none (tests sign by hand).
         */
        @WithDefault("10m")
        String every();

        /**
         * {@code sertel.audit.checkpoint.key} (env {@code AUDIT_SIGNING_KEY}): PEM file of the PKCS#8 private key
         * (Ed25519 or EC P-256) that signs checkpoints. Not used by certificate-service, whose key lives with the CA
         * keys.
         */
        Optional<String> key();

        /**
         * {@code sertel.audit.checkpoint.generate-key} (default {@code false}; {@code true} in {@code %dev},
         * {@code %test}, {@code %local}): create an Ed25519 key in {@code key} when that file does not exist.
         * Production keeps it false, so a missing key stops the service instead of silently starting a new one.
         */
        @WithDefault("false")
        boolean generateKey();

        /**
         * {@code sertel.audit.checkpoint.previous-keys} (env {@code AUDIT_PREVIOUS_KEYS}): PEM files of retired
         * checkpoint keys (public or private), still trusted for the checkpoints they signed.
         */
        Optional<List<String>> previousKeys();
    }
}
