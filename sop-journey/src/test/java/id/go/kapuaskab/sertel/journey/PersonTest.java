package id.go.kapuaskab.sertel.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The made-up numbers follow the rules applicant-service checks (its PersonalNumbers), so registrations pass. */
class PersonTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void nikCarriesTheBirthDateWithFortyAddedToTheDayForWomen() {
        LocalDate birth = LocalDate.of(1990, 8, 12);
        assertThat(Person.nik(birth, false, 3)).isEqualTo("6203011208900003");
        assertThat(Person.nik(birth, true, 3)).isEqualTo("6203015208900003");
    }

    @Test
    void nipCarriesBirthAppointmentAndGender() {
        assertThat(Person.nip(LocalDate.of(1990, 8, 12), YearMonth.of(2015, 3), false, 3)).isEqualTo("199008122015031003");
        assertThat(Person.nip(LocalDate.of(1990, 8, 12), YearMonth.of(2015, 3), true, 17)).isEqualTo("199008122015032017");
    }

    @RepeatedTest(200)
    void freshPeopleHavePlausibleConsistentNumbers() {
        Random random = new Random();
        boolean female = random.nextBoolean();
        Person p = Person.fresh(random, "Rina Marlina", female, "bkpsdm-x.kapuaskab.go.id", TODAY);

        assertThat(p.nik()).matches("6203[0-9]{12}").doesNotEndWith("0000");
        assertThat(p.nip()).matches("[0-9]{18}").doesNotEndWith("000");
        int day = Integer.parseInt(p.nik().substring(6, 8));
        assertThat(day > 40).isEqualTo(female);
        // the NIK has the year's last two digits: the latest such year not after today (00 is 2000, a leap year, not 1900)
        int year = 2000 + Integer.parseInt(p.nik().substring(10, 12));
        LocalDate nikBirth = LocalDate.of(year > TODAY.getYear() ? year - 100 : year, Integer.parseInt(p.nik().substring(8, 10)),
                female ? day - 40 : day);
        assertThat(nikBirth.getYear() % 100).isEqualTo(p.birthDate().getYear() % 100);
        assertThat(nikBirth.withYear(p.birthDate().getYear())).isEqualTo(p.birthDate());
        assertThat(p.nip()).startsWith(p.birthDate().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        assertThat(p.nip().charAt(14)).isEqualTo(female ? '2' : '1');
        YearMonth appointed = YearMonth.of(Integer.parseInt(p.nip().substring(8, 12)), Integer.parseInt(p.nip().substring(12, 14)));
        assertThat(appointed).isBetween(YearMonth.from(p.birthDate().plusYears(15)), YearMonth.from(TODAY));
        assertThat(p.birthDate()).isBetween(TODAY.minusYears(100), TODAY.minusYears(15));
        assertThat(p.email()).isEqualTo("rina.marlina@bkpsdm-x.kapuaskab.go.id");
        assertThat(p.maskedNik()).endsWith(p.nik().substring(12)).startsWith("************");
    }

    @Test
    void eachRunHasItsOwnInstitutionAndPeople() {
        RunData a = RunData.fresh();
        RunData b = RunData.fresh();
        assertThat(a.tag()).isNotEqualTo(b.tag());
        assertThat(a.institutionCode()).matches("[A-Za-z0-9][A-Za-z0-9_-]{1,31}");
        assertThat(a.applicant().email()).endsWith("@" + a.domain());
        assertThat(a.passphrase()).doesNotContain(a.applicant().nik()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(a.password()).hasSizeGreaterThanOrEqualTo(10);
    }
}
