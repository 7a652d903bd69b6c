package id.go.kapuaskab.sertel.signing.service;

import id.go.kapuaskab.sertel.support.problem.DomainException;

/**
 * Where and what a visible signature shows, in PDF points from the page's lower-left corner (page numbers from 1):
 * a text (the signer's name and time when none is given) and, optionally, a QR code of the verification URL.
 */
public record VisibleSignature(int page, float x, float y, float width, float height, String text, boolean qr) {

    /** Checks the box against the document: a page it has, a box of sensible size (at least 20 points each way). */
    public void check(int pages) {
        if (page < 1 || page > pages) {
            throw DomainException.invalidField("visible.page", "out-of-range");
        }
        if (width < 20 || height < 20 || width > 2000 || height > 2000 || x < 0 || y < 0) {
            throw DomainException.invalidField("visible", "out-of-range");
        }
        if (text != null && text.length() > 500) {
            throw DomainException.invalidField("visible.text", "too-long");
        }
    }
}
