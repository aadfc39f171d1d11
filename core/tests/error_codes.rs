//! Every documented provider error code of every catalog operation, reproduced by the
//! emulator (`provider_error` fault: the code in the gateway's documented error shape
//! and HTTP status) and mapped by the client: kind as the catalog classifies the code,
//! provider code, HTTP status and request id on the error, and exactly one request
//! sent (answered failures are billed, never retried). Envelope-capable operations
//! are checked again with the `decrypted: true` envelope: errors come back in plain
//! text (INDEX.md) and are mapped the same way.

mod client_support;

use client_support::{sample_inputs, Fixtures};
use cnvision::catalog::{self, Gateway, Operation, QpsGroup, ServiceError};
use cnvision::{CallOptions, Client};
use cnvision_emulator::{Emulator, EmulatorConfig, FaultKind};

const GROUPS: [QpsGroup; 5] = [
    QpsGroup::Safety,
    QpsGroup::Face,
    QpsGroup::VideoLiveness,
    QpsGroup::Huawei,
    QpsGroup::Ctyun2019,
];

/// The envelope's own codes (manual 002 §6.2.4 2.7), listed by every EOP operation.
const ENVELOPE_CODES: [&str; 4] = ["AI_OP_40017", "AI_OP_40018", "AI_OP_40019", "AI_OP_40020"];

fn client(emu: &Emulator) -> Client {
    let mut c = emu.client_config();
    for g in GROUPS {
        c = c.without_rate_limit(g);
    }
    Client::new(c).expect("client")
}

/// The provider code the error must carry. EOP bodies put the number in `statusCode`
/// and the `AI_OP_n` name in `error` (manual 002: `'statusCode': 400006, 'error':
/// 'AI_OP_400006'`), and the client reports the status code; every other code is
/// reported as the catalog writes it.
fn expected_provider_code(op: &Operation, code: &str) -> String {
    match code.strip_prefix("AI_OP_") {
        Some(n) if op.gateway == Gateway::CtyunEop => n.to_string(),
        _ => code.to_string(),
    }
}

/// Injects `doc.code` for the next request of `op`, calls `op` once with valid inputs
/// and checks the mapped error. `n` makes the request id unique.
fn check(
    emu: &Emulator,
    c: &Client,
    fx: &Fixtures,
    op: &Operation,
    doc: &ServiceError,
    encrypt: bool,
    n: usize,
) {
    let what = format!("{} {} (encrypt {encrypt})", op.id, doc.code);
    let (params, media) = sample_inputs(op, fx);
    let sent_id = format!("error-codes-{n}");
    let options = CallOptions {
        encrypt,
        request_id: Some(sent_id.clone()),
    };
    emu.inject(Some(op.id), FaultKind::ProviderError { code: doc.code }, 1);
    let before = emu.count(op.id);
    let e = c
        .call(op.id, &params, &media, &options)
        .err()
        .unwrap_or_else(|| panic!("{what}: the injected code was answered as a success"));
    assert_eq!(emu.count(op.id), before + 1, "{what}: exactly one request");
    assert_eq!(e.kind(), doc.kind, "{what}: {e}");
    assert_eq!(
        e.provider_code(),
        Some(expected_provider_code(op, doc.code).as_str()),
        "{what}: {e}"
    );
    // The documented entry was found (its meaning leads the message) and the code as
    // the manual writes it is visible to the caller.
    assert!(e.message().starts_with(doc.meaning), "{what}: {e}");
    assert!(e.to_string().contains(doc.code), "{what}: {e}");
    let status = e
        .http_status()
        .unwrap_or_else(|| panic!("{what}: no HTTP status"));
    if matches!(op.gateway, Gateway::HuaweiImage | Gateway::HuaweiIam) {
        assert!(
            status >= 400,
            "{what}: Huawei errors are 4xx/5xx, got {status}"
        );
    }
    let id = e
        .request_id()
        .unwrap_or_else(|| panic!("{what}: no request id"));
    if op.gateway == Gateway::CtyunEop {
        assert_eq!(
            id, sent_id,
            "{what}: the gateway echoes ctyun-eop-request-id"
        );
    } else {
        assert_ne!(id, sent_id, "{what}: the request id is the response's");
    }
}

#[test]
fn every_documented_code_of_every_operation_is_reproduced_and_mapped() {
    let emu = Emulator::start(EmulatorConfig::default()).expect("emulator starts");
    let c = client(&emu);
    let fx = Fixtures::load();
    let mut pairs = 0;
    let mut ops = 0;
    for op in catalog::all() {
        ops += usize::from(!op.errors.is_empty());
        for doc in op.errors {
            check(&emu, &c, &fx, op, doc, false, pairs);
            pairs += 1;
        }
    }
    assert_eq!(
        emu.total(),
        pairs as u64,
        "one request per pair and nothing else (no retries, no token or project look-ups)"
    );
    let documented: usize = catalog::all().iter().map(|op| op.errors.len()).sum();
    assert_eq!(pairs, documented);
    assert!(pairs > 1000, "the catalog documents {pairs} codes");
    println!("error codes: {pairs} (operation, code) pairs checked across {ops} operations");
}

#[test]
fn every_code_of_every_envelope_operation_comes_back_plain_when_encrypted() {
    let emu = Emulator::start(EmulatorConfig::default()).expect("emulator starts");
    let c = client(&emu);
    let fx = Fixtures::load();
    let mut pairs = 0;
    let mut envelope_pairs = 0;
    for op in catalog::all().iter().filter(|op| op.envelope) {
        for code in ENVELOPE_CODES {
            assert!(op.error(code).is_some(), "{}: lists {code}", op.id);
        }
        for doc in op.errors {
            check(&emu, &c, &fx, op, doc, true, pairs);
            pairs += 1;
            envelope_pairs += usize::from(ENVELOPE_CODES.contains(&doc.code));
        }
    }
    assert_eq!(emu.total(), pairs as u64, "one request per pair");
    let envelope_ops = catalog::all().iter().filter(|op| op.envelope).count();
    assert!(envelope_ops >= 6, "{envelope_ops} envelope operations");
    assert_eq!(envelope_pairs, envelope_ops * ENVELOPE_CODES.len());
    println!(
        "error codes, encrypted: {pairs} (operation, code) pairs checked across \
         {envelope_ops} envelope operations, {envelope_pairs} of them envelope codes"
    );
}
