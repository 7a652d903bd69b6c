package id.go.kapuaskab.sertel.console.rest;

import id.go.kapuaskab.sertel.console.config.ConsoleConfig;
import id.go.kapuaskab.sertel.console.service.Assets;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Static files under {@code /console/assets/<build>/…}: cached for a year and immutable, since another build is
 * another URL. A request for another build's URL is 404 and not cached, so a stale shell cannot mix builds.
 */
@Path("/console/assets")
public class AssetResource {

    private final Assets assets;
    private final ConsoleConfig config;

    AssetResource(Assets assets, ConsoleConfig config) {
        this.assets = assets;
        this.config = config;
    }

    @GET
    @Path("{build}/{file: .+}")
    public Response asset(@PathParam("build") String build, @PathParam("file") String file,
                          @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (!assets.build().equals(build)) {
            return notFound();
        }
        return assets.find(file).map(a -> {
            Response.ResponseBuilder r = a.etag().equals(ifNoneMatch) ? Response.notModified() : Response.ok(a.content(), a.contentType());
            return r.header(HttpHeaders.ETAG, a.etag())
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + config.assetMaxAge().toSeconds() + ", immutable")
                    .build();
        }).orElseGet(AssetResource::notFound);
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).type("text/plain; charset=utf-8").entity("not found\n")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
