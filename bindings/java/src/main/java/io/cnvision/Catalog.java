package io.cnvision;

import io.cnvision.internal.NativeBridge;
import io.cnvision.json.Json;
import io.cnvision.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The operation catalog of the native core (the single source of truth for every
 * remote operation): ids, providers, fields with their documented limits, error codes.
 */
public final class Catalog {
    private static volatile JsonValue cached;

    private Catalog() {}

    /** The catalog as JSON text, exactly as the core exports it. */
    public static String json() {
        return NativeBridge.catalogJson();
    }

    /** The catalog as a JSON array of operation objects (parsed once; do not modify). */
    public static JsonValue operations() {
        JsonValue c = cached;
        if (c == null) {
            c = Json.parse(json());
            cached = c;
        }
        return c;
    }

    /** Every operation id, in catalog order. */
    public static List<String> operationIds() {
        List<String> ids = new ArrayList<String>();
        for (JsonValue op : operations().items()) {
            ids.add(op.get("id").asString());
        }
        return Collections.unmodifiableList(ids);
    }

    /** The operation with this id, or {@code null}. */
    public static JsonValue find(String id) {
        for (JsonValue op : operations().items()) {
            if (op.get("id").asString().equals(id)) {
                return op;
            }
        }
        return null;
    }

    /** The native core's version. */
    public static String coreVersion() {
        return NativeBridge.version();
    }
}
