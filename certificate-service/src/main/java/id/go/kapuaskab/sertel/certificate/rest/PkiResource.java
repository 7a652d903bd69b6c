package id.go.kapuaskab.sertel.certificate.rest;

import id.go.kapuaskab.sertel.certificate.service.CaRegistry;
import id.go.kapuaskab.sertel.certificate.service.CertificateAuthority;
import id.go.kapuaskab.sertel.certificate.service.CrlService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public face of the CA: its certificates and CRLs, at the URLs written into every certificate. */
@Path("/pki")
@PermitAll
@Tag(name = "public PKI", description = "CA certificates, CRLs and OCSP; no authentication")
public class PkiResource {

    private static final String PKCS7 = "application/pkcs7-mime";

    private final CaRegistry cas;
    private final CrlService crls;

    PkiResource(CaRegistry cas, CrlService crls) {
        this.cas = cas;
        this.crls = crls;
    }

    @GET
    @Path("/ca/chain.pem")
    @Produces(Pem.CHAIN)
    @Operation(summary = "The CA chain in PEM: the issuing CA, then the root")
    @APIResponse(responseCode = "200", description = "PEM certificates")
    public Response chainPem() {
        return cached(Pem.certificates(cas.issuing().chain()), Pem.CHAIN);
    }

    @GET
    @Path("/ca/chain.p7c")
    @Produces(PKCS7)
    @Operation(summary = "The CA chain in DER, as a certs-only PKCS#7 (RFC 5280 §4.2.2.1)")
    @APIResponse(responseCode = "200", description = "DER certs-only CMS SignedData")
    public Response chainDer() {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new JcaCertStore(cas.issuing().chain()));
            return cached(generator.generate(new CMSProcessableByteArray(new byte[0])).getEncoded(), PKCS7 + "; smime-type=certs-only");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CMSException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("/ca/{caName: [A-Za-z0-9_-]+}.cer")
    @Produces(Pem.DER)
    @Operation(summary = "One CA certificate in DER (the AIA caIssuers URL)")
    @APIResponse(responseCode = "200", description = "DER certificate")
    @APIResponse(responseCode = "404", description = "ca.unknown")
    public Response caDer(@PathParam("caName") String caName) {
        return cached(Pem.der(cas.require(caName).certificate()), Pem.DER);
    }

    @GET
    @Path("/ca/{caName: [A-Za-z0-9_-]+}.pem")
    @Produces(Pem.PEM_FILE)
    @Operation(summary = "One CA certificate in PEM")
    @APIResponse(responseCode = "200", description = "PEM certificate")
    @APIResponse(responseCode = "404", description = "ca.unknown")
    public Response caPem(@PathParam("caName") String caName) {
        CertificateAuthority ca = cas.require(caName);
        return cached(Pem.certificate(Pem.der(ca.certificate())), Pem.PEM_FILE);
    }

    @GET
    @Path("/crl/{caName: [A-Za-z0-9_-]+}.crl")
    @Produces(Pem.CRL)
    @Operation(summary = "The current full CRL of a CA (the CRL distribution point URL)")
    @APIResponse(responseCode = "200", description = "DER CRL")
    @APIResponse(responseCode = "404", description = "ca.unknown")
    public Response crl(@PathParam("caName") String caName) {
        return Response.ok(crls.current(caName), Pem.CRL).header("Cache-Control", "public, max-age=60").build();
    }

    private static Response cached(Object body, String type) {
        return Response.ok(body, type).header("Cache-Control", "public, max-age=3600").build();
    }
}
