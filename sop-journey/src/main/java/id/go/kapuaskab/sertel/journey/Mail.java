package id.go.kapuaskab.sertel.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One message as the mail catcher received it over SMTP. */
public record Mail(List<String> from, List<String> to, String subject, String date, String text) {

    static Mail of(JsonNode m) {
        return new Mail(Json.stream(m.get("from")).map(JsonNode::asText).toList(), Json.stream(m.get("to")).map(JsonNode::asText).toList(),
                m.path("subject").asText(""), m.path("date").asText(""),
                m.hasNonNull("text") ? m.get("text").asText() : m.path("html").asText(""));
    }

    public boolean isTo(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return to.stream().map(a -> a.toLowerCase(Locale.ROOT)).anyMatch(a -> a.equals(wanted) || a.endsWith("<" + wanted + ">"));
    }

    public boolean mentions(String text) {
        return subject.contains(text) || this.text.contains(text);
    }

    /** The first group of the first match in the text, if any. */
    public Optional<String> find(Pattern pattern) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(m.groupCount() == 0 ? 0 : 1)) : Optional.empty();
    }
}
