#!/usr/bin/env python3
"""Regenerate the tiny media fixtures under tests/fixtures/media/.

Independent producers (Pillow for images, ffmpeg for videos/audio, the stdlib
`wave` module for WAV) so the validator is tested against files it did not make.
Needs: `pip install Pillow` and an `ffmpeg` binary. Tests only read the committed
outputs; neither tool is needed at test time.

Usage: python3 scripts/gen_media_fixtures.py
"""
import io
import pathlib
import shutil
import subprocess
import wave

from PIL import Image

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "media"


def images():
    img = Image.new("RGB", (32, 24), (200, 30, 30))
    for fmt, ext, size in [
        ("JPEG", "jpg", (32, 24)),
        ("PNG", "png", (20, 10)),
        ("BMP", "bmp", (8, 6)),
        ("GIF", "gif", (9, 7)),
        ("WEBP", "webp", (12, 5)),
        ("TIFF", "tif", (7, 3)),
    ]:
        img.resize(size).save(OUT / f"image_{size[0]}x{size[1]}.{ext}", fmt)
    # A JPEG whose name claims PNG: sniffing must say JPEG.
    shutil.copy(OUT / "image_32x24.jpg", OUT / "jpeg_named.png")
    # A JPEG with a 20 KB EXIF-like APP1 segment before the frame header, so the
    # dimensions are not within the first few KB.
    buf = io.BytesIO()
    img.resize((640, 480)).save(buf, "JPEG", quality=10, exif=b"Exif\x00\x00" + b"\x00" * 20000)
    (OUT / "image_640x480_exif.jpg").write_bytes(buf.getvalue())


def ffmpeg(*args):
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True)


def videos():
    # name, container args, seconds, fps
    for name, secs, fps, extra in [
        ("video_2s_15fps.mp4", 2, 15, ["-c:v", "libx264", "-pix_fmt", "yuv420p"]),
        ("video_1s_10fps.mp4", 1, 10, ["-c:v", "libx264", "-pix_fmt", "yuv420p"]),
        ("video_8s_30fps.mp4", 8, 30, ["-c:v", "libx264", "-pix_fmt", "yuv420p"]),
        ("video_9s_15fps.mp4", 9, 15, ["-c:v", "libx264", "-pix_fmt", "yuv420p"]),
        ("video_2s_5fps.mp4", 2, 5, ["-c:v", "libx264", "-pix_fmt", "yuv420p"]),
        ("video_2s_50fps.mp4", 2, 50, ["-c:v", "libx264", "-pix_fmt", "yuv420p"]),
        ("video_2s_15fps.mov", 2, 15, ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-f", "mov"]),
        ("video_2s_15fps.avi", 2, 15, ["-c:v", "mpeg4", "-q:v", "31"]),
    ]:
        ffmpeg(
            "-f", "lavfi", "-i", f"color=c=red:s=16x16:r={fps}:d={secs}",
            "-an", *extra, str(OUT / name),
        )
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=0.2", "-c:a", "libmp3lame",
           "-b:a", "32k", str(OUT / "audio_0.2s.mp3"))
    with wave.open(str(OUT / "audio_0.1s.wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(8000)
        w.writeframes(bytes(800))


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    images()
    videos()
    total = sum(p.stat().st_size for p in OUT.iterdir())
    print(f"{len(list(OUT.iterdir()))} files, {total} bytes")
