//! Accept loop plus a fixed pool of worker threads; each worker serves one
//! connection at a time (keep-alive until idle or `Connection: close`).

use crate::admin::{self, ADMIN_PREFIX};
use crate::handler::{self, Outcome};
use crate::http::{read_request, write_response, ReadError, Response};
use crate::state::State;
use serde_json::json;
use std::io::BufReader;
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// A running server: its threads and the flag that stops them.
#[derive(Debug)]
pub struct Server {
    pub port: u16,
    stop: Arc<AtomicBool>,
    threads: Vec<JoinHandle<()>>,
}

impl Server {
    /// Binds 127.0.0.1:`port` and starts serving `state`.
    pub fn start(state: Arc<State>) -> std::io::Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", state.config.port))?;
        let port = listener.local_addr()?.port();
        let stop = Arc::new(AtomicBool::new(false));
        let (tx, rx) = mpsc::channel::<TcpStream>();
        let rx = Arc::new(Mutex::new(rx));
        let mut threads = Vec::new();
        for i in 0..state.config.workers.max(1) {
            let (rx, state, stop) = (Arc::clone(&rx), Arc::clone(&state), Arc::clone(&stop));
            threads.push(
                std::thread::Builder::new()
                    .name(format!("cnvision-emulator-worker-{i}"))
                    .spawn(move || worker(&rx, &state, &stop, port))?,
            );
        }
        let accept_stop = Arc::clone(&stop);
        threads.push(
            std::thread::Builder::new()
                .name("cnvision-emulator-accept".into())
                .spawn(move || {
                    for conn in listener.incoming() {
                        if accept_stop.load(Ordering::SeqCst) {
                            break;
                        }
                        if let Ok(stream) = conn {
                            if tx.send(stream).is_err() {
                                break;
                            }
                        }
                    }
                    // Dropping `tx` wakes every idle worker so it can exit.
                })?,
        );
        Ok(Server {
            port,
            stop,
            threads,
        })
    }

    /// Stops accepting, lets in-flight requests finish, joins every thread.
    pub fn shutdown(&mut self) {
        if self.stop.swap(true, Ordering::SeqCst) {
            return;
        }
        // Wake the accept loop with one last connection.
        let _ =
            TcpStream::connect_timeout(&([127, 0, 0, 1], self.port).into(), Duration::from_secs(1));
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

fn worker(rx: &Mutex<Receiver<TcpStream>>, state: &State, stop: &AtomicBool, port: u16) {
    loop {
        let next = crate::counters::lock(rx).recv();
        let Ok(stream) = next else { return };
        if stop.load(Ordering::SeqCst) {
            return;
        }
        serve_connection(stream, state, stop, port);
    }
}

fn serve_connection(stream: TcpStream, state: &State, stop: &AtomicBool, port: u16) {
    let _ = stream.set_read_timeout(Some(Duration::from_millis(
        state.config.keep_alive_ms.max(1),
    )));
    let _ = stream.set_nodelay(true);
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    while !stop.load(Ordering::SeqCst) {
        let req = match read_request(&mut reader, state.config.max_body_bytes) {
            Ok(req) => req,
            Err(ReadError::Closed) | Err(ReadError::Io) => break,
            Err(ReadError::Malformed(why)) => {
                let _ = write_response(
                    &mut writer,
                    &Response::json(400, &json!({"error": why})),
                    true,
                );
                break;
            }
            Err(ReadError::TooLarge) => {
                let _ = write_response(
                    &mut writer,
                    &Response::json(413, &json!({"error": "request body too large"})),
                    true,
                );
                break;
            }
        };
        let outcome = if req.path.starts_with(ADMIN_PREFIX) {
            Outcome::Respond(admin::answer(state, &req, port))
        } else {
            handler::handle(state, &req)
        };
        match outcome {
            Outcome::Respond(resp) => {
                if write_response(&mut writer, &resp, req.close).is_err() || req.close {
                    break;
                }
            }
            Outcome::Reset => {
                let _ = writer.shutdown(Shutdown::Both);
                return;
            }
        }
    }
    let _ = writer.shutdown(Shutdown::Both);
}
