package id.go.kapuaskab.sertel.certificate.rest;

import id.go.kapuaskab.sertel.certificate.domain.IssueCommand;
import id.go.kapuaskab.sertel.certificate.domain.SubjectSnapshot;

/** From the JSON body of the issue call to the service's command. */
final class IssueRequests {

    private IssueRequests() {
    }

    static IssueCommand command(Dtos.IssueRequest body) {
        Dtos.Subject s = body.subject();
        return new IssueCommand(body.requestId(), body.holderId(), body.profile(),
                new SubjectSnapshot(s.commonName(), s.email(), s.nik(), s.institutionId(), s.organization(), s.organizationalUnit()),
                body.csr(), body.keyGeneration() == null ? null
                        : new IssueCommand.KeyGeneration(body.keyGeneration().passphrase(), body.keyGeneration().keyType()),
                body.predecessorSerial() == null ? null : body.predecessorSerial().toLowerCase(java.util.Locale.ROOT));
    }
}
