package id.go.kapuaskab.sertel.signing.rest;

import id.go.kapuaskab.sertel.support.problem.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Reads an uploaded multipart file; the framework deletes it when the request ends. */
final class Uploads {

    private Uploads() {
    }

    static byte[] bytes(FileUpload upload, String part) {
        if (upload == null || upload.uploadedFile() == null) {
            throw DomainException.invalidField(part, "required");
        }
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
