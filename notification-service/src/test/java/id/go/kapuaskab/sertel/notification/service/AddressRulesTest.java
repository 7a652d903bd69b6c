package id.go.kapuaskab.sertel.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "10.0.0.1", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.8.9.10", "169.254.169.254",
            "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.168.0.1", "198.18.0.1", "224.0.0.1", "239.255.255.250", "240.0.0.1",
            "255.255.255.255", "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1", "::ffff:10.0.0.1",
            "::ffff:127.0.0.1", "::127.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1", "2002:7f00:1::"})
    void refusesAddressesThatAreNotPublicUnicast(String address) {
        assertThat(AddressRules.isPublic(AddressRules.literal(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1", "192.0.1.1",
            "198.17.255.255", "198.20.0.1", "223.255.255.254", "2001:4860:4860::8888", "2606:4700:4700::1111", "::ffff:93.184.216.34",
            "64:ff9b::5db8:d822", "2002:5db8:d822::1"})
    void acceptsPublicUnicastAddresses(String address) {
        assertThat(AddressRules.isPublic(AddressRules.literal(address))).as(address).isTrue();
    }
}
