package io.cnvision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cnvision.json.Json;
import io.cnvision.json.JsonValue;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void roundTripKeepsOrderEscapesAndNumbers() {
        String text = "{\"b\":[1,2.50,-3e2,true,false,null],\"a\":\"x\\\"\\n\\u00e9\\u4e2d\",\"c\":{}}";
        JsonValue v = Json.parse(text);
        assertEquals("[b, a, c]", v.keys().toString());
        assertEquals("x\"\n\u00e9\u4e2d", v.get("a").asString());
        assertEquals(2.5, v.get("b").get(1).asDouble());
        assertEquals(-300, v.get("b").get(2).asBigDecimal().intValueExact());
        assertEquals(Json.parse(v.toJson()), v);
        assertEquals(JsonValue.of(1L), v.at("/b/0"));
        assertNull(v.at("/b/9"));
        assertEquals("x\"\n\u00e9\u4e2d", v.at("/a").asString());
    }

    @Test
    void rejectsWhatIsNotJson() {
        String[] bad = {"", "{", "[1,]", "{\"a\" 1}", "01", "1.", "tru", "\"\\x\"", "[1] 2", "NaN"};
        for (String b : bad) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(b), b);
        }
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i <= Json.MAX_DEPTH + 1; i++) {
            deep.append('[');
        }
        assertThrows(IllegalArgumentException.class, () -> Json.parse(deep.toString()));
    }

    @Test
    void catalogParses() {
        JsonValue ops = Catalog.operations();
        assertEquals(Catalog.operationIds().size(), ops.size());
        assertEquals("ctyun.safety.hat_detect", Catalog.find("ctyun.safety.hat_detect").get("id").asString());
    }
}
