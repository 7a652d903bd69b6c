package id.go.kapuaskab.sertel.applicant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void normalisesIndonesianNumbersToE164() {
        assertThat(PhoneNumbers.normalize("0812-3456-7890")).contains("+6281234567890");
        assertThat(PhoneNumbers.normalize("+62 812 3456 7890")).contains("+6281234567890");
        assertThat(PhoneNumbers.normalize("6281234567890")).contains("+6281234567890");
        assertThat(PhoneNumbers.normalize("(0513) 21234")).contains("+6251321234");
    }

    @Test
    void refusesOtherNumbers() {
        assertThat(PhoneNumbers.normalize("+49 30 1234567")).isEmpty();
        assertThat(PhoneNumbers.normalize("0812")).isEmpty();
        assertThat(PhoneNumbers.normalize("08123456789012345")).isEmpty();
        assertThat(PhoneNumbers.normalize("0812-abc-7890")).isEmpty();
        assertThat(PhoneNumbers.normalize(null)).isEmpty();
    }
}
