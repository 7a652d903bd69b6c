package id.go.kapuaskab.sertel.console.rest;

import id.go.kapuaskab.sertel.console.service.Shell;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The console's addresses, each answered with the same shell; the scripts pick the page from the path. Besides
 * {@code /console/**} these are the addresses our mails link to: the renewal ({@code /pembaruan?serial=}), a request
 * ({@code /permohonan/{id}}), the e-mail confirmation ({@code /konfirmasi-email?token=}) and the password reset
 * ({@code /reset-kata-sandi?token=}). The shell is revalidated on every visit ({@code no-cache}); what it names is
 * cached for long under the build's own URL.
 */
@Path("/")
public class PageResource {

    private final Shell shell;

    PageResource(Shell shell) {
        this.shell = shell;
    }

    @GET
    @Path("console")
    @Produces("text/html")
    public Response home(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return page(language);
    }

    @GET
    @Path("console/{page: .+}")
    @Produces("text/html")
    public Response console(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return page(language);
    }

    @GET
    @Path("{page: pembaruan|permohonan|konfirmasi-email|reset-kata-sandi}")
    @Produces("text/html")
    public Response mailed(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return page(language);
    }

    @GET
    @Path("permohonan/{id: [0-9a-fA-F-]{36}}")
    @Produces("text/html")
    public Response request(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return page(language);
    }

    private Response page(String acceptLanguage) {
        return Response.ok(shell.render(Shell.language(acceptLanguage)), "text/html; charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }
}
