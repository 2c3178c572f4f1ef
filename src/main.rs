//! Entry point: command-line parsing, then either a headless command or the app window.

use clap::Parser as _;
use scm_crm_studio::cli::{Cli, Command, print_check};

fn main() -> std::process::ExitCode {
    env_logger::init();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { file, json }) => {
            let code = print_check(&file, json, &mut std::io::stdout().lock());
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(1))
        }
        None => match scm_crm_studio::ui::run(cli.file) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                log::error!("could not start the window: {e}");
                #[expect(
                    clippy::print_stderr,
                    reason = "the window could not open, so the terminal is all we have"
                )]
                {
                    eprintln!("scm-crm-studio: could not open a window: {e}");
                }
                std::process::ExitCode::from(1)
            }
        },
    }
}
