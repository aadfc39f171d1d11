package io.cnvision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnvision.json.JsonValue;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The client against the in-process emulator: every operation, errors, threads, close. */
class ClientEmulatorTest {
    private static final Set<String> MEDIA_KINDS = new HashSet<String>(Arrays.asList("image", "video",
            "image_list", "image_sequence", "url_or_data_uri_list", "url_or_data_uri_pairs"));
    private static final Set<String> LIST_KINDS = new HashSet<String>(Arrays.asList("image_list",
            "image_sequence", "url_or_data_uri_list", "url_or_data_uri_pairs"));

    private static Emulator emu;
    private static CnvisionClient client;

    @BeforeAll
    static void start() {
        emu = Emulator.start();
        client = unlimited(emu.clientBuilder()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        emu.close();
    }

    /** Documented QPS limits off, so the tests never wait on the local limiter. */
    private static CnvisionClient.Builder unlimited(CnvisionClient.Builder b) {
        for (String g : new String[] {"safety", "face", "video_liveness", "huawei", "ctyun2019"}) {
            b.rateLimit(g, 0);
        }
        return b;
    }

    private static Method typedMethod(String opId) {
        for (Method m : CnvisionClient.class.getMethods()) {
            OperationId id = m.getAnnotation(OperationId.class);
            if (id != null && id.value().equals(opId)) {
                return m;
            }
        }
        throw new AssertionError("no typed method for " + opId);
    }

    /** Calls {@code op} through its typed method with the sample inputs. */
    private static CallResult callTyped(CnvisionClient c, JsonValue op, CallOptions options) throws Throwable {
        Samples s = Samples.forOperation(op, emu.info());
        List<Object> args = new ArrayList<Object>();
        for (JsonValue f : op.get("fields").items()) {
            String type = f.get("kind").get("type").asString();
            if (!MEDIA_KINDS.contains(type)) {
                continue;
            }
            List<Media> items = new ArrayList<Media>();
            for (MediaInput in : s.media) {
                if (in.field().equals(f.get("name").asString())) {
                    items.add(in.media());
                }
            }
            if (LIST_KINDS.contains(type)) {
                args.add(items.isEmpty() ? null : items);
            } else {
                args.add(items.isEmpty() ? null : items.get(0));
            }
        }
        args.add(s.params);
        args.add(options);
        try {
            return (CallResult) typedMethod(op.get("id").asString()).invoke(c, args.toArray());
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static int expectedStatus(String opId) {
        return opId.equals("huawei.iam.token") ? 201 : 200;
    }

    @TestFactory
    Stream<DynamicTest> everyOperationThroughItsTypedMethod() {
        List<DynamicTest> tests = new ArrayList<DynamicTest>();
        for (final JsonValue op : Catalog.operations().items()) {
            final String id = op.get("id").asString();
            tests.add(DynamicTest.dynamicTest(id, () -> {
                long before = emu.count(id);
                CallResult r;
                try {
                    r = callTyped(client, op, CallOptions.DEFAULT);
                } catch (Throwable t) {
                    throw new AssertionError(id + ": " + t, t);
                }
                assertEquals(id, r.operation());
                assertEquals(expectedStatus(id), r.httpStatus(), id);
                assertEquals(before + 1, emu.count(id), id + ": exactly one request reached the emulator");
                assertFalse(r.body().isNull(), id);
                assertEquals(op.get("binary_results").size(), r.binaries().size(), id + ": binary results");
                for (byte[] b : r.binaries().values()) {
                    assertTrue(b.length > 8, id + ": decoded image");
                }
                if (id.equals("huawei.iam.token")) {
                    assertNotNull(r.subjectToken());
                    assertFalse(r.toString().contains(r.subjectToken()));
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyEnvelopeOperationEncrypted() {
        List<DynamicTest> tests = new ArrayList<DynamicTest>();
        for (final JsonValue op : Catalog.operations().items()) {
            if (!op.get("envelope").asBoolean()) {
                continue;
            }
            final String id = op.get("id").asString();
            tests.add(DynamicTest.dynamicTest(id, () -> {
                CallResult r;
                try {
                    r = callTyped(client, op, CallOptions.encrypted().withRequestId("java-enc-" + id));
                } catch (Throwable t) {
                    throw new AssertionError(id + ": " + t, t);
                }
                assertEquals(200, r.httpStatus(), id);
                assertFalse(r.body().has("encryptedResult"), id + ": the answer was opened");
                assertFalse(r.result().isNull(), id);
            }));
        }
        assertFalse(tests.isEmpty(), "the catalog has envelope operations");
        return tests.stream();
    }

    @Test
    void genericCallWithJsonTextAndPathMedia() throws Exception {
        Path file = Files.createTempFile("cnvision-java", ".jpg");
        try {
            Files.write(file, Samples.JPEG);
            CallResult r = client.call("huawei.image.tagging_v2", "{\"limit\": 5}", MediaInput.of("image", file));
            assertEquals(200, r.httpStatus());
            CallResult r2 = client.huaweiImageTaggingV2(Media.of(new File(file.toString())), null);
            assertEquals(r.body().keys(), r2.body().keys());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void localValidationFailsBeforeSending() {
        long before = emu.total();
        CnvisionException e = assertThrows(CnvisionException.class,
                () -> client.ctyunSafetyHatDetect(Media.of(new byte[] {1, 2, 3}), null));
        assertEquals(ErrorCode.INVALID_INPUT, e.getCode());
        CnvisionException missing = assertThrows(CnvisionException.class,
                () -> client.call("ctyun.safety.hat_detect", null));
        assertEquals(ErrorCode.INVALID_INPUT, missing.getCode());
        CnvisionException unknown = assertThrows(CnvisionException.class,
                () -> client.call("no.such.operation", null));
        assertEquals(ErrorCode.INVALID_INPUT, unknown.getCode());
        assertThrows(CnvisionException.class, () -> client.validate("ctyun.face.real_name_auth",
                JsonValue.object().put("idNum", "110105194912310021").put("fullName", "张三"),
                Collections.singletonList(MediaInput.of("portrait", Samples.JPEG))));
        assertEquals(before, emu.total(), "nothing was sent");
    }

    @Test
    void providerErrorsCarryCodeStatusAndRequestId() {
        emu.injectFault("huawei.image.tagging_v2", "throttle", 1);
        CnvisionException t = assertThrows(CnvisionException.class,
                () -> client.huaweiImageTaggingV2(Media.of(Samples.JPEG), null));
        assertEquals(ErrorCode.RATE_LIMITED, t.getCode());
        assertTrue(t.getHttpStatus() >= 400, "HTTP status " + t.getHttpStatus());
        assertNotNull(t.getProviderCode());

        try (CnvisionClient wrong = unlimited(emu.clientBuilder()).ctyunEop("wrong-ak", "wrong-sk",
                emu.info().get("eop_app_key").asString()).build()) {
            CnvisionException a = assertThrows(CnvisionException.class,
                    () -> wrong.ctyunSafetyHatDetect(Media.of(Samples.JPEG), null,
                            CallOptions.DEFAULT.withRequestId("java-req-1")));
            assertEquals(ErrorCode.AUTHENTICATION, a.getCode());
            assertNotNull(a.getProviderCode());
            assertEquals("java-req-1", a.getRequestId());
            assertFalse(a.toString().contains("wrong-sk"));
        }
    }

    @Test
    void configurationErrorsAtBuildTime() {
        CnvisionException e = assertThrows(CnvisionException.class,
                () -> CnvisionClient.builder().endpoint(Gateway.CTYUN_EOP, "ftp://nowhere").build());
        assertEquals(ErrorCode.CONFIGURATION, e.getCode());
        CnvisionException key = assertThrows(CnvisionException.class,
                () -> CnvisionClient.builder().envelopePublicKey("garbage").build());
        assertEquals(ErrorCode.CONFIGURATION, key.getCode());
        try (CnvisionClient none = CnvisionClient.builder().endpoint(Gateway.CTYUN_EOP, emu.baseUrl()).build()) {
            CnvisionException c = assertThrows(CnvisionException.class,
                    () -> none.ctyunSafetyHatDetect(Media.of(Samples.JPEG), null));
            assertEquals(ErrorCode.CONFIGURATION, c.getCode());
        }
    }

    @Test
    void eightThreadsShareOneClient() throws Exception {
        final String op = "huawei.image.tagging_v2";
        long before = emu.count(op);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<Future<Integer>>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(new Callable<Integer>() {
                    @Override
                    public Integer call() {
                        int ok = 0;
                        for (int i = 0; i < 5; i++) {
                            CallResult r = client.huaweiImageTaggingV2(Media.of(Samples.JPEG), null);
                            ok += r.httpStatus() == 200 ? 1 : 0;
                        }
                        return ok;
                    }
                }));
            }
            int ok = 0;
            for (Future<Integer> f : results) {
                ok += f.get();
            }
            assertEquals(40, ok);
            assertEquals(before + 40, emu.count(op));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeIsIdempotentWaitsForCallsInFlightAndRefusesLaterUse() throws Exception {
        final CnvisionClient c = unlimited(emu.clientBuilder()).build();
        final String op = "huawei.image.main_object_detection";
        emu.injectFault(JsonValue.object().put("op", op).put("kind", "delay").put("ms", 500));
        long before = emu.count(op);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<CallResult> inFlight = pool.submit(new Callable<CallResult>() {
                @Override
                public CallResult call() {
                    return c.huaweiImageMainObjectDetection(Media.of(Samples.JPEG), null);
                }
            });
            while (emu.count(op) == before) {
                Thread.sleep(5); // the request reached the emulator: the call holds the client
            }
            c.close(); // blocks until the call in flight releases the client
            assertEquals(200, inFlight.get().httpStatus(), "the call in flight completed normally");
        } finally {
            pool.shutdownNow();
        }
        c.close();
        assertTrue(c.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> c.huaweiImageMainObjectDetection(Media.of(Samples.JPEG), null));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> c.call("huawei.image.tagging_v2", null));
    }

    @Test
    void binaryResultsAreDecoded() throws Throwable {
        for (JsonValue op : Catalog.operations().items()) {
            if (op.get("binary_results").size() == 0) {
                continue;
            }
            CallResult r = callTyped(client, op, null);
            for (Map.Entry<String, byte[]> b : r.binaries().entrySet()) {
                assertTrue(b.getKey().startsWith("/"), b.getKey());
                assertTrue(b.getValue().length > 8);
            }
        }
    }
}
