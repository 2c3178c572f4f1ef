//! Entry point: command-line parsing, then either a headless command or the app window.

use clap::Parser as _;
use scm_crm_studio::cli::outputs::{
    ChartArgs, ExportCustomersArgs, ExportPlanArgs, ReportArgs, run_chart, run_export_customers,
    run_export_plan, run_report,
};
use scm_crm_studio::cli::{
    Cli, Command, ExportCommand, ImportArgs, print_check, run_advise, run_diff, run_import, run_segments,
};
use scm_crm_studio::ui::offscreen::Offscreen;

fn exit(code: i32) -> std::process::ExitCode {
    std::process::ExitCode::from(u8::try_from(code).unwrap_or(1))
}

fn main() -> std::process::ExitCode {
    // Errors only, unless RUST_LOG asks for more. wgpu's EGL probe of drivers that are not
    // there is left out (the next backend is tried). eframe's own "Exiting because of error" is
    // left out by default: the user gets one sentence in their language below instead.
    env_logger::Builder::from_env(
        env_logger::Env::default().default_filter_or("error,eframe::native::run=off,wgpu_hal::gles::egl=off"),
    )
    .init();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { file, json }) => {
            let code = print_check(&file, json, &mut std::io::stdout().lock());
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(1))
        }
        Some(Command::Advise {
            file,
            dispute,
            today,
            json,
        }) => {
            let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
            let code = run_advise(&file, &dispute, today, json, &mut std::io::stdout().lock());
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(1))
        }
        Some(Command::Diff { a, b, json }) => {
            let code = run_diff(&a, &b, json, &mut std::io::stdout().lock());
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
        Some(Command::Segments { file, json }) => {
            let code = run_segments(&file, json, &mut std::io::stdout().lock());
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(1))
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
            dry_run,
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
                dry_run,
                today,
            };
            let code = run_import(&args, &mut std::io::stdout().lock());
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(1))
        }
        Some(Command::Report {
            file,
            format,
            lang,
            out,
            sections,
            today,
        }) => {
            let args = ReportArgs {
                file: &file,
                format,
                lang: lang.into(),
                out: out.as_deref(),
                sections: &sections,
                today: today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            };
            exit(run_report(
                &args,
                &Offscreen,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            ))
        }
        Some(Command::Export {
            what:
                ExportCommand::Customers {
                    file,
                    format,
                    out,
                    filter,
                    sort,
                    lang,
                },
        }) => {
            let args = ExportCustomersArgs {
                file: &file,
                format,
                out: &out,
                filter: &filter,
                sort: sort.as_deref(),
                lang: lang.into(),
            };
            exit(run_export_customers(
                &args,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            ))
        }
        Some(Command::Export {
            what:
                ExportCommand::Plan {
                    file,
                    format,
                    out,
                    lang,
                    today,
                },
        }) => {
            let args = ExportPlanArgs {
                file: &file,
                format,
                out: &out,
                lang: lang.into(),
                today: today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            };
            exit(run_export_plan(
                &args,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            ))
        }
        Some(Command::Chart {
            file,
            chart,
            out,
            lang,
            size,
            theme,
            today,
        }) => {
            let args = ChartArgs {
                file: &file,
                chart,
                out: &out,
                lang: lang.into(),
                size_px: size,
                theme,
                today: today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            };
            exit(run_chart(
                &args,
                &Offscreen,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            ))
        }
        None => match scm_crm_studio::ui::run(cli.file) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                // The detail is for the log (RUST_LOG=info); the user gets one sentence.
                log::info!("could not start the window: {e:?}");
                let failure = scm_crm_studio::ui::StartFailure::of(&e);
                let language = scm_crm_studio::ui::preferred_language();
                #[expect(
                    clippy::print_stderr,
                    reason = "the window could not open, so the terminal is all we have"
                )]
                {
                    eprintln!("scm-crm-studio: {}", failure.message(language));
                }
                std::process::ExitCode::from(1)
            }
        },
    }
}
