//! Entry point: command-line parsing, then either a headless command or the app window.

use clap::Parser as _;
use scm_crm_studio::cli::{Cli, Command, ImportArgs, print_check, run_diff, run_import};

fn main() -> std::process::ExitCode {
    env_logger::init();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { file, json }) => {
            let code = print_check(&file, json, &mut std::io::stdout().lock());
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(1))
        }
        Some(Command::Diff { a, b, json }) => {
            let code = run_diff(&a, &b, json, &mut std::io::stdout().lock());
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
        Some(Command::Import {
            kind,
            input,
            into,
            map,
            date_format,
            reference_date,
            sheet,
            encoding,
            decimal_comma,
        }) => {
            let today = chrono::Local::now().date_naive();
            let args = ImportArgs {
                kind,
                input: &input,
                into: &into,
                map: &map,
                date_format: &date_format,
                reference_date: reference_date.unwrap_or(today),
                sheet: sheet.as_deref(),
                encoding,
                decimal_comma,
                today,
            };
            let code = run_import(&args, &mut std::io::stdout().lock());
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
