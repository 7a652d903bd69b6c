package id.go.kapuaskab.sertel.applicant.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoDataGuardTest {

    @Test
    void refusesToSeedOutsideTheLocalProfile() {
        assertThatThrownBy(() -> DemoData.requireLocal(List.of("prod"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("local");
        assertThatThrownBy(() -> DemoData.requireLocal(List.of("test"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DemoData.requireLocal(List.of("local", "prod"))).isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> DemoData.requireLocal(List.of("local"))).doesNotThrowAnyException();
    }
}
