//! `cnvision-emulator --port N`: serve every gateway on 127.0.0.1 until killed.
//! The first stdout line is `listening http://127.0.0.1:PORT`.

use cnvision_emulator::{Emulator, EmulatorConfig};
use std::io::Write;

const HELP: &str = "\
cnvision-emulator: local CTyun + Huawei Cloud vision gateway for offline tests

USAGE: cnvision-emulator [--port N] [--workers N] [--clock-offset SECS]

  --port N            port on 127.0.0.1 (default 0: pick a free one)
  --workers N         connection worker threads (default 16)
  --clock-offset SECS shift the clock request dates are judged by
  -h, --help          this text

Prints `listening http://127.0.0.1:PORT` as the first stdout line, then serves
until killed. Admin interface: /__emulator/{health,config,counts,reset,faults,clock,catalog}.
Test credentials: GET /__emulator/config, or notes/emulator.md.";

fn main() {
    let mut config = EmulatorConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| -> String {
            args.next()
                .unwrap_or_else(|| fail(&format!("{name} needs a value")))
        };
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{HELP}");
                return;
            }
            "--port" => {
                config.port = value("--port")
                    .parse()
                    .unwrap_or_else(|_| fail("--port: not a port number"))
            }
            "--workers" => {
                config.workers = value("--workers")
                    .parse()
                    .unwrap_or_else(|_| fail("--workers: not a number"))
            }
            "--clock-offset" => {
                config.clock_offset_secs = value("--clock-offset")
                    .parse()
                    .unwrap_or_else(|_| fail("--clock-offset: not an integer"))
            }
            other => fail(&format!("unknown argument {other} (try --help)")),
        }
    }
    let emulator = Emulator::start(config).unwrap_or_else(|e| fail(&e.to_string()));
    let mut out = std::io::stdout();
    let _ = writeln!(out, "listening {}", emulator.base_url());
    let _ = out.flush();
    loop {
        std::thread::park();
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("cnvision-emulator: {msg}");
    std::process::exit(2);
}
