package id.go.kapuaskab.sertel.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layers of STYLE.md, as rules every service's {@code ArchitectureTest} checks on its own classes:
 * {@code rest} maps HTTP and never reaches past {@code service} (no {@code repository}, no {@code client});
 * {@code service} never knows HTTP resources; {@code domain} depends on no other layer; {@code repository} and
 * {@code client} know neither {@code rest} nor {@code service}.
 */
public final class Layers {

    private Layers() {
    }

    /** Checks every rule on the production classes under {@code basePackage}; fails with each violation named. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        for (ArchRule rule : rules(basePackage)) {
            rule.check(classes);
        }
    }

    static List<ArchRule> rules(String base) {
        String rest = base + ".rest..";
        String service = base + ".service..";
        String domain = base + ".domain..";
        String repository = base + ".repository..";
        String client = base + ".client..";
        return List.of(
                noClasses().that().resideInAPackage(rest).should().dependOnClassesThat().resideInAnyPackage(repository, client)
                        .because("rest maps HTTP to service calls; data access and peers are the service layer's business"),
                noClasses().that().resideInAPackage(service).should().dependOnClassesThat().resideInAPackage(rest)
                        .because("the service layer knows no HTTP resources"),
                noClasses().that().resideInAPackage(domain).should().dependOnClassesThat()
                        .resideInAnyPackage(rest, service, repository, client)
                        .because("the domain depends on no other layer"),
                noClasses().that().resideInAnyPackage(repository, client).should().dependOnClassesThat().resideInAnyPackage(rest, service)
                        .because("repositories and clients are used by services, never the other way round"));
    }
}
