package id.go.kapuaskab.sertel.gateway.proxy;

import io.vertx.core.http.HttpClientRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A call to a backend that is never reset once its request is complete. Vert.x HTTP Proxy resets its call to the
 * backend when the client goes away (the client closed, or the answer could not be written). Vert.x 4.5's HTTP/1.1
 * client does not survive a reset of a request it has taken whole: if the exchange has finished, the connection is
 * back in the pool, perhaps serving another client's call, and is closed all the same (eclipse-vertx/vert.x#6294,
 * fixed in Vert.x 5), and a reset racing the request's own write leaves the connection's queue stuck. Either way
 * another client got a 502 or waited for a 504. So once the request has been ended, a reset lets the backend finish
 * instead: its answer is read and dropped, and the connection goes back to the pool whole (an answer that stalls is
 * ended by the client's idle timeout, see {@link ProxyRoutes}). A request whose body is still on its way is reset as
 * before, which closes its connection, as a half-sent request must. One narrow window stays: Vert.x's own request
 * timeout firing just as the answer ends resets the real request, not through here.
 */
final class LateResets implements InvocationHandler {

    private final HttpClientRequest target;
    private volatile boolean ended;

    private LateResets(HttpClientRequest target) {
        this.target = target;
    }

    static HttpClientRequest guard(HttpClientRequest request) {
        return (HttpClientRequest) Proxy.newProxyInstance(HttpClientRequest.class.getClassLoader(),
                new Class<?>[] {HttpClientRequest.class}, new LateResets(request));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("equals") && args != null && args.length == 1 && args[0] == proxy) {
            return true;
        }
        if (name.equals("reset") && ended) {
            target.response().onSuccess(response -> response.handler(null).resume());
            return false;
        }
        if (name.equals("end")) {
            ended = true;
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return result == target ? proxy : result;
    }
}
