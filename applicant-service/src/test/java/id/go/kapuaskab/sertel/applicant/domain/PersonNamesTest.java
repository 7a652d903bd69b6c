package id.go.kapuaskab.sertel.applicant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PersonNamesTest {

    @Test
    void trimsCollapsesSpacesAndComposesToNfc() {
        String decomposed = "Rene\u0301   Lubis\t ";
        assertThat(PersonNames.normalize("  Budi   Santoso ")).isEqualTo("Budi Santoso");
        assertThat(PersonNames.normalize(decomposed)).isEqualTo("Ren\u00e9 Lubis");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Budi Santoso", "Siti Nur'aini", "M. Rizki Pratama", "M.H. Thamrin", "Anak Agung Gede Oka",
            "Jean-Pierre Sitorus", "Ren\u00e9 Lubis", "Muhammad", "Irawan Dramawan"})
    void acceptsNames(String name) {
        assertThat(PersonNames.problem(PersonNames.normalize(name))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dr. Budi Santoso", "dr. Budi Santoso", "Ir. Budi Santoso", "Prof. Dr. Budi Santoso",
            "Drs. Budi Santoso", "Budi Santoso S.Kom", "Budi Santoso, S.Kom.", "Budi Santoso M.T.", "Budi Santoso S.T., M.T.",
            "Budi Santoso S.H.", "Budi Santoso SE.", "Budi Santoso PhD", "Budi Santoso Ph.D.", "Budi Santoso MSc",
            "Budi Santoso A.Md.Kom", "Budi Santoso S.Tr.Kom", "Budi Santoso Sp.PD", "Budi Santoso M.Pd"})
    void refusesAcademicTitles(String name) {
        assertThat(PersonNames.problem(PersonNames.normalize(name))).contains("name.title");
    }

    @Test
    void refusesDigitsAndSymbolsAndBlank() {
        assertThat(PersonNames.problem("Budi 2")).contains("name.characters");
        assertThat(PersonNames.problem("<script>")).contains("name.characters");
        assertThat(PersonNames.problem(PersonNames.normalize("   "))).contains("name.blank");
    }
}
