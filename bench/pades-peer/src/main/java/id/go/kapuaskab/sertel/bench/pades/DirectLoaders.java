package id.go.kapuaskab.sertel.bench.pades;

import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import java.util.List;

/**
 * DSS's own HTTP loaders (Apache HttpClient, as DSS ships them), except that an address under the published base (the
 * gateway, which the certificates' OCSP and CRL addresses name) goes to certificate-service directly: signing-service
 * asks the CA directly too, so neither side's figure includes the gateway.
 */
final class DirectLoaders {

    private final String published;
    private final String direct;

    DirectLoaders(String published, String direct) {
        this.published = published.endsWith("/") ? published.substring(0, published.length() - 1) : published;
        this.direct = direct.endsWith("/") ? direct.substring(0, direct.length() - 1) : direct;
    }

    String rewrite(String url) {
        return url != null && url.startsWith(published + "/") ? direct + url.substring(published.length()) : url;
    }

    /** For OnlineOCSPSource: POSTs {@code application/ocsp-request}. */
    DataLoader ocsp() {
        return new OCSPDataLoader() {
            @Override
            public byte[] post(String url, byte[] content) {
                return super.post(rewrite(url), content);
            }

            @Override
            public byte[] get(String url) {
                return super.get(rewrite(url));
            }
        };
    }

    /** For OnlineCRLSource and the AIA source: GETs. */
    DataLoader plain() {
        return new CommonsDataLoader() {
            @Override
            public byte[] get(String url) {
                return super.get(rewrite(url));
            }

            @Override
            public DataAndUrl get(List<String> urls) {
                return super.get(urls.stream().map(DirectLoaders.this::rewrite).toList());
            }

            @Override
            public byte[] post(String url, byte[] content) {
                return super.post(rewrite(url), content);
            }
        };
    }
}
