package id.go.kapuaskab.sertel.support.crypto;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Work that needs much heap at once — a memory-hard key derivation (Argon2id takes its whole memory cost, 19 MiB by
 * default, as one allocation per call) — admitted within one budget per JVM, so that a burst of logins or signatures
 * waits its turn instead of exhausting the heap (with {@code -XX:+ExitOnOutOfMemoryError} the service would end, and
 * every caller with it). The budget is a third of the maximum heap unless {@code sertel.memory-hard.budget-kib} (a
 * system property) says otherwise; work is admitted in arrival order (a fair semaphore), and a piece larger than the
 * whole budget runs alone.
 */
public final class MemoryBudget {

    private static final MemoryBudget JVM = new MemoryBudget(Integer.getInteger("sertel.memory-hard.budget-kib",
            (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 3 / 1024)));

    private final int totalKib;
    private final Semaphore kib;

    MemoryBudget(int totalKib) {
        this.totalKib = Math.max(1, totalKib);
        this.kib = new Semaphore(this.totalKib, true);
    }

    /** Runs {@code work}, which needs {@code memoryKib} of heap, once the JVM's budget has room for it. */
    public static <T> T run(int memoryKib, Supplier<T> work) {
        return JVM.admit(memoryKib, work);
    }

    <T> T admit(int memoryKib, Supplier<T> work) {
        // the allocation itself, plus about 6 % for the objects around it (BouncyCastle keeps one object per KiB block)
        int need = (int) Math.max(1, Math.min((long) memoryKib + memoryKib / 16, totalKib));
        kib.acquireUninterruptibly(need);
        try {
            return work.get();
        } finally {
            kib.release(need);
        }
    }
}
