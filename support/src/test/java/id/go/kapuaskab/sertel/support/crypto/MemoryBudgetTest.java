package id.go.kapuaskab.sertel.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A burst of memory-hard work runs within the budget: never more at once than fits, and all of it in the end. */
class MemoryBudgetTest {

    @Test
    void aBurstRunsNoMoreAtOnceThanTheBudgetHoldsAndAllOfItRuns() throws Exception {
        MemoryBudget budget = new MemoryBudget(100);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> done = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                int n = i;
                done.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return budget.admit(40, () -> {
                        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                        sleep(20);
                        running.decrementAndGet();
                        return n;
                    });
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        // 40 KiB and its overhead (42) twice fit in 100, three times do not
        assertThat(peak.get()).isBetween(1, 2);
        assertThat(done).extracting(CompletableFuture::join).hasSize(24).doesNotHaveDuplicates();
    }

    @Test
    void workLargerThanTheWholeBudgetRunsAlone() {
        MemoryBudget budget = new MemoryBudget(100);
        assertThat(budget.admit(1_000, () -> "ran")).isEqualTo("ran");
        assertThat(budget.admit(40, () -> "the budget is whole again")).isEqualTo("the budget is whole again");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
