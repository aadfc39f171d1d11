//! Validation engine tests: every rule at its limit and just beyond it, against
//! operations built here (the catalog is filled elsewhere) and media fixtures made
//! by independent tools (scripts/gen_media_fixtures.py: Pillow, ffmpeg).

use cnvision::catalog::{
    AuthScheme, Field, FieldKind, Gateway, Limits, Location, MediaFormat, Method, Operation,
    QpsGroup, TextPattern,
};
use cnvision::media::Media;
use cnvision::validate::{self, idnum, image, polygon, video};
use cnvision::{ErrorKind, Result};
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};

// ---------- helpers ----------

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/media")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

fn field(name: &'static str, kind: FieldKind, required: bool, limits: Limits) -> Field {
    Field {
        name,
        kind,
        required,
        default: None,
        location: Location::Body,
        limits,
        doc: "",
    }
}

fn op(fields: Vec<Field>, one_of: &'static [&'static [&'static str]]) -> Operation {
    Operation {
        id: "test.op",
        summary: "",
        gateway: Gateway::CtyunEop,
        auth: AuthScheme::Eop,
        method: Method::Post,
        path: "/x",
        headers: &[],
        fields: Box::leak(fields.into_boxed_slice()),
        one_of,
        envelope: false,
        qps: QpsGroup::Face,
        errors: &[],
        binary_results: &[],
        deprecated: false,
        manual: "",
        response_example: "{}",
    }
}

fn params(v: Value) -> Map<String, Value> {
    v.as_object().unwrap().clone()
}

fn no_params() -> Map<String, Value> {
    Map::new()
}

/// Asserts an InvalidInput error whose message contains every needle.
fn err_has(r: Result<()>, needles: &[&str]) {
    let e = r.expect_err("expected a validation error");
    assert_eq!(e.kind(), ErrorKind::InvalidInput, "{}", e.message());
    for n in needles {
        assert!(
            e.message().contains(n),
            "message {:?} lacks {:?}",
            e.message(),
            n
        );
    }
}

/// A real (Pillow-made) JPEG padded after its EOI marker to exactly `len` bytes.
fn jpeg_of_len(len: usize) -> Vec<u8> {
    let mut b = read("image_32x24.jpg");
    assert!(len >= b.len());
    b.resize(len, 0);
    b
}

/// PNG signature + IHDR of `w`×`h` (all a header reader needs; the CRC is not
/// verified by anything here).
fn png(w: u32, h: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    b.extend_from_slice(&w.to_be_bytes());
    b.extend_from_slice(&h.to_be_bytes());
    b.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    b
}

fn image_op(limits: Limits) -> Operation {
    op(vec![field("image", FieldKind::Image, true, limits)], &[])
}

fn check_image(o: &Operation, bytes: &[u8]) -> Result<()> {
    validate::check(o, &no_params(), &[("image", Media::Bytes(bytes))])
}

// ---------- magic bytes ----------

#[test]
fn sniffs_every_format_by_magic_bytes() {
    let cases = [
        ("image_32x24.jpg", MediaFormat::Jpeg),
        ("image_20x10.png", MediaFormat::Png),
        ("image_8x6.bmp", MediaFormat::Bmp),
        ("image_9x7.gif", MediaFormat::Gif),
        ("image_12x5.webp", MediaFormat::Webp),
        ("image_7x3.tif", MediaFormat::Tiff),
        ("video_2s_15fps.mp4", MediaFormat::Mp4),
        ("video_2s_15fps.mov", MediaFormat::Mov),
        ("video_2s_15fps.avi", MediaFormat::Avi),
        ("audio_0.2s.mp3", MediaFormat::Mp3),
        ("audio_0.1s.wav", MediaFormat::Wav),
        // The name says PNG; the bytes say JPEG.
        ("jpeg_named.png", MediaFormat::Jpeg),
    ];
    for (name, want) in cases {
        assert_eq!(validate::sniff(&read(name)), Some(want), "{name}");
    }
    assert_eq!(validate::sniff(b"plain text, not media"), None);
}

#[test]
fn format_is_judged_by_bytes_not_extension() {
    let jpeg_only = image_op(Limits {
        formats: &[MediaFormat::Jpeg],
        ..Limits::NONE
    });
    let png_only = image_op(Limits {
        formats: &[MediaFormat::Png],
        ..Limits::NONE
    });
    let f = fixture("jpeg_named.png");
    let media = [("image", Media::File(&f))];
    assert!(validate::check(&jpeg_only, &no_params(), &media).is_ok());
    err_has(
        validate::check(&png_only, &no_params(), &media),
        &["image", "format jpeg is not accepted", "accepted: png"],
    );
    err_has(
        check_image(&jpeg_only, b"GIF89a-not-a-jpeg-at-all"),
        &["format gif", "accepted: jpeg"],
    );
    err_has(
        check_image(&jpeg_only, b"hello"),
        &["not recognised by its magic bytes", "jpeg"],
    );
    err_has(check_image(&jpeg_only, b""), &["image", "empty"]);
}

// ---------- dimensions ----------

#[test]
fn dimensions_from_headers_of_every_image_format() {
    for (name, wh) in [
        ("image_32x24.jpg", (32, 24)),
        ("image_20x10.png", (20, 10)),
        ("image_8x6.bmp", (8, 6)),
        ("image_9x7.gif", (9, 7)),
        ("image_12x5.webp", (12, 5)),
        ("image_7x3.tif", (7, 3)),
        ("image_640x480_exif.jpg", (640, 480)),
    ] {
        assert_eq!(image::dimensions(&read(name)), Some(wh), "{name}");
    }
    assert_eq!(image::dimensions(&png(4000, 3000)), Some((4000, 3000)));
}

#[test]
fn dimension_limits_at_and_beyond_the_boundary() {
    let o = image_op(Limits {
        min_width: Some(10),
        max_width: Some(100),
        min_height: Some(20),
        max_height: Some(200),
        ..Limits::NONE
    });
    assert!(check_image(&o, &png(10, 20)).is_ok());
    assert!(check_image(&o, &png(100, 200)).is_ok());
    err_has(
        check_image(&o, &png(9, 20)),
        &["image", "width 9 px", "minimum of 10 px"],
    );
    err_has(
        check_image(&o, &png(101, 20)),
        &["width 101 px", "maximum of 100 px"],
    );
    err_has(
        check_image(&o, &png(10, 19)),
        &["height 19 px", "minimum of 20 px"],
    );
    err_has(
        check_image(&o, &png(10, 201)),
        &["height 201 px", "maximum of 200 px"],
    );

    let sides = image_op(Limits {
        min_side: Some(15),
        max_side: Some(4096),
        ..Limits::NONE
    });
    assert!(check_image(&sides, &png(15, 4096)).is_ok());
    err_has(
        check_image(&sides, &png(14, 100)),
        &["shortest side 14 px", "minimum of 15 px", "14x100"],
    );
    err_has(
        check_image(&sides, &png(100, 4097)),
        &["longest side 4097 px", "maximum of 4096 px"],
    );
}

#[test]
fn jpeg_dimensions_behind_a_large_exif_segment_are_found_from_a_file() {
    let o = image_op(Limits {
        max_side: Some(640),
        min_side: Some(480),
        ..Limits::NONE
    });
    let f = fixture("image_640x480_exif.jpg");
    assert!(validate::check(&o, &no_params(), &[("image", Media::File(&f))]).is_ok());
    let o = image_op(Limits {
        max_side: Some(639),
        ..Limits::NONE
    });
    err_has(
        validate::check(&o, &no_params(), &[("image", Media::File(&f))]),
        &["longest side 640 px", "639"],
    );
}

// ---------- sizes ----------

fn portrait_op() -> Operation {
    op(
        vec![field(
            "portrait",
            FieldKind::Image,
            true,
            Limits {
                formats: &[MediaFormat::Jpeg],
                min_bytes: Some(10 * 1024),
                max_bytes: Some(40 * 1024),
                ..Limits::NONE
            },
        )],
        &[],
    )
}

#[test]
fn raw_size_limits_at_and_beyond_the_boundary() {
    let o = portrait_op();
    let check = |n: usize| {
        validate::check(
            &o,
            &no_params(),
            &[("portrait", Media::Bytes(&jpeg_of_len(n)))],
        )
    };
    assert!(check(10240).is_ok());
    assert!(check(40960).is_ok());
    err_has(
        check(40961),
        &["portrait: size 40961 bytes exceeds the 40960-byte limit (10–40 KB)"],
    );
    err_has(
        check(10239),
        &[
            "portrait",
            "size 10239 bytes is below the 10240-byte minimum",
            "10–40 KB",
        ],
    );
}

#[test]
fn encoded_size_counts_base64_text() {
    // 300 raw bytes -> 400 base64 characters; 301 -> 404.
    let o = image_op(Limits {
        max_encoded_bytes: Some(400),
        ..Limits::NONE
    });
    assert_eq!(validate::encoded_len(300), 400);
    let b = jpeg_of_len(1000);
    assert!(check_image(&o, &b[..300]).is_ok());
    err_has(
        check_image(&o, &b[..301]),
        &["image", "base64 size 404 bytes", "400-byte limit"],
    );
}

#[test]
fn total_size_and_item_count_of_a_list() {
    let o = op(
        vec![field(
            "images",
            FieldKind::ImageList,
            true,
            Limits {
                max_count: Some(3),
                max_total_bytes: Some(3000),
                ..Limits::NONE
            },
        )],
        &[],
    );
    let a = jpeg_of_len(1000);
    let b = jpeg_of_len(1001);
    let ok = [
        ("images", Media::Bytes(&a)),
        ("images", Media::Bytes(&a)),
        ("images", Media::Bytes(&a)),
    ];
    assert!(validate::check(&o, &no_params(), &ok).is_ok());
    let heavy = [
        ("images", Media::Bytes(&a)),
        ("images", Media::Bytes(&a)),
        ("images", Media::Bytes(&b)),
    ];
    err_has(
        validate::check(&o, &no_params(), &heavy),
        &["images", "total size 3001 bytes", "3000-byte limit"],
    );
    let four = [("images", Media::Bytes(&a[..10])); 4];
    err_has(
        validate::check(&o, &no_params(), &four),
        &["images", "4 items exceed the maximum of 3"],
    );
}

#[test]
fn list_items_are_named_with_their_index() {
    let o = op(
        vec![field(
            "images",
            FieldKind::ImageList,
            true,
            Limits {
                formats: &[MediaFormat::Jpeg],
                ..Limits::NONE
            },
        )],
        &[],
    );
    let j = read("image_32x24.jpg");
    let p = read("image_20x10.png");
    let media = [
        ("images", Media::Bytes(&j)),
        ("images", Media::Bytes(&j)),
        ("images", Media::Bytes(&j)),
        ("images", Media::Bytes(&p)),
    ];
    err_has(
        validate::check(&o, &no_params(), &media),
        &["images[3]: format png is not accepted"],
    );
}

#[test]
fn sparse_multi_gigabyte_file_is_rejected_by_its_metadata() {
    let path = std::env::temp_dir().join(format!(
        "cnvision-validate-sparse-{}.jpg",
        std::process::id()
    ));
    {
        let f = std::fs::File::create(&path).unwrap();
        std::io::Write::write_all(&mut &f, &read("image_32x24.jpg")).unwrap();
        f.set_len(6 << 30).unwrap(); // 6 GiB, sparse: nothing is written or read
    }
    let o = image_op(Limits {
        max_bytes: Some(10 << 20),
        ..Limits::NONE
    });
    let r = validate::check(&o, &no_params(), &[("image", Media::File(&path))]);
    std::fs::remove_file(&path).unwrap();
    err_has(
        r,
        &["image: size 6442450944 bytes exceeds the 10485760-byte limit (max 10 MB)"],
    );
}

#[test]
fn missing_file_is_invalid_input_naming_the_field() {
    let o = image_op(Limits::NONE);
    let p = Path::new("/nonexistent/cnvision/face.jpg");
    err_has(
        validate::check(&o, &no_params(), &[("image", Media::File(p))]),
        &["image", "cannot read file", "face.jpg"],
    );
    let dir = std::env::temp_dir();
    err_has(
        validate::check(&o, &no_params(), &[("image", Media::File(&dir))]),
        &["image", "not a regular file"],
    );
}

#[test]
fn file_and_bytes_media_give_the_same_result() {
    let limits = [
        Limits::NONE,
        Limits {
            formats: &[MediaFormat::Png],
            ..Limits::NONE
        },
        Limits {
            max_bytes: Some(600),
            ..Limits::NONE
        },
        Limits {
            max_side: Some(20),
            ..Limits::NONE
        },
        Limits {
            min_side: Some(8),
            max_encoded_bytes: Some(300),
            ..Limits::NONE
        },
    ];
    let names = [
        "image_32x24.jpg",
        "image_20x10.png",
        "image_8x6.bmp",
        "image_9x7.gif",
        "image_12x5.webp",
        "image_7x3.tif",
        "jpeg_named.png",
    ];
    for l in limits {
        let o = image_op(l);
        for name in names {
            let path = fixture(name);
            let bytes = read(name);
            let by_file = validate::check(&o, &no_params(), &[("image", Media::File(&path))])
                .map_err(|e| e.message().to_string());
            let by_bytes = validate::check(&o, &no_params(), &[("image", Media::Bytes(&bytes))])
                .map_err(|e| e.message().to_string());
            assert_eq!(by_file, by_bytes, "{name} {l:?}");
        }
    }
}

// ---------- video ----------

const VIDEO_LIMITS: Limits = Limits {
    formats: &[MediaFormat::Mp4, MediaFormat::Mov, MediaFormat::Avi],
    min_duration_ms: Some(1000),
    max_duration_ms: Some(8000),
    min_fps: Some(10.0),
    max_fps: Some(30.0),
    ..Limits::NONE
};

fn video_op() -> Operation {
    op(
        vec![field("video", FieldKind::Video, true, VIDEO_LIMITS)],
        &[],
    )
}

#[test]
fn ffmpeg_videos_probe_to_the_values_ffprobe_reports() {
    // (file, container, ms, frames) as `ffprobe -show_entries stream=duration,nb_frames` says.
    for (name, container, ms, frames) in [
        ("video_2s_15fps.mp4", MediaFormat::Mp4, 2000, 30),
        ("video_2s_15fps.mov", MediaFormat::Mov, 2000, 30),
        ("video_2s_15fps.avi", MediaFormat::Avi, 2000, 30),
        ("video_1s_10fps.mp4", MediaFormat::Mp4, 1000, 10),
        ("video_8s_30fps.mp4", MediaFormat::Mp4, 8000, 240),
        ("video_9s_15fps.mp4", MediaFormat::Mp4, 9000, 135),
        ("video_2s_5fps.mp4", MediaFormat::Mp4, 2000, 10),
        ("video_2s_50fps.mp4", MediaFormat::Mp4, 2000, 100),
    ] {
        let info = video::probe(&read(name)).unwrap();
        assert_eq!(
            (info.container, info.duration_ms, info.frames),
            (container, ms, frames),
            "{name}"
        );
        assert!(
            (info.fps - frames as f64 * 1000.0 / ms as f64).abs() < 1e-6,
            "{name}: {}",
            info.fps
        );
        let path = fixture(name);
        let from_file = video::probe_reader(std::fs::File::open(path).unwrap()).unwrap();
        assert_eq!(from_file, info, "{name}");
    }
    assert!(video::probe(&read("image_32x24.jpg")).is_err());
    assert!(video::probe(&read("audio_0.2s.mp3")).is_err());
}

#[test]
fn video_duration_and_fps_limits_on_real_files() {
    let o = video_op();
    for ok in [
        "video_2s_15fps.mp4",
        "video_2s_15fps.mov",
        "video_2s_15fps.avi",
        "video_1s_10fps.mp4",
        "video_8s_30fps.mp4",
    ] {
        let p = fixture(ok);
        assert!(
            validate::check(&o, &no_params(), &[("video", Media::File(&p))]).is_ok(),
            "{ok}"
        );
    }
    let run = |name: &str| {
        let p = fixture(name);
        validate::check(&o, &no_params(), &[("video", Media::File(&p))])
    };
    err_has(
        run("video_9s_15fps.mp4"),
        &["video: duration 9000 ms exceeds the 8000 ms limit (1–8 s)"],
    );
    err_has(
        run("video_2s_5fps.mp4"),
        &[
            "video",
            "frame rate 5.000 fps is below the minimum of 10 fps (10–30 fps)",
        ],
    );
    err_has(
        run("video_2s_50fps.mp4"),
        &[
            "video",
            "frame rate 50.000 fps exceeds the maximum of 30 fps",
        ],
    );
    err_has(
        run("audio_0.1s.wav"),
        &["video", "format wav is not accepted", "mp4, mov, avi"],
    );
}

/// A minimal MP4 (ftyp + moov with one video track, no media data) whose video
/// track lasts `units` of `timescale` and holds `frames` samples. `mdat_first`
/// puts a large `mdat` before `moov` (as ffmpeg does without faststart).
fn synthetic_mp4(timescale: u32, units: u32, frames: u32, mdat_first: bool) -> Vec<u8> {
    fn bx(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut v = ((body.len() + 8) as u32).to_be_bytes().to_vec();
        v.extend_from_slice(kind);
        v.extend_from_slice(body);
        v
    }
    fn full(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut b = vec![0, 0, 0, 0];
        b.extend_from_slice(body);
        bx(kind, &b)
    }
    let be = |x: u32| x.to_be_bytes();
    let matrix: Vec<u8> = [0x0001_0000u32, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000]
        .iter()
        .flat_map(|x| x.to_be_bytes())
        .collect();
    let mut mvhd = Vec::new();
    mvhd.extend(be(0));
    mvhd.extend(be(0));
    mvhd.extend(be(1000));
    mvhd.extend(be(units * 1000 / timescale));
    mvhd.extend(be(0x0001_0000));
    mvhd.extend([1, 0]);
    mvhd.extend([0; 10]);
    mvhd.extend(&matrix);
    mvhd.extend([0; 24]);
    mvhd.extend(be(2));
    let mut tkhd = Vec::new();
    tkhd.extend(be(0));
    tkhd.extend(be(0));
    tkhd.extend(be(1));
    tkhd.extend(be(0));
    tkhd.extend(be(units * 1000 / timescale));
    tkhd.extend([0; 8]);
    tkhd.extend([0; 8]);
    tkhd.extend(&matrix);
    tkhd.extend(be(16 << 16));
    tkhd.extend(be(16 << 16));
    let tkhd_box = bx(b"tkhd", &[&[0u8, 0, 0, 3][..], &tkhd].concat());
    let mut mdhd = Vec::new();
    mdhd.extend(be(0));
    mdhd.extend(be(0));
    mdhd.extend(be(timescale));
    mdhd.extend(be(units));
    mdhd.extend([0x55, 0xC4, 0, 0]);
    let mut hdlr = Vec::new();
    hdlr.extend(be(0));
    hdlr.extend(b"vide");
    hdlr.extend([0; 12]);
    hdlr.extend(b"v\0");
    let stts = [&be(1)[..], &be(frames), &be(units / frames.max(1))].concat();
    let stbl = bx(
        b"stbl",
        &[
            full(b"stsd", &be(0)),
            full(b"stts", &stts),
            full(b"stsc", &be(0)),
            full(b"stsz", &[be(0), be(0)].concat()),
            full(b"stco", &be(0)),
        ]
        .concat(),
    );
    let minf = bx(b"minf", &stbl);
    let mdia = bx(
        b"mdia",
        &[full(b"mdhd", &mdhd), full(b"hdlr", &hdlr), minf].concat(),
    );
    let trak = bx(b"trak", &[tkhd_box, mdia].concat());
    let moov = bx(b"moov", &[full(b"mvhd", &mvhd), trak].concat());
    let ftyp = bx(b"ftyp", b"isom\0\0\x02\0isomiso2mp41");
    let mdat = bx(b"mdat", &vec![0u8; 100_000]);
    if mdat_first {
        [ftyp, mdat, moov].concat()
    } else {
        [ftyp, moov, mdat].concat()
    }
}

#[test]
fn synthetic_mp4_duration_and_fps_boundaries() {
    let o = video_op();
    let check =
        |bytes: Vec<u8>| validate::check(&o, &no_params(), &[("video", Media::Bytes(&bytes))]);
    // timescale 30000: exact boundaries.
    assert!(check(synthetic_mp4(30000, 240_000, 240, true)).is_ok()); // 8.000 s, 30 fps
    assert!(check(synthetic_mp4(30000, 30_000, 10, false)).is_ok()); // 1.000 s, 10 fps
    err_has(
        check(synthetic_mp4(30000, 240_030, 240, true)),
        &["duration 8001 ms exceeds the 8000 ms limit"],
    );
    err_has(
        check(synthetic_mp4(30000, 29_970, 10, true)),
        &["duration 999 ms is below the 1000 ms minimum"],
    );
    err_has(
        check(synthetic_mp4(30000, 60_000, 61, true)),
        &["frame rate 30.500 fps exceeds the maximum of 30 fps"],
    );
    err_has(
        check(synthetic_mp4(30000, 60_000, 19, true)),
        &["frame rate 9.500 fps is below the minimum of 10 fps"],
    );
    let info = video::probe(&synthetic_mp4(90000, 270_000, 45, true)).unwrap();
    assert_eq!(
        (info.container, info.duration_ms, info.frames),
        (MediaFormat::Mp4, 3000, 45)
    );
    assert!((info.fps - 15.0).abs() < 1e-9);
}

#[test]
fn broken_videos_are_invalid_input_not_panics() {
    let o = video_op();
    let good = read("video_2s_15fps.mp4");
    for cut in [8, 40, 200, good.len() / 2, good.len() - 1] {
        let r = validate::check(&o, &no_params(), &[("video", Media::Bytes(&good[..cut]))]);
        err_has(r, &["video"]);
    }
    let mut no_moov = synthetic_mp4(30000, 60_000, 30, true);
    let at = no_moov.windows(4).position(|w| w == b"moov").unwrap();
    no_moov[at..at + 4].copy_from_slice(b"free");
    err_has(
        validate::check(&o, &no_params(), &[("video", Media::Bytes(&no_moov))]),
        &["video", "no 'moov' box"],
    );
}

// ---------- sequences and presence ----------

fn sequence_op() -> Operation {
    op(
        vec![field(
            "imageContent",
            FieldKind::ImageSequence {
                prefix: "image",
                suffix: "Content",
            },
            true,
            Limits {
                formats: &[MediaFormat::Jpeg],
                min_count: Some(3),
                max_count: Some(5),
                ..Limits::NONE
            },
        )],
        &[],
    )
}

#[test]
fn sequence_frame_counts_and_names() {
    let o = sequence_op();
    let j = read("image_32x24.jpg");
    let p = read("image_20x10.png");
    let frames = |n: usize| vec![("imageContent", Media::Bytes(&j)); n];
    assert!(validate::check(&o, &no_params(), &frames(3)).is_ok());
    assert!(validate::check(&o, &no_params(), &frames(5)).is_ok());
    err_has(
        validate::check(&o, &no_params(), &frames(2)),
        &[
            "imageContent",
            "2 frames are fewer than the minimum of 3 (3–5)",
        ],
    );
    err_has(
        validate::check(&o, &no_params(), &frames(6)),
        &["imageContent", "6 frames exceed the maximum of 5 (3–5)"],
    );
    // Numbered wire names, any order; a bad frame is named by its wire name.
    let numbered = [
        ("image3Content", Media::Bytes(&p)),
        ("image1Content", Media::Bytes(&j)),
        ("image2Content", Media::Bytes(&j)),
    ];
    err_has(
        validate::check(&o, &no_params(), &numbered),
        &["image3Content: format png"],
    );
    let gap = [
        ("image1Content", Media::Bytes(&j)),
        ("image2Content", Media::Bytes(&j)),
        ("image4Content", Media::Bytes(&j)),
    ];
    err_has(
        validate::check(&o, &no_params(), &gap),
        &["image4Content", "numbered 1..=3"],
    );
}

#[test]
fn unknown_required_and_one_of() {
    let o = op(
        vec![
            field("image", FieldKind::Image, false, Limits::NONE),
            field("url", FieldKind::Url, false, Limits::NONE),
            field("threshold", FieldKind::Number, true, Limits::NONE),
            Field {
                default: Some("0.5"),
                ..field("limit", FieldKind::Number, true, Limits::NONE)
            },
        ],
        &[&["image", "url"]],
    );
    let j = read("image_32x24.jpg");
    let img = [("image", Media::Bytes(&j))];
    assert!(validate::check(&o, &params(json!({"threshold": 0.1})), &img).is_ok());
    assert!(validate::check(
        &o,
        &params(json!({"threshold": 0.1, "url": "https://a.example/x.jpg"})),
        &[]
    )
    .is_ok());
    err_has(
        validate::check(
            &o,
            &params(json!({"threshold": 0.1, "colour": 1, "size": 2})),
            &img,
        ),
        &[
            "colour, size: unknown fields for test.op",
            "(parameters: url, threshold, limit)",
        ],
    );
    err_has(
        validate::check(&o, &no_params(), &img),
        &["threshold: required by test.op but not given"],
    );
    err_has(
        validate::check(&o, &params(json!({"threshold": 0.1})), &[]),
        &["image | url", "exactly one", "got none"],
    );
    err_has(
        validate::check(
            &o,
            &params(json!({"threshold": 0.1, "url": "https://a.example/"})),
            &img,
        ),
        &["image | url", "got image and url"],
    );
    err_has(
        validate::check(&o, &params(json!({"threshold": 0.1, "image": "AAAA"})), &[]),
        &["image", "is a media field"],
    );
    err_has(
        validate::check(&o, &params(json!({})), &[("threshold", Media::Bytes(&j))]),
        &["threshold", "not a media field"],
    );
    err_has(
        validate::check(
            &o,
            &params(json!({"threshold": 0.1})),
            &[("photo", Media::Bytes(&j))],
        ),
        &["photo", "unknown media field"],
    );
    err_has(
        validate::check(
            &o,
            &params(json!({"threshold": 0.1})),
            &[("image", Media::Bytes(&j)), ("image", Media::Bytes(&j))],
        ),
        &["image", "takes one item, got 2"],
    );
}

// ---------- scalar parameters ----------

fn scalar_op() -> Operation {
    op(
        vec![
            field(
                "FaceThresh",
                FieldKind::Number,
                false,
                Limits {
                    min_value: Some(0.0),
                    max_value: Some(1.0),
                    ..Limits::NONE
                },
            ),
            field(
                "topK",
                FieldKind::Integer,
                false,
                Limits {
                    min_value: Some(1.0),
                    max_value: Some(64.0),
                    ..Limits::NONE
                },
            ),
            field("NeedFaceAngle", FieldKind::Bool, false, Limits::NONE),
            field(
                "ActionType",
                FieldKind::Enum(&["1", "2", "blink"]),
                false,
                Limits::NONE,
            ),
            field(
                "fullName",
                FieldKind::Text,
                false,
                Limits {
                    min_len: Some(2),
                    max_len: Some(4),
                    ..Limits::NONE
                },
            ),
            field(
                "phone",
                FieldKind::Text,
                false,
                Limits {
                    pattern: Some(TextPattern::Digits),
                    ..Limits::NONE
                },
            ),
            field(
                "idNum",
                FieldKind::Text,
                false,
                Limits {
                    pattern: Some(TextPattern::ChineseIdNumber),
                    ..Limits::NONE
                },
            ),
            field("url", FieldKind::Url, false, Limits::NONE),
        ],
        &[],
    )
}

fn check_params(v: Value) -> Result<()> {
    validate::check(&scalar_op(), &params(v), &[])
}

#[test]
fn number_and_integer_ranges() {
    assert!(check_params(json!({"FaceThresh": 0.0, "topK": 1})).is_ok());
    assert!(check_params(json!({"FaceThresh": 1.0, "topK": 64})).is_ok());
    assert!(check_params(json!({"FaceThresh": 1})).is_ok());
    err_has(
        check_params(json!({"FaceThresh": 1.0001})),
        &["FaceThresh: value 1.0001 exceeds the maximum of 1 (0–1)"],
    );
    err_has(
        check_params(json!({"FaceThresh": -0.1})),
        &["FaceThresh", "below the minimum of 0"],
    );
    err_has(
        check_params(json!({"topK": 65})),
        &["topK: value 65 exceeds the maximum of 64 (1–64)"],
    );
    err_has(
        check_params(json!({"topK": 0})),
        &["topK", "below the minimum of 1"],
    );
    err_has(
        check_params(json!({"topK": 2.5})),
        &["topK: expected an integer, got a number"],
    );
    err_has(
        check_params(json!({"FaceThresh": "0.5"})),
        &["FaceThresh: expected a number, got a string"],
    );
    err_has(
        check_params(json!({"NeedFaceAngle": 1})),
        &["NeedFaceAngle: expected a boolean, got an integer"],
    );
    assert!(check_params(json!({"NeedFaceAngle": true})).is_ok());
    err_has(
        check_params(json!({"topK": null})),
        &["topK: expected an integer, got null"],
    );
}

#[test]
fn enums_texts_and_patterns() {
    assert!(check_params(json!({"ActionType": "blink"})).is_ok());
    assert!(check_params(json!({"ActionType": 2})).is_ok());
    err_has(
        check_params(json!({"ActionType": "3"})),
        &["ActionType: \"3\" is not one of \"1\", \"2\", \"blink\""],
    );
    err_has(
        check_params(json!({"ActionType": ["1"]})),
        &["ActionType", "expected one of the listed values"],
    );
    // Length counts characters, not bytes.
    assert!(check_params(json!({"fullName": "张三"})).is_ok());
    assert!(check_params(json!({"fullName": "欧阳娜娜"})).is_ok());
    err_has(
        check_params(json!({"fullName": "欧阳娜娜娜"})),
        &["fullName: length 5 characters exceeds the maximum of 4 (2–4 characters)"],
    );
    err_has(
        check_params(json!({"fullName": "张"})),
        &["fullName", "length 1 characters is below the minimum of 2"],
    );
    assert!(check_params(json!({"phone": "13800138000"})).is_ok());
    err_has(
        check_params(json!({"phone": "138-0013"})),
        &["phone", "digits 0-9 only"],
    );
    err_has(check_params(json!({"phone": ""})), &["phone", "digits"]);
    assert!(check_params(json!({"url": "https://example.org/a.jpg?sig=1"})).is_ok());
    err_has(
        check_params(json!({"url": "file:///etc/passwd"})),
        &["url", "http:// or https://"],
    );
}

// ---------- ID numbers ----------

#[test]
fn id_numbers_valid_with_digit_and_x_check_characters() {
    // Check characters computed with an independent Python one-liner (see report).
    for id in [
        "11010519491231002X",
        "44030419850615100X",
        "440304198506151237",
        "310101200002294569",
        "510107199912310011",
    ] {
        assert!(idnum::check(id).is_ok(), "{id}");
        assert!(check_params(json!({"idNum": id})).is_ok(), "{id}");
    }
}

#[test]
fn id_numbers_rejected_without_echoing_them() {
    let cases: [(&str, &str); 8] = [
        ("110105194912310021", "does not match the GB 11643 checksum"),
        ("440304198506151238", "does not match the GB 11643 checksum"),
        ("11010519491231002x", "upper-case 'X'"),
        (
            "11010519491231002",
            "must be 18 characters (GB 11643), got 17",
        ),
        (
            "11010519491231002X1",
            "must be 18 characters (GB 11643), got 19",
        ),
        ("1101051949123100AX", "character 17 must be a digit"),
        (
            "110105199002301231",
            "birth date 1990-02-30 is not a calendar date",
        ),
        ("110105203001011231", "birth date 2030-01-01 is outside"),
    ];
    for (id, why) in cases {
        let e = check_params(json!({"idNum": id})).expect_err(id);
        assert_eq!(e.kind(), ErrorKind::InvalidInput);
        assert!(e.message().starts_with("idNum: "), "{}", e.message());
        assert!(e.message().contains(why), "{id}: {}", e.message());
        assert!(
            !e.message().contains(&id[..17]),
            "message leaks the number: {}",
            e.message()
        );
    }
}

// ---------- polygons (electronic fence) ----------

fn fence_op() -> Operation {
    op(
        vec![
            field(
                "image",
                FieldKind::ImageList,
                true,
                Limits {
                    max_count: Some(32),
                    min_count: Some(1),
                    ..Limits::NONE
                },
            ),
            field(
                "area",
                FieldKind::Polygon,
                true,
                Limits {
                    min_count: Some(4),
                    max_count: Some(9),
                    ..Limits::NONE
                },
            ),
        ],
        &[],
    )
}

#[test]
fn polygon_bounds_against_every_image() {
    let o = fence_op();
    let big = png(1920, 1080);
    let small = png(1280, 720);
    let imgs = [
        ("image", Media::Bytes(&big)),
        ("image", Media::Bytes(&small)),
    ];
    // Edge points (x == width, y == height) are inside, as in the manual's example.
    let edge = params(json!({"area": "0,0,1280,0,1280,720,0,720"}));
    assert!(validate::check(&o, &edge, &imgs).is_ok());
    let edge_array = params(json!({"area": [[0, 0], [1280, 0], [1280, 720], [0, 720]]}));
    assert!(validate::check(&o, &edge_array, &imgs).is_ok());
    let manual = params(json!({"area": "0,0,1920,0,1920,1080,0,1080"}));
    assert!(validate::check(&o, &manual, &imgs[..1]).is_ok());
    err_has(
        validate::check(&o, &manual, &imgs),
        &["area: point 1 (1920, 0) lies outside image[1] (1280x720 pixels)"],
    );
    let beyond = params(json!({"area": "0,0,1281,0,1281,720,0,720"}));
    err_has(
        validate::check(&o, &beyond, &imgs),
        &["area", "(1281, 0)", "image[1]"],
    );
    let below = params(json!({"area": "0,0,10,0,10,721,0,721"}));
    err_has(
        validate::check(&o, &below, &imgs),
        &["area", "(10, 721)", "outside image[1]"],
    );
    let negative = params(json!({"area": "-1,0,10,0,10,10,0,10"}));
    err_has(
        validate::check(&o, &negative, &imgs),
        &["area", "negative coordinate"],
    );
}

#[test]
fn polygon_point_counts_and_degeneracy() {
    let o = fence_op();
    let img = png(100, 100);
    let imgs = [("image", Media::Bytes(&img))];
    let ring = |n: usize| -> Value {
        // n points on a convex arc inside 100x100.
        let pts: Vec<Value> = (0..n)
            .map(|i| {
                let a = i as f64 / n as f64 * std::f64::consts::TAU;
                json!([
                    (50.0 + 40.0 * a.cos()).round() as i64,
                    (50.0 + 40.0 * a.sin()).round() as i64
                ])
            })
            .collect();
        json!({ "area": pts })
    };
    assert!(validate::check(&o, &params(ring(4)), &imgs).is_ok());
    assert!(validate::check(&o, &params(ring(9)), &imgs).is_ok());
    err_has(
        validate::check(&o, &params(ring(3)), &imgs),
        &["area: 3 points are fewer than the minimum of 4 (4–9)"],
    );
    err_has(
        validate::check(&o, &params(ring(10)), &imgs),
        &["area: 10 points exceed the maximum of 9 (4–9)"],
    );
    let flat = params(json!({"area": "0,0,10,10,20,20,30,30"}));
    err_has(validate::check(&o, &flat, &imgs), &["area", "degenerate"]);
    err_has(
        validate::check(&o, &params(json!({"area": "0,0,a,1"})), &imgs),
        &["area", "point 1"],
    );
    err_has(
        validate::check(&o, &params(json!({"area": 5})), &imgs),
        &["area", "got an integer"],
    );
    // The public pieces agree with the engine.
    let pts = polygon::parse("area", &json!("0,0,100,0,100,100,0,100")).unwrap();
    assert!(polygon::check(
        "area",
        &pts,
        &Limits::NONE,
        &[("image[0]".into(), (100, 100))]
    )
    .is_ok());
    assert!(polygon::check(
        "area",
        &pts,
        &Limits::NONE,
        &[("image[0]".into(), (99, 100))]
    )
    .is_err());
}

// ---------- URL / data URI lists ----------

fn data_op() -> Operation {
    op(
        vec![field(
            "data",
            FieldKind::UrlOrDataUriList,
            true,
            Limits {
                max_count: Some(3),
                max_bytes: Some(1000),
                formats: &[MediaFormat::Jpeg, MediaFormat::Png],
                ..Limits::NONE
            },
        )],
        &[],
    )
}

#[test]
fn data_uri_lists() {
    use base64::Engine;
    let o = data_op();
    let jpeg = read("image_32x24.jpg");
    let url_safe = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&jpeg);
    let standard = base64::engine::general_purpose::STANDARD.encode(&jpeg);
    let ok = params(json!({"data": [
        "https://example.org/example.png",
        format!("data:application/octet-stream;base64, {url_safe}"),
        format!("data:application/octet-stream;base64,{standard}"),
    ]}));
    assert!(validate::check(&o, &ok, &[]).is_ok());
    let four = params(
        json!({"data": ["https://a.example/1", "https://a.example/2", "https://a.example/3", "https://a.example/4"]}),
    );
    err_has(
        validate::check(&o, &four, &[]),
        &["data: 4 items exceed the maximum of 3"],
    );
    let wrong_prefix = params(json!({"data": [format!("data:image/jpeg;base64,{standard}")]}));
    err_has(
        validate::check(&o, &wrong_prefix, &[]),
        &["data[0]", "data:application/octet-stream;base64,"],
    );
    let bad_b64 = params(
        json!({"data": ["https://a.example/1", "data:application/octet-stream;base64,@@@@"]}),
    );
    err_has(
        validate::check(&o, &bad_b64, &[]),
        &["data[1]", "not valid base64"],
    );
    let gif = base64::engine::general_purpose::STANDARD.encode(read("image_9x7.gif"));
    let gif = params(json!({"data": [format!("data:application/octet-stream;base64,{gif}")]}));
    err_has(
        validate::check(&o, &gif, &[]),
        &["data[0]: format gif is not accepted"],
    );
    let big = base64::engine::general_purpose::STANDARD.encode(jpeg_of_len(1001));
    let big = params(json!({"data": [format!("data:application/octet-stream;base64,{big}")]}));
    err_has(
        validate::check(&o, &big, &[]),
        &["data[0]: size 1001 bytes exceeds the 1000-byte limit"],
    );
    let exact = base64::engine::general_purpose::STANDARD.encode(jpeg_of_len(1000));
    let exact = params(json!({"data": [format!("data:application/octet-stream;base64,{exact}")]}));
    assert!(validate::check(&o, &exact, &[]).is_ok());
    let ftp = params(json!({"data": ["ftp://a.example/1"]}));
    err_has(
        validate::check(&o, &ftp, &[]),
        &["data[0]", "http:// or https://"],
    );
    err_has(
        validate::check(&o, &params(json!({"data": "https://a.example/"})), &[]),
        &["data", "expected an array"],
    );
}
