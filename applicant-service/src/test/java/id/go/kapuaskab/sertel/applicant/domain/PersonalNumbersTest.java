package id.go.kapuaskab.sertel.applicant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonalNumbersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void acceptsAManWithAPlausibleBirthDate() {
        assertThat(PersonalNumbers.nikProblem("6203011208900003", TODAY)).isEmpty();
        assertThat(PersonalNumbers.nikFacts("6203011208900003", TODAY)).get()
                .extracting(PersonalNumbers.NikFacts::birthDate, PersonalNumbers.NikFacts::female)
                .containsExactly(LocalDate.of(1990, 8, 12), false);
    }

    @Test
    void readsTheDayPlusFortyAsAWoman() {
        assertThat(PersonalNumbers.nikFacts("6203015208900003", TODAY)).get()
                .extracting(PersonalNumbers.NikFacts::birthDate, PersonalNumbers.NikFacts::female)
                .containsExactly(LocalDate.of(1990, 8, 12), true);
    }

    @Test
    void picksTheCenturyThatMakesAnAdult() {
        assertThat(PersonalNumbers.nikFacts("6203010101050001", TODAY)).get()
                .extracting(PersonalNumbers.NikFacts::birthDate).isEqualTo(LocalDate.of(2005, 1, 1));
        assertThat(PersonalNumbers.nikFacts("6203010101200001", TODAY)).isEmpty(); // 2020: a child; 1920: 106 years old
    }

    @Test
    void refusesImplausibleNiks() {
        assertThat(PersonalNumbers.nikProblem("620301120890000", TODAY)).contains("nik.format");
        assertThat(PersonalNumbers.nikProblem("62030112089000a3", TODAY)).contains("nik.format");
        assertThat(PersonalNumbers.nikProblem(null, TODAY)).contains("nik.format");
        assertThat(PersonalNumbers.nikProblem("6203013208900003", TODAY)).contains("nik.birth-date"); // day 32
        assertThat(PersonalNumbers.nikProblem("6203017208900003", TODAY)).contains("nik.birth-date"); // day 72 = 32 for a woman
        assertThat(PersonalNumbers.nikProblem("6203011213900003", TODAY)).contains("nik.birth-date"); // month 13
        assertThat(PersonalNumbers.nikProblem("6203013002900003", TODAY)).contains("nik.birth-date"); // 30 February
        assertThat(PersonalNumbers.nikProblem("6203011208900000", TODAY)).contains("nik.serial");
    }

    @Test
    void acceptsAPlausibleNip() {
        assertThat(PersonalNumbers.nipProblem("199008122015031003", TODAY)).isEmpty();
        assertThat(PersonalNumbers.nipFacts("199008122015032003").female()).isTrue();
    }

    @Test
    void refusesImplausibleNips() {
        assertThat(PersonalNumbers.nipProblem("19900812201503100", TODAY)).contains("nip.format");
        assertThat(PersonalNumbers.nipProblem("199013122015031003", TODAY)).contains("nip.birth-date");
        assertThat(PersonalNumbers.nipProblem("201508122015031003", TODAY)).contains("nip.birth-date"); // 11 years old
        assertThat(PersonalNumbers.nipProblem("199008122015131003", TODAY)).contains("nip.appointment"); // month 13
        assertThat(PersonalNumbers.nipProblem("199008122000031003", TODAY)).contains("nip.appointment"); // aged 9
        assertThat(PersonalNumbers.nipProblem("199008122027031003", TODAY)).contains("nip.appointment"); // future
        assertThat(PersonalNumbers.nipProblem("199008122015033003", TODAY)).contains("nip.gender");
        assertThat(PersonalNumbers.nipProblem("199008122015031000", TODAY)).contains("nip.serial");
    }

    @Test
    void nikAndNipMustDescribeTheSamePerson() {
        assertThat(PersonalNumbers.mismatch("6203011208900003", "199008122015031003")).isEqualTo(Optional.empty());
        assertThat(PersonalNumbers.mismatch("6203015208900003", "199008122015032003")).isEmpty();
        assertThat(PersonalNumbers.mismatch("6203011308900003", "199008122015031003")).contains("nip.birth-date-mismatch");
        assertThat(PersonalNumbers.mismatch("6203011208910003", "199008122015031003")).contains("nip.birth-date-mismatch");
        assertThat(PersonalNumbers.mismatch("6203015208900003", "199008122015031003")).contains("nip.gender-mismatch");
    }
}
