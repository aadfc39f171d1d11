package io.cnvision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cnvision.internal.NativeHandle;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NativeHandleTest {
    private static NativeHandle.Releaser counting(final AtomicInteger released) {
        return new NativeHandle.Releaser() {
            @Override
            public void release(long h) {
                assertEquals(42L, h);
                released.incrementAndGet();
            }
        };
    }

    @Test
    void closeReleasesOnceAndLaterUseIsIllegalState() {
        AtomicInteger released = new AtomicInteger();
        Object owner = new Object();
        NativeHandle h = NativeHandle.adopt(owner, 42L, counting(released), "Thing");
        assertEquals(Long.valueOf(42L), h.use(new NativeHandle.User<Long>() {
            @Override
            public Long apply(long x) {
                return x;
            }
        }));
        h.close();
        h.close();
        h.run();
        assertEquals(1, released.get());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.use(x -> x));
        assertEquals("Thing is closed", e.getMessage());
    }

    @Test
    void cleanerReleasesAnUnreachableOwner() throws Exception {
        assumeTrue(NativeHandle.hasCleaner(), "Cleaner needs Java 9+");
        AtomicInteger released = new AtomicInteger();
        adoptAndDrop(released);
        for (int i = 0; i < 200 && released.get() == 0; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertEquals(1, released.get(), "the Cleaner released the handle of the unreachable owner");
    }

    private static void adoptAndDrop(AtomicInteger released) {
        NativeHandle.adopt(new Object(), 42L, counting(released), "Dropped");
    }

    @Test
    void closeWaitsForCallsInFlight() throws Exception {
        final AtomicInteger released = new AtomicInteger();
        final NativeHandle h = NativeHandle.adopt(new Object(), 42L, counting(released), "Busy");
        final java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        Thread user = new Thread(() -> h.use(x -> {
            entered.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return x;
        }));
        user.start();
        entered.await();
        Thread closer = new Thread(h::close);
        closer.start();
        while (closer.getState() != Thread.State.WAITING && closer.getState() != Thread.State.TIMED_WAITING) {
            Thread.yield(); // until the closer blocks on the lock held by the call
        }
        assertEquals(0, released.get(), "not released while in use");
        finish.countDown();
        closer.join();
        user.join();
        assertEquals(1, released.get());
    }
}
