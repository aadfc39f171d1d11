//! Try cnvision end to end, offline: start the bundled emulator in-process, point a
//! client at it, and call one operation of each provider and auth scheme.
//!
//! Run: `cargo run -q -p cnvision-examples --bin try_it`

use cnvision::api::{BatchImage, TaggingOptions};
use cnvision::media::Media;
use cnvision::Client;
use cnvision_emulator::{Emulator, EmulatorConfig};

/// A 640×480 JPEG from the test fixtures.
const JPEG: &[u8] = include_bytes!("../../../../tests/fixtures/media/image_640x480_exif.jpg");

fn main() -> cnvision::Result<()> {
    let emulator = Emulator::start(EmulatorConfig::default())?;
    println!("emulator listening on {}", emulator.base_url());
    // The emulator's credentials, its SM2 public key, and every gateway pointed at it.
    let client = Client::new(emulator.client_config())?;
    let image = Media::Bytes(JPEG);

    println!("\n1. CTyun safety, EOP signature: hard-hat detection");
    for hat in client.ctyun_safety().hat_detect(image)? {
        println!("   {hat:?}");
    }

    println!("\n2. CTyun face, EOP + SM2/SM4/HMAC-SM3 envelope: face compare");
    let compare = client.ctyun_face().encrypted().compare(image, image)?;
    println!("   {compare:?}");

    println!("\n3. CTyun safety (older gateway), Sign-MD5: workwear detection");
    for item in client
        .ctyun_safety_aiop()
        .clothes_detect("clothes_detect", image)?
    {
        println!("   {item:?}");
    }

    println!("\n4. CTyun 2019 face API, CTYUN-HMAC: batch face detection");
    for faces in client
        .ctyun_face2019()
        .detect(&[BatchImage::Media(image)])?
    {
        println!("   {faces:?}");
    }

    println!("\n5. Huawei image recognition, APIG SDK-HMAC-SHA256: media tagging");
    let tags = client
        .huawei_image()
        .media_tagging(image.into(), &TaggingOptions::default())?;
    println!("   {tags:?}");

    println!("\nrequests the emulator judged: {:?}", emulator.counts());
    Ok(())
}
