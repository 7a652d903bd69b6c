package id.go.kapuaskab.sertel.applicant.domain;

/** The mails about accounts; notification-service renders each in the recipient's language (its templates of the same name). */
public enum MessageTemplate {
    EMAIL_VERIFICATION,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    MFA_ENABLED,
    MFA_DISABLED,
    NEW_DEVICE,
    ACCOUNT_DEACTIVATED
}
