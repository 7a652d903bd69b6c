package id.go.kapuaskab.sertel.applicant.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentsTest {

    @Test
    void recognisesTypesByMagicBytes() {
        assertThat(Documents.mediaType("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
        assertThat(Documents.mediaType(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains("image/jpeg");
        assertThat(Documents.mediaType(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).contains("image/png");
        assertThat(Documents.mediaType("MZ executable".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(Documents.mediaType("%PD".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void hashesWithSha256AndKeepsOnlyTheLastPathSegmentOfNames() {
        assertThat(Documents.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Documents.safeName("..\\..\\etc/passwd")).isEqualTo("passwd");
        assertThat(Documents.safeName("  ")).isEqualTo("dokumen");
    }
}
