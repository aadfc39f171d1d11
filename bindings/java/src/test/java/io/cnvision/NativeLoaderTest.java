package io.cnvision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnvision.internal.NativeLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NativeLoaderTest {
    @Test
    void resourcePathNamesPlatformAndLibrary() {
        String path = NativeLoader.resourcePath();
        assertTrue(path.startsWith("/native/" + NativeLoader.platform() + "/"), path);
        assertTrue(path.endsWith(System.mapLibraryName("cnvision_jni")), path);
        assertTrue(NativeLoader.platform().matches("[a-z0-9]+-[a-z0-9_]+"), NativeLoader.platform());
    }

    @Test
    void theBuildPutTheHostLibraryIntoTheJarResources() {
        assertTrue(NativeLoader.class.getResource(NativeLoader.resourcePath()) != null,
                "missing resource " + NativeLoader.resourcePath());
    }

    @Test
    void concurrentFirstUseLoadsOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<Future<String>>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(new Callable<String>() {
                    @Override
                    public String call() {
                        NativeLoader.load();
                        return Catalog.coreVersion();
                    }
                }));
            }
            String first = results.get(0).get();
            for (Future<String> f : results) {
                assertEquals(first, f.get());
            }
            assertTrue(first.matches("\\d+\\.\\d+\\.\\d+.*"), first);
        } finally {
            pool.shutdownNow();
        }
    }
}
