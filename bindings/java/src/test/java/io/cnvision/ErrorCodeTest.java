package io.cnvision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnvision.auth.EopSigner;
import io.cnvision.auth.SignableRequest;
import io.cnvision.internal.NativeBridge;
import io.cnvision.json.Json;
import io.cnvision.json.JsonValue;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {
    @Test
    void enumMatchesTheCoreList() {
        JsonValue kinds = Json.parse(NativeBridge.errorKindsJson());
        assertEquals(ErrorCode.values().length, kinds.size(), "number of kinds");
        for (int i = 0; i < kinds.size(); i++) {
            JsonValue k = kinds.get(i);
            ErrorCode c = ErrorCode.values()[i];
            assertEquals(k.get("code").asInt(), c.code(), c + " number");
            assertEquals(k.get("name").asString(), c.kindName(), c + " name");
            assertEquals(k.get("name").asString().toUpperCase(java.util.Locale.ROOT), c.name(), "constant name");
            assertEquals(c, ErrorCode.fromCode(c.code()));
        }
        assertNull(ErrorCode.fromCode(0));
    }

    @Test
    void rustPanicBecomesAnInternalException() {
        CnvisionException e = assertThrows(CnvisionException.class, () -> NativeBridge.panicForTest("boom"));
        assertEquals(ErrorCode.INTERNAL, e.getCode());
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
        assertEquals(-1, e.getHttpStatus());
        // The JVM and the library are still usable afterwards.
        assertTrue(Catalog.operationIds().size() > 0);
        assertThrows(CnvisionException.class, () -> NativeBridge.panicForTest("again"));
    }

    @Test
    void coreErrorsKeepTheirKindAndNeverShowTheSecret() {
        SignableRequest req = SignableRequest.builder("POST", "/x").body(new byte[0]).build();
        CnvisionException e = assertThrows(CnvisionException.class,
                () -> new EopSigner("ak", "very-secret-sk", "app").withSignedHeaders("eop-date").sign(req, 0L));
        assertEquals(ErrorCode.CONFIGURATION, e.getCode());
        assertTrue(e.getMessage().contains("ctyun-eop-request-id"), e.getMessage());
        assertTrue(!e.toString().contains("very-secret-sk"));
        assertNull(e.getProviderCode());
        assertNull(e.getRequestId());
    }

    @Test
    void nullArgumentsAreInvalidInput() {
        CnvisionException e = assertThrows(CnvisionException.class,
                () -> NativeBridge.signRequest(null, "{}", null, 0L));
        assertEquals(ErrorCode.INVALID_INPUT, e.getCode());
        assertTrue(e.getMessage().contains("scheme"), e.getMessage());
        CnvisionException bad = assertThrows(CnvisionException.class,
                () -> NativeBridge.signRequest("eop", "{not json", null, 0L));
        assertEquals(ErrorCode.INVALID_INPUT, bad.getCode());
    }
}
