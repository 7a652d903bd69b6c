package id.go.kapuaskab.sertel.bench;

/**
 * One line of RESULTS.md: our figure, the peer's (if the scenario has one), the ratio, the target and
 * whether it is met. {@code higherIsBetter} decides the direction of the ratio.
 */
public record Row(String scenario, String variant, Figure ours, String peerName, Figure peer, boolean higherIsBetter,
                  String target, Boolean met, String note) {

    public String ratio() {
        if (peer == null || peer.median() == 0 || ours.median() == 0) {
            return "—";
        }
        double r = higherIsBetter ? ours.median() / peer.median() : peer.median() / ours.median();
        return Figure.format(r) + "×";
    }
}
