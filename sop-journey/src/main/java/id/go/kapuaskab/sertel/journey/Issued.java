package id.go.kapuaskab.sertel.journey;

import java.nio.file.Path;

/** A certificate the journey obtained: the request that produced it, its serial, the key file (if the key is ours) and the PEM file. */
public record Issued(String requestId, String serial, Path key, Path certificate) {
}
