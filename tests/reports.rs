//! Charts drawn without a window, and File ▸ Export report…: the image the `chart` command
//! writes is the one the snapshot pipeline draws from the app's chart code, and the dialog
//! writes the sections the user ticked.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure here is a test failure"
)]

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use scm_crm_studio::model::{Language, Scenario};
use scm_crm_studio::report::{Chart, ChartKind, ChartRequest, ChartTheme};
use scm_crm_studio::ui::offscreen;

mod common;
use common::{app, images_render, open_menu_item, today, type_into};

fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/harbor-logistics.ron")
}

fn sample() -> Scenario {
    scm_crm_studio::store::load(&sample_path()).unwrap().scenario
}

/// Runs `chart` on the sample and returns the PNG's size and RGBA pixels.
fn chart_command(dir: &Path, chart: &str, lang: &str, theme: &str, size: &str) -> ([u32; 2], Vec<u8>) {
    let out = dir.join(format!("{chart}-{lang}-{theme}.png"));
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_scm-crm-studio"))
        .args([
            "chart", "--chart", chart, "--lang", lang, "--theme", theme, "--size", size,
        ])
        .args(["--today", "2026-11-26", "--out"])
        .arg(&out)
        .arg(sample_path())
        .output()
        .unwrap();
    assert_eq!(
        status.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgba);
    pixels.truncate(info.buffer_size());
    ([info.width, info.height], pixels)
}

/// The `chart` command's PNG matches the snapshot pipeline's image of the same chart (the
/// app's chart code in kittest's harness, rendered by wgpu), and the snapshot on file.
#[test]
fn the_chart_command_draws_what_the_snapshot_pipeline_draws() {
    if !images_render() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let scenario = sample();
    let mut results = egui_kittest::SnapshotResults::new();
    for (chart, lang, theme, size, name) in [
        (
            ChartKind::Whale,
            Language::English,
            ChartTheme::Light,
            [1000, 600],
            "chart_whale_en",
        ),
        (
            ChartKind::Gantt,
            Language::TraditionalChinese,
            ChartTheme::Dark,
            [1000, 600],
            "chart_gantt_zh_hant",
        ),
        (
            ChartKind::Kpi,
            Language::SimplifiedChinese,
            ChartTheme::Present,
            [1600, 900],
            "chart_kpi_zh_hans_present",
        ),
    ] {
        let request = ChartRequest {
            scenario: &scenario,
            chart: Chart::Page(chart),
            lang,
            theme,
            size_px: size,
            pixels_per_point: 1.0,
            today: today(),
        };
        let mut harness = offscreen::harness(&request).unwrap();
        results.add(harness.try_snapshot(name));
        let expected = harness.render().unwrap();
        let lang_arg = match lang {
            Language::English => "en",
            Language::TraditionalChinese => "zh-Hant",
            Language::SimplifiedChinese => "zh-Hans",
        };
        let theme_arg = match theme {
            ChartTheme::Light => "light",
            ChartTheme::Dark => "dark",
            ChartTheme::Present => "present",
        };
        let (written, pixels) = chart_command(
            dir.path(),
            chart.key(),
            lang_arg,
            theme_arg,
            &format!("{}x{}", size[0], size[1]),
        );
        assert_eq!(written, size, "{name}: the requested size");
        assert_eq!([expected.width(), expected.height()], size, "{name}");
        let differing = pixels
            .chunks_exact(4)
            .zip(expected.as_raw().chunks_exact(4))
            .filter(|(a, b)| a.iter().zip(*b).any(|(x, y)| x.abs_diff(*y) > 2))
            .count();
        assert!(
            differing * 1000 < (size[0] * size[1]) as usize,
            "{name}: {differing} pixels differ between the command and the snapshot pipeline"
        );
    }
    results.unwrap();
}

#[test]
fn the_export_report_dialog_writes_the_sections_ticked() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app();
    open_menu_item(&mut harness, "File", "Export report…");
    harness.get_by_label("Export report");
    // Leave out the co-creation and the dispute log; write Markdown.
    harness
        .get_by_role_and_label(Role::CheckBox, "Co-creation")
        .click();
    harness
        .get_by_role_and_label(Role::CheckBox, "Dispute log")
        .click();
    harness
        .get_by_role_and_label(Role::RadioButton, "Markdown")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Export…").click();
    harness.run();
    harness.get_by_label("Export to file");
    let path = dir.path().join("report.md");
    type_into(&mut harness, "File path:", path.to_str().unwrap());
    harness.get_by_role_and_label(Role::Button, "OK").click();
    harness.run();
    let markdown = std::fs::read_to_string(&path).unwrap();
    assert!(markdown.starts_with("# Harbor Link Logistics — FY2026 baseline"));
    assert!(markdown.contains("## Key figures"));
    assert!(markdown.contains("## Loss-makers"));
    assert!(markdown.contains("## Integration plan: steps, Gantt and KPIs"));
    assert!(!markdown.contains("## Co-creation"), "left out");
    assert!(!markdown.contains("## Dispute log"), "left out");
    let images = markdown.matches("](data:image/png;base64,").count();
    if images_render() {
        assert_eq!(images, 4, "whale, matrix, Gantt and KPIs");
    } else {
        assert_eq!(markdown.matches("> Chart image left out").count(), 4);
    }
    harness.get_by_label(&format!("Exported {}", path.display()));

    // The dialog remembers the choices; with nothing ticked it cannot export.
    open_menu_item(&mut harness, "File", "Export report…");
    assert_eq!(
        harness
            .get_by_role_and_label(Role::CheckBox, "Co-creation")
            .accesskit_node()
            .toggled(),
        Some(egui::accesskit::Toggled::False),
        "still left out"
    );
    for section in [
        "Title, author, date and description",
        "Key figures",
        "Whale curve and value matrix",
        "Top and bottom 10 customers by profit",
        "Loss-makers",
        "Integration plan: steps, Gantt and KPIs",
    ] {
        harness.get_by_role_and_label(Role::CheckBox, section).click();
        harness.run();
    }
    harness.get_by_label("Choose at least one section.");
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Export…")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn the_dialog_speaks_the_apps_language() {
    let mut harness = app();
    common::switch_language(&mut harness, "View", "Language", "繁體中文");
    open_menu_item(&mut harness, "檔案", "匯出報告…");
    harness.get_by_label("匯出報告");
    harness.get_by_role_and_label(Role::CheckBox, "關鍵數字");
    harness.get_by_role_and_label(Role::RadioButton, "HTML（單一檔案，可直接列印）");
    harness.get_by_role_and_label(Role::Button, "匯出…");
}
