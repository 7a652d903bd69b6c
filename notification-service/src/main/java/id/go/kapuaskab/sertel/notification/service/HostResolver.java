package id.go.kapuaskab.sertel.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Name resolution for webhook targets, in one place: the target check resolves a host and the sender connects to
 * exactly the address that was checked, so a name that resolves elsewhere a moment later (DNS rebinding) is never
 * followed. IP literals are not looked up.
 */
@ApplicationScoped
public class HostResolver {

    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
