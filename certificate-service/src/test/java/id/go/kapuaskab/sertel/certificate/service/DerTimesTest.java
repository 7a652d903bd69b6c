package id.go.kapuaskab.sertel.certificate.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.api.Test;

/** Our encoding of a validity time is byte for byte BouncyCastle's own, on both sides of the 2050 switch. */
class DerTimesTest {

    @Test
    void encodesAsBouncyCastlesTimeDoes() throws Exception {
        for (String at : new String[] {"2026-12-05T23:15:07Z", "1950-01-01T00:00:00Z", "2049-12-31T23:59:59Z", "2050-01-01T00:00:00Z",
                "2126-02-28T05:06:09Z"}) {
            Instant instant = Instant.parse(at);
            Time ours = DerTimes.of(instant);
            assertThat(ours.getEncoded()).as(at).isEqualTo(new Time(Date.from(instant)).getEncoded());
            assertThat(ours.getDate().toInstant()).as(at).isEqualTo(instant);
        }
        assertThat(DerTimes.of(Instant.parse("2049-12-31T23:59:59Z")).toASN1Primitive()).isInstanceOf(ASN1UTCTime.class);
        assertThat(DerTimes.of(Instant.parse("2050-01-01T00:00:00Z")).toASN1Primitive()).isInstanceOf(ASN1GeneralizedTime.class);
    }

    @Test
    void refusesAFractionOfASecondRatherThanDropIt() {
        assertThatThrownBy(() -> DerTimes.of(Instant.parse("2026-12-05T23:15:07.250Z"))).isInstanceOf(IllegalArgumentException.class);
    }
}
