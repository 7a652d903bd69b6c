package id.go.kapuaskab.sertel.audit;

import java.time.Instant;

/**
 * A signed statement of every lane's head at one moment: {@code statement} is exactly the text that was signed
 * (see {@link CheckpointStatement}), {@code signature} the signature over its UTF-8 bytes, {@code keyId} the SHA-256
 * of the signing key's SubjectPublicKeyInfo.
 */
public record Checkpoint(long id, Instant createdAt, String statement, String algorithm, String keyId, byte[] signature) {
}
