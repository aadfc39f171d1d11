//! Deterministic success bodies: the operation's documented `response_example`, with
//! request ids filled in and documented image results replaced by a valid image.

use crate::images::RESULT_PNG;
use base64::Engine;
use cnvision::catalog::{Gateway, Operation};
use serde_json::{json, Value};

/// Keys whose values are request ids in the providers' examples.
const REQUEST_ID_KEYS: &[&str] = &[
    "request_id",
    "requestId",
    "RequestId",
    "requestID",
    "req_id",
];

/// The success body for `op`.
pub fn success(op: &Operation, request_id: &str) -> Value {
    let mut value =
        serde_json::from_str::<Value>(op.response_example).unwrap_or_else(|_| fallback(op.gateway));
    fill_request_ids(&mut value, request_id);
    let png = base64::engine::general_purpose::STANDARD.encode(RESULT_PNG);
    for pointer in op.binary_results {
        for root in ["", "/result", "/returnObj", "/data"] {
            if let Some(slot) = value.pointer_mut(&format!("{root}{pointer}")) {
                *slot = Value::String(png.clone());
                break;
            }
        }
    }
    value
}

/// A minimal success in the gateway's shape, for entries without a usable example.
fn fallback(gateway: Gateway) -> Value {
    match gateway {
        Gateway::CtyunEop => json!({"statusCode": 0, "message": "success", "returnObj": {}}),
        Gateway::CtyunAiop | Gateway::Ctyun2019 => {
            json!({"code": 0, "message": "success", "result": []})
        }
        Gateway::HuaweiImage | Gateway::HuaweiIam => json!({"result": {}}),
    }
}

fn fill_request_ids(value: &mut Value, request_id: &str) {
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if REQUEST_ID_KEYS.contains(&k.as_str()) && (v.is_string() || v.is_null()) {
                    *v = Value::String(request_id.to_string());
                } else {
                    fill_request_ids(v, request_id);
                }
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| fill_request_ids(v, request_id)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_filled_everywhere() {
        let mut v = json!({"request_id": "x", "a": [{"requestId": null}], "b": {"RequestId": "y"}});
        fill_request_ids(&mut v, "RID");
        assert_eq!(
            v,
            json!({"request_id": "RID", "a": [{"requestId": "RID"}], "b": {"RequestId": "RID"}})
        );
    }
}
