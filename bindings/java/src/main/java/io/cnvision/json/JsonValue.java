package io.cnvision.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small JSON tree (the binding ships it so the public API needs no third-party JSON
 * library). Objects keep member order. Arrays and objects made with {@link #array()} and
 * {@link #object()} are mutable; parsed ones too. Numbers keep their exact text.
 */
public final class JsonValue {
    /** The JSON type of a value. */
    public enum Kind { NULL, BOOLEAN, NUMBER, STRING, ARRAY, OBJECT }

    /** The JSON {@code null}. */
    public static final JsonValue NULL = new JsonValue(Kind.NULL, null);
    private static final JsonValue TRUE = new JsonValue(Kind.BOOLEAN, Boolean.TRUE);
    private static final JsonValue FALSE = new JsonValue(Kind.BOOLEAN, Boolean.FALSE);

    private final Kind kind;
    private final Object value;

    private JsonValue(Kind kind, Object value) {
        this.kind = kind;
        this.value = value;
    }

    public static JsonValue of(String s) {
        return s == null ? NULL : new JsonValue(Kind.STRING, s);
    }

    public static JsonValue of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public static JsonValue of(long n) {
        return new JsonValue(Kind.NUMBER, Long.toString(n));
    }

    /** A number; NaN and infinities are not JSON and are rejected. */
    public static JsonValue of(double n) {
        if (Double.isNaN(n) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("JSON has no NaN or infinity");
        }
        return new JsonValue(Kind.NUMBER, new BigDecimal(Double.toString(n)).toString());
    }

    /** A number from its JSON text (checked). */
    public static JsonValue number(String text) {
        new BigDecimal(text);
        return new JsonValue(Kind.NUMBER, text);
    }

    /** A new empty, mutable object. */
    public static JsonValue object() {
        return new JsonValue(Kind.OBJECT, new LinkedHashMap<String, JsonValue>());
    }

    /** A new empty, mutable array. */
    public static JsonValue array() {
        return new JsonValue(Kind.ARRAY, new ArrayList<JsonValue>());
    }

    /** An array of strings. */
    public static JsonValue ofStrings(Iterable<String> items) {
        JsonValue a = array();
        for (String s : items) {
            a.add(of(s));
        }
        return a;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    @SuppressWarnings("unchecked")
    private Map<String, JsonValue> map() {
        if (kind != Kind.OBJECT) {
            throw new IllegalStateException("not a JSON object but " + kind);
        }
        return (Map<String, JsonValue>) value;
    }

    @SuppressWarnings("unchecked")
    private List<JsonValue> list() {
        if (kind != Kind.ARRAY) {
            throw new IllegalStateException("not a JSON array but " + kind);
        }
        return (List<JsonValue>) value;
    }

    /** Sets member {@code key} of this object; returns this. */
    public JsonValue put(String key, JsonValue v) {
        map().put(key, v == null ? NULL : v);
        return this;
    }

    public JsonValue put(String key, String v) {
        return put(key, of(v));
    }

    public JsonValue put(String key, long v) {
        return put(key, of(v));
    }

    public JsonValue put(String key, double v) {
        return put(key, of(v));
    }

    public JsonValue put(String key, boolean v) {
        return put(key, of(v));
    }

    /** Appends to this array; returns this. */
    public JsonValue add(JsonValue v) {
        list().add(v == null ? NULL : v);
        return this;
    }

    /** Member {@code key} of this object, or {@code null} when absent. */
    public JsonValue get(String key) {
        return map().get(key);
    }

    /** Item {@code i} of this array. */
    public JsonValue get(int i) {
        return list().get(i);
    }

    /** Whether this object has member {@code key}. */
    public boolean has(String key) {
        return map().containsKey(key);
    }

    /** Member names of this object, in order (read-only view). */
    public Set<String> keys() {
        return Collections.unmodifiableSet(map().keySet());
    }

    /** Items of this array (read-only view). */
    public List<JsonValue> items() {
        return Collections.unmodifiableList(list());
    }

    /** Number of items of an array or members of an object. */
    public int size() {
        return kind == Kind.OBJECT ? map().size() : list().size();
    }

    public String asString() {
        if (kind != Kind.STRING) {
            throw new IllegalStateException("not a JSON string but " + kind);
        }
        return (String) value;
    }

    public boolean asBoolean() {
        if (kind != Kind.BOOLEAN) {
            throw new IllegalStateException("not a JSON boolean but " + kind);
        }
        return (Boolean) value;
    }

    public BigDecimal asBigDecimal() {
        if (kind != Kind.NUMBER) {
            throw new IllegalStateException("not a JSON number but " + kind);
        }
        return new BigDecimal((String) value);
    }

    /** The number as a long (exact; fails on fractions and overflow). */
    public long asLong() {
        return asBigDecimal().longValueExact();
    }

    public int asInt() {
        return asBigDecimal().intValueExact();
    }

    public double asDouble() {
        return asBigDecimal().doubleValue();
    }

    /**
     * The value at an RFC 6901 JSON pointer ({@code ""} is this value), or {@code null}
     * when a step does not exist.
     */
    public JsonValue at(String pointer) {
        if (pointer.isEmpty()) {
            return this;
        }
        if (pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("a JSON pointer starts with '/': " + pointer);
        }
        JsonValue cur = this;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (cur.kind == Kind.OBJECT) {
                cur = cur.map().get(token);
            } else if (cur.kind == Kind.ARRAY) {
                int i;
                try {
                    i = Integer.parseInt(token);
                } catch (NumberFormatException e) {
                    return null;
                }
                cur = i >= 0 && i < cur.list().size() ? cur.list().get(i) : null;
            } else {
                return null;
            }
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    /** Compact JSON text. */
    public String toJson() {
        StringBuilder b = new StringBuilder();
        Json.write(this, b);
        return b.toString();
    }

    Object raw() {
        return value;
    }

    @Override
    public String toString() {
        return toJson();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JsonValue)) {
            return false;
        }
        JsonValue other = (JsonValue) o;
        if (kind != other.kind) {
            return false;
        }
        if (kind == Kind.NUMBER) {
            return asBigDecimal().compareTo(other.asBigDecimal()) == 0;
        }
        return value == null ? other.value == null : value.equals(other.value);
    }

    @Override
    public int hashCode() {
        if (kind == Kind.NUMBER) {
            return asBigDecimal().stripTrailingZeros().hashCode();
        }
        return kind.hashCode() * 31 + (value == null ? 0 : value.hashCode());
    }
}
