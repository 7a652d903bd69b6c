package id.go.kapuaskab.sertel.gateway.proxy;

/** Why a call was not forwarded: its client had closed the connection. Nobody is left to answer; logged at DEBUG only. */
final class ClientLeft extends RuntimeException {

    static final ClientLeft INSTANCE = new ClientLeft();

    private ClientLeft() {
        super("the client closed its connection before the call was forwarded", null, false, false);
    }
}
