//! The `musalaha` binary: parse arguments, run, report. All logic is in the library.

use clap::Parser;
use musalaha::cli;
use musalaha::output::Output;
use std::process::ExitCode;

fn main() -> ExitCode {
    // A bug must not show users a Rust panic message or backtrace.
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("musalaha: internal error ({what}{at}); this is a bug, please report it with the command you ran");
    }));
    let args = cli::Cli::parse();
    let stdout = std::io::stdout();
    let mut writer = std::io::BufWriter::new(stdout.lock());
    let mut out = Output::new(&mut writer, "standard output");
    out.table_width = cli::table_width();
    // A panic (a bug) has been reported by the hook; it ends as a failure
    // (exit code 1), not with Rust's 101.
    let result = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        cli::run(&args, &mut out).and_then(|()| Ok(out.flush()?))
    })) {
        Ok(r) => r,
        Err(_) => {
            drop(writer.into_parts());
            return ExitCode::from(1);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => match cli::words::describe(&e) {
            // The reader went away (`musalaha … | head`): not an error.
            None => ExitCode::SUCCESS,
            Some((message, code)) => {
                // Nothing half-written goes out after an error.
                drop(writer.into_parts());
                eprintln!("musalaha: {message}");
                ExitCode::from(code)
            }
        },
    }
}
