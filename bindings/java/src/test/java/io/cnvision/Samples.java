package io.cnvision;

import io.cnvision.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A valid input for any catalog operation, derived from its catalog entry: required fields
 * (and the first of each one-of group) filled with fixtures that pass every documented limit.
 */
final class Samples {
    static final byte[] JPEG = TestSupport.fixture("image_640x480_exif.jpg");
    static final byte[] MP4 = TestSupport.fixture("video_2s_15fps.mp4");
    /** A valid resident ID number (GB 11643 check digit). */
    static final String ID_NUMBER = "11010519491231002X";

    final JsonValue params = JsonValue.object();
    final List<MediaInput> media = new ArrayList<MediaInput>();

    private Samples() {}

    static Samples forOperation(JsonValue op, JsonValue emulatorInfo) {
        Samples s = new Samples();
        List<String> firstOf = new ArrayList<String>();
        for (JsonValue group : op.get("one_of").items()) {
            firstOf.add(group.get(0).asString());
        }
        for (JsonValue f : op.get("fields").items()) {
            String name = f.get("name").asString();
            if (!f.get("required").asBoolean() && !firstOf.contains(name)) {
                continue;
            }
            String type = f.get("kind").get("type").asString();
            if (type.equals("image")) {
                s.media.add(MediaInput.of(name, JPEG));
            } else if (type.equals("image_list") || type.equals("image_sequence") || type.equals("url_or_data_uri_list")) {
                for (int i = 0; i < 3; i++) {
                    s.media.add(MediaInput.of(name, JPEG));
                }
            } else if (type.equals("url_or_data_uri_pairs")) {
                for (int i = 0; i < 4; i++) {
                    s.media.add(MediaInput.of(name, JPEG));
                }
            } else if (type.equals("video")) {
                s.media.add(MediaInput.of(name, MP4));
            } else if (type.equals("url")) {
                s.params.put(name, "https://example.com/obs/video.mp4");
            } else if (type.equals("enum")) {
                s.params.put(name, f.get("kind").get("of").get(0));
            } else if (type.equals("polygon") || type.equals("polygon_text")) {
                s.params.put(name, polygon());
            } else if (type.equals("integer")) {
                s.params.put(name, 1L);
            } else if (type.equals("number")) {
                s.params.put(name, 0.5);
            } else if (type.equals("bool")) {
                s.params.put(name, true);
            } else if (type.equals("text")) {
                s.params.put(name, text(name, emulatorInfo));
            } else {
                throw new IllegalStateException(op.get("id") + ": no sample for field kind " + type);
            }
        }
        return s;
    }

    private static JsonValue polygon() {
        JsonValue p = JsonValue.array();
        long[][] pts = {{10, 10}, {600, 10}, {600, 400}, {10, 400}};
        for (long[] pt : pts) {
            p.add(JsonValue.array().add(JsonValue.of(pt[0])).add(JsonValue.of(pt[1])));
        }
        return p;
    }

    private static String text(String name, JsonValue info) {
        if (name.equals("service_code")) {
            return "svc0code1";
        }
        if (name.equals("idNum")) {
            return ID_NUMBER;
        }
        if (name.equals("fullName")) {
            return "张三";
        }
        if (name.equals("/auth/identity/password/user/name")) {
            return info.get("iam_user").asString();
        }
        if (name.equals("/auth/identity/password/user/password")) {
            return info.get("iam_password").asString();
        }
        if (name.equals("/auth/identity/password/user/domain/name")) {
            return info.get("iam_domain").asString();
        }
        if (name.equals("/auth/scope/project/name")) {
            return info.get("huawei_region").asString();
        }
        return "sample";
    }
}
