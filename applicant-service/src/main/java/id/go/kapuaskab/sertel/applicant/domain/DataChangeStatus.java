package id.go.kapuaskab.sertel.applicant.domain;

/** A data change is open while SUBMITTED; the other states are terminal. */
public enum DataChangeStatus {
    SUBMITTED,
    APPROVED,
    REJECTED,
    CANCELLED
}
