package id.go.kapuaskab.sertel.applicant.domain;

import java.util.UUID;

/** Who is acting: a person's account id and role as the verified token says. Services decide scope from the database. */
public record Actor(UUID id, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isVerifier() {
        return role == Role.VERIFIER;
    }

    public boolean isApplicant() {
        return role == Role.APPLICANT;
    }
}
