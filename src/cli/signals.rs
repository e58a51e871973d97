//! Interruption: on Ctrl-C (SIGINT), SIGTERM or SIGHUP a run removes the output files it was still writing
//! under their temporary names, then ends as the signal would have ended it (so a shell sees 130 for Ctrl-C).
//! Outputs already in place, from this run or an earlier one, are left as they are.

/// Starts a thread that waits for SIGINT, SIGTERM and SIGHUP and cleans up when one comes. Without it (or
/// where it cannot start) the signal ends the process at once, as before.
pub fn remove_unfinished_files_on_interrupt() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        let _ = std::thread::Builder::new().name("signals".into()).spawn(move || {
            if let Some(signal) = signals.forever().next() {
                whosaid::output::remove_unfinished_files();
                // end as the signal would: the default action, with the usual exit status
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    }
}
