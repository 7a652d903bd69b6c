package id.go.kapuaskab.sertel.gateway.service;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What one gateway replica tells the others: who it is, where its management port is, the message's number and time,
 * and how many calls it let through per client and family since it last spoke. JSON, with an HMAC-SHA256 over the exact
 * bytes in a header, so that nothing without the shared key can drain a client's bucket. The body names clients (token
 * subjects and addresses): it stays on the management port, inside the cluster.
 *
 * @param from this process (host name and a per-start id: a restarted replica is a new sender)
 * @param url its management base URL, when it advertises one (empty otherwise)
 * @param seq the sender's running number: a message not newer than the last one taken from it is a replay
 * @param at when it was sent (epoch milliseconds): a stale message is refused
 */
public record PeerMessage(String from, String url, long seq, long at, Map<RateLimiter.Family, Map<String, Integer>> usage) {

    /** At most this many clients per family in one message: a sender splits more into several messages. */
    static final int MAX_CLIENTS = 50_000;

    public Buffer encode() {
        JsonObject json = new JsonObject().put("from", from).put("url", url).put("seq", seq).put("at", at);
        usage.forEach((family, counts) -> {
            JsonObject c = new JsonObject();
            counts.forEach(c::put);
            json.put(family.name().toLowerCase(java.util.Locale.ROOT), c);
        });
        return json.toBuffer();
    }

    /** The message, or empty when it is not one (malformed JSON, missing members, a count that is not a positive int). */
    static Optional<PeerMessage> decode(Buffer body) {
        try {
            JsonObject json = body.toJsonObject();
            if (!(json.getValue("from") instanceof String from) || from.isBlank() || !(json.getValue("at") instanceof Number at)
                    || !(json.getValue("seq") instanceof Number seq)) {
                return Optional.empty();
            }
            Object url = json.getValue("url");
            Map<RateLimiter.Family, Map<String, Integer>> usage = new EnumMap<>(RateLimiter.Family.class);
            for (RateLimiter.Family family : RateLimiter.Family.values()) {
                Object member = json.getValue(family.name().toLowerCase(java.util.Locale.ROOT));
                if (member == null) {
                    continue;
                }
                if (!(member instanceof JsonObject counts) || counts.size() > MAX_CLIENTS) {
                    return Optional.empty();
                }
                Map<String, Integer> out = new HashMap<>();
                for (Map.Entry<String, Object> e : counts) {
                    if (!(e.getValue() instanceof Integer n) || n <= 0) {
                        return Optional.empty();
                    }
                    out.put(e.getKey(), n);
                }
                usage.put(family, out);
            }
            return Optional.of(new PeerMessage(from, url instanceof String u ? u : "", seq.longValue(), at.longValue(), usage));
        } catch (DecodeException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** The signature of these exact bytes under the shared key (base64url, no padding). */
    static String sign(byte[] key, Buffer body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Compared in constant time. */
    static boolean verify(byte[] key, Buffer body, String signature) {
        return signature != null && MessageDigest.isEqual(sign(key, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
