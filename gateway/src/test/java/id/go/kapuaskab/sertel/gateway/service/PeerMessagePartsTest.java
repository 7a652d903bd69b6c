package id.go.kapuaskab.sertel.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How usage is cut into messages peers accept, and which peer addresses a gateway starts with. */
class PeerMessagePartsTest {

    @Test
    void moreClientsThanOneMessageTakesAreSplitAndNoneIsLost() {
        Map<String, Integer> general = new HashMap<>();
        for (int i = 0; i < 120_000; i++) {
            general.put("sub:" + i, 1 + i % 3);
        }
        Map<RateLimiter.Family, Map<String, Integer>> usage = new EnumMap<>(RateLimiter.Family.class);
        usage.put(RateLimiter.Family.GENERAL, general);
        usage.put(RateLimiter.Family.LOGIN, Map.of("10.0.0.1", 2));

        List<Map<RateLimiter.Family, Map<String, Integer>>> parts = RateLimitPeers.parts(usage);

        assertThat(parts).hasSize(3).allSatisfy(p -> p.values().forEach(c -> assertThat(c.size()).isLessThanOrEqualTo(PeerMessage.MAX_CLIENTS)));
        Map<String, Integer> joined = new HashMap<>();
        parts.forEach(p -> joined.putAll(p.getOrDefault(RateLimiter.Family.GENERAL, Map.of())));
        assertThat(joined).isEqualTo(general);
        assertThat(parts.stream().filter(p -> p.containsKey(RateLimiter.Family.LOGIN))).hasSize(1);
        // each part is a message the receiving side decodes
        for (var p : parts) {
            assertThat(PeerMessage.decode(new PeerMessage("g", "", 1, 0, p).encode())).isPresent();
        }
    }

    @Test
    void nothingToTellIsOneEmptyMessageAHeartbeat() {
        assertThat(RateLimitPeers.parts(new EnumMap<>(RateLimiter.Family.class))).containsExactly(new EnumMap<>(RateLimiter.Family.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dns:gateway-peers:9080", "http://10.0.0.7:9080", "https://gw-1.example:9443/", "http://[fd00::7]:9080"})
    void goodAddresses(String address) {
        RateLimitPeers.checkAddress(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dns:gateway-peers", "dns:gateway-peers:http", "dns:gateway-peers:70000", "gateway-peers:9080",
            "http://10.0.0.7", "http://10.0.0.7:9080/rate-limit", "ftp://10.0.0.7:21", "http://user@10.0.0.7:9080"})
    void addressesThatStopTheStart(String address) {
        assertThatThrownBy(() -> RateLimitPeers.checkAddress(address)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(address);
    }
}
