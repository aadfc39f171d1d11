//! `Emulator::client_config` points every gateway at the emulator with its credentials.

use cnvision::catalog::Gateway;
use cnvision_emulator::{Emulator, EmulatorConfig};

#[test]
fn client_config_targets_the_emulator() {
    let emu = Emulator::start(EmulatorConfig::default()).expect("emulator starts");
    let config = emu.client_config();
    for gateway in [
        Gateway::CtyunEop,
        Gateway::CtyunAiop,
        Gateway::Ctyun2019,
        Gateway::HuaweiImage,
        Gateway::HuaweiIam,
    ] {
        assert_eq!(
            config.base_url(gateway).unwrap(),
            emu.base_url(),
            "{gateway:?}"
        );
    }
    assert_eq!(
        config.huawei_project_id(),
        Some(emu.config().huawei_project_id.as_str())
    );
    assert_eq!(
        config.envelope_public_key(),
        Some(emu.sm2_public_key_spki_b64().as_str())
    );
    assert!(config.validate().is_ok());
    let debug = format!("{config:?}");
    assert!(
        !debug.contains(&emu.config().eop_sk),
        "secret in Debug: {debug}"
    );
    assert!(
        !debug.contains(&emu.config().huawei_sk),
        "secret in Debug: {debug}"
    );
}
