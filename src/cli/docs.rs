//! `whosaid completions SHELL` and `whosaid man`: shell completion scripts (clap_complete) and manual pages
//! (clap_mangen), both generated from the same command-line definition as `--help`, so they never drift from
//! it.

use std::path::PathBuf;

use clap::{Args, CommandFactory};
use clap_complete::Shell;
use whosaid::Error;

use super::{Cli, Outcome, print};

pub const COMPLETION_EXAMPLES: &str = "Examples:\n  \
    whosaid completions bash > ~/.local/share/bash-completion/completions/whosaid\n  \
    whosaid completions zsh > ~/.zfunc/_whosaid        # with fpath+=~/.zfunc before compinit in ~/.zshrc\n  \
    whosaid completions fish > ~/.config/fish/completions/whosaid.fish";

pub const MAN_EXAMPLES: &str = "Examples:\n  \
    whosaid man | man -l -                           # read it now\n  \
    whosaid man extract | man -l -                   # the page of one command\n  \
    whosaid man --out-dir ~/.local/share/man/man1     # whosaid.1, whosaid-extract.1, ... for man whosaid";

#[derive(Args)]
pub struct CompletionArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    shell: Shell,
}

#[derive(Args)]
pub struct ManArgs {
    /// The command whose page to print (extract, eval, gazetteer, completions, man); without it, whosaid's.
    #[arg(value_name = "COMMAND", conflicts_with = "out_dir")]
    command: Option<String>,
    /// Write every page (whosaid.1 and one per command, such as whosaid-extract.1) into DIR instead.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
}

pub fn completions(args: CompletionArgs) -> whosaid::Result<Outcome> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "whosaid", &mut script);
    print(format_args!("{}", String::from_utf8_lossy(&script)))?;
    Ok(Outcome::AllProcessed)
}

/// The pages: whosaid's own, then one per command (and per `gazetteer` command), named as `man` finds them.
fn pages() -> Vec<(String, clap::Command)> {
    let root = Cli::command().name("whosaid");
    let mut pages = vec![("whosaid".to_owned(), root.clone())];
    for sub in root.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("whosaid-{}", sub.get_name());
        pages.push((name.clone(), sub.clone().name(name.clone())));
        for nested in sub.get_subcommands().filter(|s| s.get_name() != "help") {
            let nested_name = format!("{name}-{}", nested.get_name());
            pages.push((nested_name.clone(), nested.clone().name(nested_name.clone())));
        }
    }
    pages
}

/// One page in roff.
fn render(command: clap::Command) -> whosaid::Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command.version(env!("CARGO_PKG_VERSION")))
        .render(&mut page)
        .map_err(|e| Error::internal(format!("cannot render the manual page: {e}")))?;
    Ok(page)
}

pub fn man(args: ManArgs) -> whosaid::Result<Outcome> {
    let pages = pages();
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).map_err(|e| Error::output_io(dir, e))?;
        for (name, command) in pages {
            let path = dir.join(format!("{name}.1"));
            std::fs::write(&path, render(command)?).map_err(|e| Error::output_io(&path, e))?;
        }
        return Ok(Outcome::AllProcessed);
    }
    let wanted = match &args.command {
        None => "whosaid".to_owned(),
        Some(command) => format!("whosaid-{}", command.replace(' ', "-")),
    };
    let Some((_, command)) = pages.into_iter().find(|(name, _)| *name == wanted) else {
        return Err(Error::usage(format!("no manual page for {:?}", args.command.unwrap_or_default())));
    };
    print(format_args!("{}", String::from_utf8_lossy(&render(command)?)))?;
    Ok(Outcome::AllProcessed)
}
