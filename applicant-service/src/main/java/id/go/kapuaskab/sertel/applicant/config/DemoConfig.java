package id.go.kapuaskab.sertel.applicant.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo data of the local stack ({@code ./sertel up}). Refused outside the {@code local} profile. */
@ConfigMapping(prefix = "sertel.demo")
public interface DemoConfig {

    /** {@code sertel.demo.enabled} (default false; {@code %local} sets true): seed the demo institution and accounts at start. */
    @WithDefault("false")
    boolean enabled();

    /** {@code sertel.demo.password} (default {@code sertel-demo}): the password of every demo account, local only. */
    @WithDefault("sertel-demo")
    String password();
}
