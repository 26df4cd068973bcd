//! The `musalaha` binary: parse arguments, run, report. All logic is in the library.

use clap::Parser;
use musalaha::cli;
use musalaha::output::Output;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let stdout = std::io::stdout();
    let mut writer = std::io::BufWriter::new(stdout.lock());
    let mut out = Output::new(&mut writer, "standard output");
    out.table_width = cli::table_width();
    let result = cli::run(&args, &mut out).and_then(|()| Ok(out.flush()?));
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
