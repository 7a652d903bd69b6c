package id.go.kapuaskab.sertel.console;

import id.go.kapuaskab.sertel.testsupport.Layers;
import org.junit.jupiter.api.Test;

/** The layers of STYLE.md hold in this service (rules in test-support's {@link Layers}). */
class ArchitectureTest {

    @Test
    void layersDependOnlyDownwards() {
        Layers.check("id.go.kapuaskab.sertel.console");
    }
}
