package id.go.kapuaskab.sertel.applicant.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The small JSON bodies of the account endpoints. Secrets in them never reach a log ({@code toString} hides them). */
final class AccountRequests {

    private AccountRequests() {
    }

    @Schema(name = "PasswordChange")
    record PasswordChange(@NotBlank @Size(max = 1024) String currentPassword, @NotBlank @Size(max = 1024) String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    @Schema(name = "PasswordResetRequest")
    record ResetRequest(@NotBlank @Size(max = 254) String email) {
    }

    @Schema(name = "PasswordReset")
    record Reset(@NotBlank @Size(max = 128) String token, @NotBlank @Size(max = 1024) String newPassword) {
        @Override
        public String toString() {
            return "Reset[***]";
        }
    }

    @Schema(name = "OtpCode")
    record Code(@NotBlank @Size(max = 16) String code) {
        @Override
        public String toString() {
            return "Code[***]";
        }
    }

    @Schema(name = "AccountChange", description = "Why the admin makes this change (kept in the account's history)")
    record Reason(@NotBlank @Size(max = 500) String reason) {
    }
}
