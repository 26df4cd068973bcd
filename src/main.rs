fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.iter().position(|a| a == "--data").and_then(|i| args.get(i + 1)).map(std::path::PathBuf::from);
    match musalaha::load::load(dir.as_deref()) {
        Ok(ds) => println!("ok: {} actors, {} places, {} agreements", ds.actors.len(), ds.places.len(), ds.agreements.len()),
        Err(e) => { eprintln!("{e}"); std::process::exit(e.exit_code()) }
    }
}
