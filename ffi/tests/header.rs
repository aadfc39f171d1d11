//! include/cnvision.h must be exactly what cbindgen generates from ffi/src.
//! Fails when it is stale; `CNVISION_BLESS=1` rewrites it.

use std::path::PathBuf;

/// The version macros, from Cargo.toml (placed right after the includes).
fn version_macros() -> String {
    format!(
        "#define CNVISION_VERSION \"{}\"\n#define CNVISION_VERSION_MAJOR {}\n#define CNVISION_VERSION_MINOR {}\n#define CNVISION_VERSION_PATCH {}\n",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_VERSION_MAJOR"),
        env!("CARGO_PKG_VERSION_MINOR"),
        env!("CARGO_PKG_VERSION_PATCH"),
    )
}

fn generate() -> String {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut config =
        cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("cbindgen.toml parses");
    config.after_includes = Some(version_macros());
    let bindings = cbindgen::Builder::new()
        .with_config(config)
        .with_src(crate_dir.join("src/lib.rs"))
        .generate()
        .expect("cbindgen generates the header");
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).expect("header is UTF-8")
}

#[test]
fn header_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../include/cnvision.h");
    let fresh = generate();
    assert!(
        fresh.contains("cnvision_version"),
        "generated header lacks cnvision_version"
    );
    if std::env::var_os("CNVISION_BLESS").is_some() {
        std::fs::write(&path, &fresh).expect("write include/cnvision.h");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "include/cnvision.h is stale: regenerate with CNVISION_BLESS=1 cargo test -p cnvision-ffi --test header"
    );
}
