//! `musalaha completions SHELL`: a completion script for the shell, with the
//! value lists of every flag (measures, relations, kinds, roles, …).

use crate::output::Output;
use clap::CommandFactory;
use clap_complete::Shell;

/// Arguments of `musalaha completions`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  musalaha completions bash > ~/.local/share/bash-completion/completions/musalaha
  musalaha completions zsh > ~/.zfunc/_musalaha
  musalaha completions fish > ~/.config/fish/completions/musalaha.fish")]
pub struct Args {
    /// The shell.
    pub shell: Shell,
}

/// Runs the command.
pub fn run(args: &Args, out: &mut Output) -> anyhow::Result<()> {
    let mut cmd = super::Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "musalaha", &mut buf);
    Ok(out.text(&String::from_utf8_lossy(&buf))?)
}
