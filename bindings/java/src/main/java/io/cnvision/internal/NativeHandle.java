package io.cnvision.internal;

import java.lang.reflect.Method;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Owns one native object through its {@code long} handle. Not part of the public API.
 *
 * <p>Calls run under a read lock (many threads at once); release runs once under the write
 * lock, so a handle is never freed while in use and never used after it is freed (then
 * {@link IllegalStateException}). A {@code java.lang.ref.Cleaner} safety net releases the
 * handle when the owner becomes unreachable without {@code close()}; it is found
 * reflectively (Java 9+, Android API 33+), so older runtimes load this class fine and rely
 * on explicit close only.
 */
public final class NativeHandle implements Runnable {
    /** Frees a native handle. */
    public interface Releaser {
        void release(long handle);
    }

    /** Work done with a live handle. */
    public interface User<T> {
        T apply(long handle);
    }

    private static final Object CLEANER = createCleaner();
    private static final Method REGISTER = cleanerMethod("register", Object.class, Runnable.class);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Releaser releaser;
    private final String what;
    private long handle;
    private Object cleanable;

    private NativeHandle(long handle, Releaser releaser, String what) {
        this.handle = handle;
        this.releaser = releaser;
        this.what = what;
    }

    /**
     * Takes ownership of {@code handle} for {@code owner}; {@code what} names the object in
     * the use-after-close message. The releaser must not reference {@code owner}.
     */
    public static NativeHandle adopt(Object owner, long handle, Releaser releaser, String what) {
        NativeHandle h = new NativeHandle(handle, releaser, what);
        if (CLEANER != null && REGISTER != null) {
            try {
                h.cleanable = REGISTER.invoke(CLEANER, owner, h);
            } catch (ReflectiveOperationException e) {
                h.cleanable = null; // no safety net; explicit close still works
            }
        }
        return h;
    }

    /** Whether a Cleaner safety net is available on this runtime. */
    public static boolean hasCleaner() {
        return CLEANER != null && REGISTER != null;
    }

    /** Runs {@code user} with the live handle; {@link IllegalStateException} once closed. */
    public <T> T use(User<T> user) {
        lock.readLock().lock();
        try {
            if (handle == 0) {
                throw new IllegalStateException(what + " is closed");
            }
            return user.apply(handle);
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean isClosed() {
        lock.readLock().lock();
        try {
            return handle == 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Releases the handle now (idempotent), deregistering the safety net. */
    public void close() {
        Object c = cleanable;
        if (c != null) {
            try {
                c.getClass().getMethod("clean").invoke(c); // runs run() at most once
                return;
            } catch (ReflectiveOperationException e) {
                // fall through to a direct release
            }
        }
        run();
    }

    /** The release action (also what the Cleaner runs). Waits for calls in flight. */
    @Override
    public void run() {
        lock.writeLock().lock();
        try {
            if (handle != 0) {
                long h = handle;
                handle = 0;
                releaser.release(h);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static Object createCleaner() {
        try {
            Class<?> c = Class.forName("java.lang.ref.Cleaner");
            return c.getMethod("create").invoke(null);
        } catch (ReflectiveOperationException e) {
            return null;
        } catch (LinkageError e) {
            return null;
        }
    }

    private static Method cleanerMethod(String name, Class<?>... params) {
        if (CLEANER == null) {
            return null;
        }
        try {
            Method m = Class.forName("java.lang.ref.Cleaner").getMethod(name, params);
            return m;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
