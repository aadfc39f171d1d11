package io.cnvision.json;

import java.util.Map;

/**
 * JSON text ⇄ {@link JsonValue} (RFC 8259). Hand-written because the public API must not
 * depend on a third-party JSON library; it is small and strict (no comments, no trailing
 * commas, no NaN), with a nesting limit against stack exhaustion.
 */
public final class Json {
    /** Deepest accepted nesting of arrays and objects. */
    public static final int MAX_DEPTH = 512;

    private final String s;
    private int pos;

    private Json(String s) {
        this.s = s;
    }

    /** Parses one JSON text. Throws {@link IllegalArgumentException} naming the offset. */
    public static JsonValue parse(String text) {
        Json p = new Json(text);
        p.ws();
        JsonValue v = p.value(0);
        p.ws();
        if (p.pos != text.length()) {
            throw p.error("trailing characters");
        }
        return v;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid JSON at offset " + pos + ": " + what);
    }

    private void ws() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                break;
            }
        }
    }

    private JsonValue value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return JsonValue.of(string());
            case 't':
                literal("true");
                return JsonValue.of(true);
            case 'f':
                literal("false");
                return JsonValue.of(false);
            case 'n':
                literal("null");
                return JsonValue.NULL;
            default:
                return number();
        }
    }

    private void literal(String word) {
        if (!s.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
    }

    private JsonValue object(int depth) {
        JsonValue o = JsonValue.object();
        pos++;
        ws();
        if (pos < s.length() && s.charAt(pos) == '}') {
            pos++;
            return o;
        }
        while (true) {
            ws();
            if (pos >= s.length() || s.charAt(pos) != '"') {
                throw error("expected a member name");
            }
            String key = string();
            ws();
            expect(':');
            ws();
            o.put(key, value(depth + 1));
            ws();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                continue;
            }
            expect('}');
            return o;
        }
    }

    private JsonValue array(int depth) {
        JsonValue a = JsonValue.array();
        pos++;
        ws();
        if (pos < s.length() && s.charAt(pos) == ']') {
            pos++;
            return a;
        }
        while (true) {
            ws();
            a.add(value(depth + 1));
            ws();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                continue;
            }
            expect(']');
            return a;
        }
    }

    private void expect(char c) {
        if (pos >= s.length() || s.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private String string() {
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= s.length()) {
                throw error("unterminated escape");
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '"': b.append('"'); break;
                case '\\': b.append('\\'); break;
                case '/': b.append('/'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u':
                    if (pos + 4 > s.length()) {
                        throw error("short \\u escape");
                    }
                    try {
                        b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                    break;
                default:
                    throw error("bad escape \\" + e);
            }
        }
    }

    private JsonValue number() {
        int start = pos;
        if (pos < s.length() && s.charAt(pos) == '-') {
            pos++;
        }
        int intStart = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        if (pos == intStart || (s.charAt(intStart) == '0' && pos - intStart > 1)) {
            throw error("bad number");
        }
        if (pos < s.length() && s.charAt(pos) == '.') {
            pos++;
            int f = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == f) {
                throw error("bad fraction");
            }
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            int e = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == e) {
                throw error("bad exponent");
            }
        }
        return JsonValue.number(s.substring(start, pos));
    }

    /** Appends the compact JSON text of {@code v} to {@code b}. */
    static void write(JsonValue v, StringBuilder b) {
        switch (v.kind()) {
            case NULL:
                b.append("null");
                break;
            case BOOLEAN:
                b.append(v.asBoolean());
                break;
            case NUMBER:
                b.append((String) v.raw());
                break;
            case STRING:
                quote(v.asString(), b);
                break;
            case ARRAY: {
                b.append('[');
                boolean first = true;
                for (JsonValue item : v.items()) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    write(item, b);
                }
                b.append(']');
                break;
            }
            default: {
                b.append('{');
                boolean first = true;
                @SuppressWarnings("unchecked")
                Map<String, JsonValue> m = (Map<String, JsonValue>) v.raw();
                for (Map.Entry<String, JsonValue> e : m.entrySet()) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    quote(e.getKey(), b);
                    b.append(':');
                    write(e.getValue(), b);
                }
                b.append('}');
            }
        }
    }

    private static void quote(String str, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        b.append('"');
    }
}
