package io.cnvision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cnvision.json.JsonValue;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import org.junit.jupiter.api.Test;

class EmulatorLifecycleTest {
    private static int get(String url) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        try {
            int status = c.getResponseCode();
            InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
            if (in != null) {
                in.close();
            }
            return status;
        } finally {
            c.disconnect();
        }
    }

    @Test
    void startsOnAnEphemeralLoopbackPortAndStopsOnClose() throws Exception {
        Emulator emu = Emulator.start();
        String base = emu.baseUrl();
        assertTrue(base.startsWith("http://127.0.0.1:"), base);
        assertTrue(emu.port() > 0);
        assertEquals(200, get(base + "/__emulator/health"));
        assertTrue(emu.sm2PublicKey().startsWith("MFkw"), "base64 SPKI of an SM2 key");
        assertEquals(0, emu.total());
        assertFalse(emu.isClosed());
        emu.close();
        emu.close(); // idempotent
        assertTrue(emu.isClosed());
        assertThrows(IllegalStateException.class, emu::total);
        assertThrows(IllegalStateException.class, () -> emu.count("ctyun.safety.hat_detect"));
        assertThrows(java.io.IOException.class, () -> get(base + "/__emulator/health"));
    }

    @Test
    void controlCallsReachTheEmulator() {
        try (Emulator emu = Emulator.start()) {
            emu.injectFault("ctyun.safety.hat_detect", "throttle", 2);
            emu.injectFault(JsonValue.object().put("kind", "delay").put("ms", 1));
            emu.clearFaults();
            emu.setClockOffsetSeconds(60);
            emu.reset();
            assertEquals(0, emu.count("ctyun.safety.hat_detect"));
            CnvisionException e = assertThrows(CnvisionException.class, () -> emu.injectFault(null, "no_such_kind", 1));
            assertEquals(ErrorCode.INVALID_INPUT, e.getCode());
        }
    }
}
