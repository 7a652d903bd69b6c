package id.go.kapuaskab.sertel.renewal.domain;

/** What the institution said in SOP step 7b; only CONFIRMED allows approval. */
public enum ContactOutcome {
    CONFIRMED,
    NOT_CONFIRMED,
    UNREACHABLE
}
