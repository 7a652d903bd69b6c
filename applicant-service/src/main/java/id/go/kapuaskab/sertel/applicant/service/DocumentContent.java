package id.go.kapuaskab.sertel.applicant.service;

/** A supporting document's bytes, for download by the people who may see the change. */
public record DocumentContent(String fileName, String mediaType, String sha256, byte[] content) {
}
