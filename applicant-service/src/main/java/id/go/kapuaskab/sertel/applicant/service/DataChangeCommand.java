package id.go.kapuaskab.sertel.applicant.service;

import java.util.List;
import java.util.Map;

/** What an applicant submits as a data change; documents arrive base64-encoded and are checked here. */
public record DataChangeCommand(int dataVersion, Map<String, String> changes, String reason, List<Upload> documents) {

    public record Upload(String fileName, String contentBase64) {
    }
}
