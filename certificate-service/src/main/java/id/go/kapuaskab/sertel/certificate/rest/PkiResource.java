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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

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
    @Operation(summary = "The CA chain in PEM: the issuing CA, then the root", description = """
            What a relying party installs to trust our certificates: the issuing CA's certificate followed by the root's, \
            e.g. for `openssl verify -CAfile chain.pem`. Public, no token; cacheable for an hour.""")
    @APIResponse(responseCode = "200", description = "PEM certificates",
            content = @Content(mediaType = Pem.CHAIN, examples = @ExampleObject(name = "chain", value = OpenApiExamples.CHAIN)))
    public Response chainPem() {
        return cached(Pem.certificates(cas.issuing().chain()), Pem.CHAIN);
    }

    @GET
    @Path("/ca/chain.p7c")
    @Produces(PKCS7)
    @Operation(summary = "The CA chain in DER, as a certs-only PKCS#7 (RFC 5280 §4.2.2.1)", description = """
            The same chain as chain.pem for clients that import PKCS#7 bundles (Windows, Java keytool): a CMS SignedData \
            with no content and no signers, only the certificates. Public, no token; cacheable for an hour.""")
    @APIResponse(responseCode = "200", description = "DER certs-only CMS SignedData",
            content = @Content(mediaType = PKCS7, examples = @ExampleObject(name = "p7c", value = OpenApiExamples.P7C)))
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
    @Operation(summary = "One CA certificate in DER (the AIA caIssuers URL)", description = """
            The URL written into the Authority Information Access (caIssuers) of every certificate the CA issues, so a \
            client can fetch the missing issuer while building a path. `caName` is the root's or the issuing CA's name.""")
    @APIResponse(responseCode = "200", description = "DER certificate",
            content = @Content(mediaType = Pem.DER, examples = @ExampleObject(name = "der", value = OpenApiExamples.DER)))
    @APIResponse(responseCode = "404", description = "ca.unknown")
    public Response caDer(@Parameter(description = "The CA's name", example = OpenApiExamples.CA_NAME) @PathParam("caName") String caName) {
        return cached(Pem.der(cas.require(caName).certificate()), Pem.DER);
    }

    @GET
    @Path("/ca/{caName: [A-Za-z0-9_-]+}.pem")
    @Produces(Pem.PEM_FILE)
    @Operation(summary = "One CA certificate in PEM", description = """
            The CA certificate of that name as PEM, for installing a single trust anchor (the root) or an intermediate. \
            Public, no token; cacheable for an hour.""")
    @APIResponse(responseCode = "200", description = "PEM certificate",
            content = @Content(mediaType = Pem.PEM_FILE, examples = @ExampleObject(name = "pem", value = OpenApiExamples.PEM)))
    @APIResponse(responseCode = "404", description = "ca.unknown")
    public Response caPem(@Parameter(description = "The CA's name", example = OpenApiExamples.CA_NAME) @PathParam("caName") String caName) {
        CertificateAuthority ca = cas.require(caName);
        return cached(Pem.certificate(Pem.der(ca.certificate())), Pem.PEM_FILE);
    }

    @GET
    @Path("/crl/{caName: [A-Za-z0-9_-]+}.crl")
    @Produces(Pem.CRL)
    @Operation(summary = "The current full CRL of a CA (the CRL distribution point URL)", description = """
            The URL written into the CRL Distribution Points of every certificate: a full CRL (RFC 5280 §5) signed by the \
            CA, re-issued at once on every revocation, suspension or resumption and otherwise before its nextUpdate. \
            Suspended certificates are listed with reason certificateHold. Cacheable for a minute; check with \
            `openssl crl -inform DER -in x.crl -CAfile chain.pem`.""")
    @APIResponse(responseCode = "200", description = "DER CRL",
            content = @Content(mediaType = Pem.CRL, examples = @ExampleObject(name = "crl", value = OpenApiExamples.CRL)))
    @APIResponse(responseCode = "404", description = "ca.unknown")
    public Response crl(@Parameter(description = "The CA's name", example = OpenApiExamples.CA_NAME) @PathParam("caName") String caName) {
        return Response.ok(crls.current(caName), Pem.CRL).header("Cache-Control", "public, max-age=60").build();
    }

    private static Response cached(Object body, String type) {
        return Response.ok(body, type).header("Cache-Control", "public, max-age=3600").build();
    }
}
