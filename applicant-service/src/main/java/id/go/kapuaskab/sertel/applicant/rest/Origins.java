package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.service.Devices;

/** Where a login comes from: the browser's user agent and the client address the gateway passed on. */
final class Origins {

    private Origins() {
    }

    static Devices.Origin of(String userAgent, String forwardedFor) {
        String address = forwardedFor == null ? null : forwardedFor.split(",")[0].strip();
        return new Devices.Origin(userAgent, address);
    }
}
