//! One module per page. Each draws from the document and emits commands; none mutates it.

mod charts;
mod customers;
mod disputes;
mod planner;

use chrono::NaiveDate;

use super::commands::Command;
use super::document::Document;
use super::prefs::Page;
use crate::model::Language;

/// Draws `page`.
pub fn page_ui(
    ui: &mut egui::Ui,
    page: Page,
    doc: &Document,
    lang: Language,
    today: NaiveDate,
    out: &mut Vec<Command>,
) {
    match page {
        Page::Customers => customers::customers_ui(ui, doc, lang),
        Page::Charts => charts::charts_ui(ui, doc, lang),
        Page::Planner => planner::planner_ui(ui, doc, lang, today),
        Page::Disputes => disputes::disputes_ui(ui, doc, lang),
    }
    let _ = out;
}

/// A page heading with a short explanation under it.
fn heading(ui: &mut egui::Ui, title: &str, intro: &str) {
    ui.heading(title);
    ui.label(intro);
    ui.add_space(6.0);
}
