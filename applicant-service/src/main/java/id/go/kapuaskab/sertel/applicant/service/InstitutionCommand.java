package id.go.kapuaskab.sertel.applicant.service;

import java.util.List;

/** An institution's settable data; {@code version} is required on update. */
public record InstitutionCommand(String code, String name, List<String> emailDomains, Boolean active, Long version) {
}
