//! The `whosaid` command: parse arguments, run, map the outcome to an exit code (0 all inputs processed, 1 some
//! failed, 2 usage error). A closed pipe (`whosaid ... | head`) ends the run quietly.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
