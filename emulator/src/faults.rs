//! Faults injected on demand, per operation id or for any operation, for the next N
//! matching requests.
//!
//! `provider_error` faults name a documented code; the JSON form is resolved against
//! `cnvision::catalog::all()` so the kind stays `Copy` (its code is the catalog's own
//! `&'static str`) and a typo is refused when the fault is armed, not when it fires.

use crate::counters::lock;
use serde::{Deserialize, Serialize};
use std::sync::Mutex;

/// What goes wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// Wait `ms` milliseconds, then process the request normally.
    Delay { ms: u64 },
    /// Close the connection without answering.
    Reset,
    /// Answer this HTTP status (5xx) with the gateway's internal-error body.
    Status { status: u16 },
    /// Answer the provider's throttle code and HTTP status.
    Throttle,
    /// Process normally, then send a body that is not valid JSON.
    MalformedJson,
    /// Process normally (encrypted), then flip a byte of `encryptedResult`.
    TamperResult,
    /// Process normally (encrypted), then flip a byte of `encryptedResultHash`.
    TamperHash,
    /// Answer the documented provider error `code` (as the catalog writes it, e.g.
    /// `AI_OP_4201`, `4003`, `AIS.0014`) in the gateway's error shape and HTTP status,
    /// without authenticating or checking the request. JSON: `"code": "AI_OP_4201"`,
    /// which must be a code some catalog operation documents.
    ProviderError {
        #[serde(deserialize_with = "documented_code")]
        code: CatalogCode,
    },
}

/// A code owned by the catalog. Named so that serde does not treat the field as
/// borrowed from the input (it does so for a literal `&str` type), which would tie
/// `Fault` to `'static` input.
pub type CatalogCode = &'static str;

/// The catalog's own copy of a documented provider error code.
fn documented_code<'de, D: serde::Deserializer<'de>>(d: D) -> Result<CatalogCode, D::Error> {
    let wanted = String::deserialize(d)?;
    cnvision::catalog::all()
        .iter()
        .flat_map(|op| op.errors)
        .map(|e| e.code)
        .find(|c| *c == wanted)
        .ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{wanted:?} is not a documented code of any catalog operation"
            ))
        })
}

/// One armed fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    /// Operation id it applies to; `None` = any operation.
    #[serde(default)]
    pub op: Option<String>,
    #[serde(flatten)]
    pub kind: FaultKind,
    /// How many more matching requests it hits (at least 1).
    #[serde(default = "one")]
    pub count: u32,
}

fn one() -> u32 {
    1
}

/// Armed faults, first armed first served.
#[derive(Debug, Default)]
pub struct Faults {
    armed: Mutex<Vec<Fault>>,
}

impl Faults {
    /// Arms `fault` (a count of 0 is treated as 1).
    pub fn arm(&self, mut fault: Fault) {
        fault.count = fault.count.max(1);
        lock(&self.armed).push(fault);
    }

    /// Takes the first fault matching `op_id`, spending one of its hits.
    pub fn take(&self, op_id: &str) -> Option<FaultKind> {
        let mut armed = lock(&self.armed);
        let idx = armed
            .iter()
            .position(|f| f.op.as_deref().is_none_or(|op| op == op_id))?;
        let kind = armed[idx].kind;
        armed[idx].count -= 1;
        if armed[idx].count == 0 {
            armed.remove(idx);
        }
        Some(kind)
    }

    /// Faults still armed.
    pub fn pending(&self) -> Vec<Fault> {
        lock(&self.armed).clone()
    }

    pub fn clear(&self) {
        lock(&self.armed).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_op_and_any_op_faults_are_spent_in_order() {
        let faults = Faults::default();
        faults.arm(Fault {
            op: Some("a".into()),
            kind: FaultKind::Reset,
            count: 2,
        });
        faults.arm(Fault {
            op: None,
            kind: FaultKind::Throttle,
            count: 1,
        });
        assert_eq!(faults.take("b"), Some(FaultKind::Throttle));
        assert_eq!(faults.take("b"), None);
        assert_eq!(faults.take("a"), Some(FaultKind::Reset));
        assert_eq!(faults.take("a"), Some(FaultKind::Reset));
        assert_eq!(faults.take("a"), None);
    }

    #[test]
    fn fault_json_shape() {
        let f: Fault =
            serde_json::from_str(r#"{"op":"x","kind":"delay","ms":5,"count":3}"#).unwrap();
        assert_eq!(
            f,
            Fault {
                op: Some("x".into()),
                kind: FaultKind::Delay { ms: 5 },
                count: 3
            }
        );
        let f: Fault = serde_json::from_str(r#"{"kind":"status","status":503}"#).unwrap();
        assert_eq!(f.count, 1);
        assert_eq!(f.op, None);
    }

    #[test]
    fn provider_error_json_names_a_documented_code() {
        let f: Fault = serde_json::from_str(
            r#"{"op":"ctyun.safety.quality_detect","kind":"provider_error","code":"AI_OP_4201"}"#,
        )
        .unwrap();
        assert_eq!(f.kind, FaultKind::ProviderError { code: "AI_OP_4201" });
        assert_eq!(
            serde_json::to_value(&f).unwrap()["code"],
            serde_json::json!("AI_OP_4201")
        );
        let e = serde_json::from_str::<Fault>(r#"{"kind":"provider_error","code":"NOPE.1"}"#)
            .unwrap_err();
        assert!(e.to_string().contains("not a documented code"), "{e}");
        assert!(serde_json::from_str::<Fault>(r#"{"kind":"provider_error"}"#).is_err());
    }
}
