//! The customer value workbench: a filterable, sortable, editable table of every customer,
//! a detail panel for the selected one, import from spreadsheets and export of the table.

mod campaign_dialogs;
mod detail;
mod import_dialog;
mod table;

use std::collections::BTreeSet;
use std::sync::Arc;

use super::PageContext;
use crate::i18n::customers::CustomerKey as C;
use crate::i18n::segments::{SegmentKey as S, segment_name};
use crate::i18n::{Key, class_name, tier_name, tr, trf};
use crate::model::customer_table::{self, Column, Filter, Sort, Totals};
use crate::model::rfm::Transaction;
use crate::model::rfm_segments::RfmSegment;
use crate::model::{AbcClass, Customer, Part, Tier, format_minor};
use crate::store::export::{self, ExportTable};
use crate::ui::commands::{Command, ExportFile};
use crate::ui::shortcuts;
use crate::ui::theme;
use crate::ui::tour::{self, TourTarget};
use crate::ui::widgets::Gesture;

pub use import_dialog::ImportDialog;

/// What the table shows, derived once per edit, filter or sort change, never per frame.
struct RowsCache {
    revision: u64,
    filter: Filter,
    sort: Sort,
    rows: Vec<usize>,
    totals: Totals,
}

/// A table cell whose typed text was refused: it stays in red, and the banner above the table
/// says why, until it is corrected or dropped (Escape).
#[derive(Clone, Debug, PartialEq)]
struct RefusedCell {
    row: usize,
    column: customer_table::Column,
    /// Why, in the user's language.
    reason: String,
}

/// View state of the Customers page.
#[derive(Default)]
pub struct CustomersView {
    filter: Filter,
    sort: Sort,
    /// Selected customers by index; the last clicked one is shown in the detail panel.
    selected: BTreeSet<usize>,
    focus: Option<usize>,
    /// Where a Shift-click range starts.
    anchor: Option<usize>,
    /// The cells of the focused row holding a refused text, as of the last frame.
    refused: Vec<RefusedCell>,
    /// Refused cells whose texts the table drops on its next frame (Escape, or the selection
    /// changed): the table holds the egui context that keeps them.
    dropped: Vec<RefusedCell>,
    cache: Option<RowsCache>,
    /// All tags in the scenario, for the tag filter; refreshed with the cache.
    tags: Vec<String>,
    show_settings: bool,
    pub import: Option<ImportDialog>,
    send: Option<campaign_dialogs::SendDialog>,
    mark: Option<campaign_dialogs::MarkDialog>,
    /// "Sent … to n customers", after a send.
    sent: Option<(String, usize)>,
    /// The purchases of the last transaction log imported in this session (not saved), for
    /// the revenue of campaign responders.
    session_log: Option<Arc<Vec<Transaction>>>,
    /// The columns the user chose to show (remembered between runs); `None`: the default for
    /// the window's width.
    columns: Option<Vec<Column>>,
    /// How far the table's rows are scrolled, kept level on both sides of the table.
    scroll: TableScroll,
    /// The height the totals under the table took last frame.
    footer_height: f32,
    /// On a very low screen, the summary and toolbar are shown (they start folded).
    show_tools: bool,
    /// A field had focus when the last frame ended. egui drops the focus on Escape before the
    /// frame's widgets run, so an Escape that left a field must not also clear the selection.
    typing: bool,
}

/// The two sides of the table scroll together: the offset both show, and one to impose on the
/// next frame after one side moved alone.
#[derive(Clone, Copy, Debug, Default)]
struct TableScroll {
    offset_y: f32,
    force: Option<f32>,
}

/// The columns shown by default on a narrow screen (a projector zoomed in): what a user needs
/// to read a customer's value, with ID and Name.
const NARROW_COLUMNS: [Column; 7] = [
    Column::Id,
    Column::Name,
    Column::Profit,
    Column::Class,
    Column::Tier,
    Column::Segment,
    Column::DeliveredValue,
];

impl CustomersView {
    /// Selects one customer (e.g. from a chart) and shows it in the detail panel.
    /// No row selected, so no detail panel.
    pub fn clear_selection(&mut self) {
        self.selected.clear();
        self.focus = None;
        self.anchor = None;
    }

    pub fn select(&mut self, index: usize) {
        self.selected.clear();
        self.selected.insert(index);
        self.focus = Some(index);
        self.anchor = Some(index);
        self.drop_refused();
    }

    /// Drops what was typed and refused in the table's cells: they show the customer's values
    /// again.
    fn drop_refused(&mut self) {
        self.dropped.append(&mut self.refused);
    }

    /// The customer shown in the detail panel.
    #[must_use]
    pub fn focused(&self) -> Option<usize> {
        self.focus
    }

    /// The columns the user chose, if they chose.
    #[must_use]
    pub fn columns(&self) -> Option<&[Column]> {
        self.columns.as_deref()
    }

    /// Shows `columns` (ID and Name always), or the default for the window with `None`.
    pub fn set_columns(&mut self, columns: Option<Vec<Column>>) {
        self.columns = columns.map(|chosen| {
            Column::ALL
                .into_iter()
                .filter(|c| matches!(c, Column::Id | Column::Name) || chosen.contains(c))
                .collect()
        });
    }

    /// The columns drawn, in table order.
    fn shown_columns(&self, narrow: bool) -> Vec<Column> {
        match &self.columns {
            Some(chosen) => chosen.clone(),
            None if narrow => NARROW_COLUMNS.to_vec(),
            None => Column::ALL.to_vec(),
        }
    }

    /// Columns ▾: a check box per column; the choice is remembered.
    fn column_chooser_ui(&mut self, ui: &mut egui::Ui, lang: crate::model::Language, out: &mut Vec<Command>) {
        let narrow = crate::ui::layout::is_narrow(ui.ctx());
        // The menu stays open while boxes are ticked; a click outside closes it.
        let config = egui::containers::menu::MenuConfig::new()
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
        egui::containers::menu::MenuButton::new(tr(lang, C::Columns))
            .config(config)
            .ui(ui, |ui| {
                ui.set_max_width(300.0);
                ui.weak(tr(lang, C::ColumnsHint));
                let mut shown = self.shown_columns(narrow);
                let mut changed = false;
                for column in Column::ALL {
                    let always = matches!(column, Column::Id | Column::Name);
                    let mut on = shown.contains(&column);
                    let title = table::column_title(lang, column);
                    if ui
                        .add_enabled(!always, egui::Checkbox::new(&mut on, title))
                        .changed()
                    {
                        changed = true;
                        if on {
                            shown.push(column);
                        } else {
                            shown.retain(|&c| c != column);
                        }
                    }
                }
                ui.separator();
                if ui.button(tr(lang, C::ColumnsReset)).clicked() {
                    self.columns = None;
                    out.push(Command::CustomerColumns(None));
                }
                if changed {
                    self.set_columns(Some(shown));
                    out.push(Command::CustomerColumns(self.columns.clone()));
                }
            })
            .0
            .on_hover_text(tr(lang, C::ColumnsHint));
    }

    /// Shows the customers `filter` keeps (e.g. a cell of the segment map).
    pub fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
        self.drop_refused();
    }

    /// The purchases of the transaction log imported in this session, if any.
    #[must_use]
    pub fn session_log(&self) -> Option<&Arc<Vec<Transaction>>> {
        self.session_log.as_ref()
    }

    /// The current table filter (the charts can apply it too).
    #[must_use]
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    fn refresh(&mut self, cx: &PageContext<'_>) {
        let doc = cx.doc;
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|c| c.revision == doc.revision() && c.filter == self.filter && c.sort == self.sort);
        if fresh {
            return;
        }
        let customers = &doc.scenario.customers;
        let seg = doc.segmentation();
        let rows = customer_table::rows(customers, seg, &self.filter, self.sort);
        let totals = customer_table::totals(customers, seg, &rows);
        let mut tags: Vec<String> = customers.iter().flat_map(|c| c.tags.iter().cloned()).collect();
        tags.sort();
        tags.dedup();
        self.tags = tags;
        // Selections that point past the end (after a delete or undo) are dropped.
        self.selected.retain(|&i| i < customers.len());
        if self.focus.is_some_and(|i| i >= customers.len()) {
            self.focus = None;
        }
        self.cache = Some(RowsCache {
            revision: doc.revision(),
            filter: self.filter.clone(),
            sort: self.sort,
            rows,
            totals,
        });
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, out: &mut Vec<Command>) {
        self.refresh(cx);
        let lang = cx.lang;
        // Escape, with no field being typed into: first drop a cell value that was refused
        // (the cell shows what the customer holds again), then clear the selection, which
        // closes the detail panel. A field being typed into handles its own Escape.
        let nothing_focused = ui.ctx().memory(|m| m.focused().is_none()) && !self.typing;
        if nothing_focused && ui.input(|i| shortcuts::CLEAR_SELECTION.pressed(i)) {
            if self.refused.is_empty() {
                self.clear_selection();
            } else {
                self.drop_refused();
            }
        }
        // On a very low screen (200 % on a projector) the summary and the toolbar fold behind
        // one toggle, so that the table keeps some rows; the filter text stays.
        let folded = crate::ui::layout::is_very_short(ui.ctx()) && !self.show_tools;
        if crate::ui::layout::is_very_short(ui.ctx()) {
            ui.horizontal(|ui| {
                ui.heading(tr(lang, Key::PageCustomers));
                ui.toggle_value(&mut self.show_tools, tr(lang, C::ShowTools))
                    .on_hover_text(tr(lang, C::ShowToolsHint));
                if folded {
                    let label = ui.label(tr(lang, C::Filter));
                    ui.add(
                        egui::TextEdit::singleline(&mut self.filter.text)
                            .hint_text(tr(lang, C::FilterHint))
                            .desired_width(160.0),
                    )
                    .labelled_by(label.id);
                }
            });
        } else {
            super::heading(ui, tr(lang, Key::PageCustomers), tr(lang, C::Intro));
        }
        if !folded {
            Self::summary_ui(ui, cx);
            self.toolbar_ui(ui, cx, out);
        }
        if self.show_settings && !folded {
            settings_ui(ui, cx, out);
        }
        ui.separator();
        let mut panel_left = None;
        if let Some(focus) = self.focus
            && let Some(customer) = cx.doc.scenario.customers.get(focus)
        {
            // On a narrow screen (a projector at 150 %) the panel leaves the table at least half
            // the width, so ID, Name and the first figures stay readable beside it.
            let width = ui.available_width();
            let panel = egui::Panel::right("customer_detail")
                .resizable(true)
                .default_size(380.0_f32.min(width * 0.5))
                .min_size(300.0_f32.min(width * 0.4))
                .show(ui, |ui| {
                    if detail::detail_ui(ui, cx, focus, customer, out) {
                        self.clear_selection();
                    }
                });
            panel_left = Some(panel.response.rect.left());
        }
        // The table and its totals get exactly the room left of the detail panel: wider columns
        // are cut at its edge and the totals wrap there, never drawn over the panel.
        let mut room = ui.available_rect_before_wrap();
        if let Some(left) = panel_left {
            room.max.x = room.max.x.min(left - ui.spacing().item_spacing.x);
        }
        ui.scope_builder(egui::UiBuilder::new().max_rect(room), |ui| {
            // Cut at the panel's edge only: the page's own clip still holds above and below.
            let mut clip = ui.clip_rect();
            clip.max.x = clip.max.x.min(room.max.x);
            ui.set_clip_rect(clip);
            self.table_and_totals_ui(ui, cx, out);
        });
        if let Some(dialog) = &mut self.import {
            let keep = dialog.ui(ui.ctx(), cx, out);
            if let Some(log) = dialog.imported_log.take() {
                self.session_log = Some(log);
            }
            if !keep {
                self.import = None;
            }
        }
        if let Some(dialog) = &mut self.send {
            let members = self.cache.as_ref().map_or(&[][..], |c| c.rows.as_slice());
            if let Some(sent) = dialog.ui(ui.ctx(), cx, members, out) {
                if sent > 0 {
                    self.sent = Some((dialog.campaign().to_owned(), sent));
                }
                self.send = None;
            }
        }
        if let Some(dialog) = &mut self.mark
            && !dialog.ui(ui.ctx(), cx, out)
        {
            self.mark = None;
        }
        self.typing = ui.ctx().memory(|m| m.focused().is_some());
    }

    fn summary_ui(ui: &mut egui::Ui, cx: &PageContext<'_>) {
        let lang = cx.lang;
        let seg = cx.doc.segmentation();
        let dark = ui.visuals().dark_mode;
        let symbol = &cx.doc.scenario.settings.currency_symbol;
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "{}: {}",
                tr(lang, Key::SumCustomers),
                cx.doc.scenario.customers.len()
            ));
            ui.separator();
            ui.label(format!(
                "{}: {symbol}{}",
                tr(lang, Key::SumRevenue),
                format_minor(seg.revenue_total)
            ));
            ui.separator();
            ui.label(format!(
                "{}: {symbol}{}",
                tr(lang, Key::SumProfit),
                format_minor(seg.profit_total)
            ));
            ui.separator();
            // Counted once with the figures (see `Segmentation::tier_counts`), not per frame.
            let (counts, classes) = (seg.tier_counts(), seg.class_counts());
            for tier in Tier::ALL {
                ui.colored_label(
                    theme::tier_color(tier, dark),
                    format!("{} {}", tier_name(lang, tier), counts[tier as usize]),
                );
            }
            ui.separator();
            let [a, b, c] = classes;
            // One piece: on a narrow screen it moves to the next line whole, never split.
            ui.add(egui::Label::new(format!("A {a} · B {b} · C {c}")).wrap_mode(egui::TextWrapMode::Extend));
        });
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, out: &mut Vec<Command>) {
        let lang = cx.lang;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr(lang, C::Filter));
            ui.add(
                egui::TextEdit::singleline(&mut self.filter.text)
                    .hint_text(tr(lang, C::FilterHint))
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
            let all = tr(lang, C::All);
            let tier_label = tr(lang, Key::ColTier);
            egui::ComboBox::from_id_salt("tier_filter")
                .selected_text(format!(
                    "{tier_label}: {}",
                    self.filter.tier.map_or(all, |t| tier_name(lang, t))
                ))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.tier, None, all);
                    for t in Tier::ALL {
                        ui.selectable_value(&mut self.filter.tier, Some(t), tier_name(lang, t));
                    }
                })
                .response
                .on_hover_text(tr(lang, C::TierFilter));
            egui::ComboBox::from_id_salt("class_filter")
                .selected_text(
                    self.filter
                        .class
                        .map_or_else(|| format!("ABC: {all}"), |c| format!("ABC: {}", class_name(c))),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.class, None, all);
                    for c in [AbcClass::A, AbcClass::B, AbcClass::C] {
                        ui.selectable_value(&mut self.filter.class, Some(c), class_name(c));
                    }
                })
                .response
                .on_hover_text(tr(lang, C::ClassFilter));
            let seg_title = tr(lang, S::ColSegment);
            egui::ComboBox::from_id_salt("segment_filter")
                .selected_text(format!(
                    "{seg_title}: {}",
                    self.filter.segment.map_or(all, |s| segment_name(lang, s))
                ))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.segment, None, all);
                    for s in RfmSegment::ALL {
                        ui.selectable_value(&mut self.filter.segment, Some(s), segment_name(lang, s));
                    }
                })
                .response
                .on_hover_text(tr(lang, S::SegmentFilter));
            if let Some((r, fm)) = self.filter.rfm_cell {
                let chip = format!("{} ×", trf(lang, S::CellFilter, &[("r", &r), ("fm", &fm)]));
                if ui.button(chip).clicked() {
                    self.filter.rfm_cell = None;
                }
            }
            egui::ComboBox::from_id_salt("tag_filter")
                .selected_text(self.filter.tag.as_deref().map_or_else(
                    || format!("{}: {all}", tr(lang, C::Tag)),
                    |t| format!("{}: {t}", tr(lang, C::Tag)),
                ))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.tag, None, all);
                    for tag in &self.tags {
                        ui.selectable_value(&mut self.filter.tag, Some(tag.clone()), tag);
                    }
                })
                .response
                .on_hover_text(tr(lang, C::TagFilter));
            // Always there (greyed out with no filter), so the toolbar does not reflow and
            // move the buttons after it when a filter is set.
            if ui
                .add_enabled(
                    !self.filter.is_empty(),
                    egui::Button::new(tr(lang, C::ClearFilter)),
                )
                .clicked()
            {
                self.filter = Filter::default();
            }
            ui.separator();
            self.row_buttons_ui(ui, cx, out);
            ui.separator();
            let shown = self.cache.as_ref().map_or(0, |c| c.rows.len());
            if ui
                .add_enabled(shown > 0, egui::Button::new(tr(lang, S::SendPromotion)))
                .on_hover_text(tr(lang, S::SendPromotionHint))
                .clicked()
            {
                self.send = Some(campaign_dialogs::SendDialog::new(cx.today));
                self.sent = None;
            }
            if ui.button(tr(lang, S::MarkResponses)).clicked() {
                self.mark = Some(campaign_dialogs::MarkDialog::default());
            }
            if let Some((campaign, n)) = &self.sent {
                ui.weak(trf(lang, S::Sent, &[("campaign", campaign), ("n", n)]));
            }
            ui.separator();
            if ui
                .button(tr(lang, C::Import))
                .on_hover_text(tr(lang, C::ImportHint))
                .clicked()
            {
                self.import = Some(ImportDialog::new(cx.today));
            }
            if ui.button(tr(lang, C::ExportCsv)).clicked()
                && let Some(table) = self.export_table(cx)
            {
                match export::to_csv(&table) {
                    Ok(bytes) => out.push(Command::Export(ExportFile {
                        file_name: "customers.csv".to_owned(),
                        bytes,
                    })),
                    Err(e) => log::error!("CSV export: {e}"),
                }
            }
            if ui.button(tr(lang, C::ExportXlsx)).clicked()
                && let Some(table) = self.export_table(cx)
            {
                match export::to_xlsx(&table) {
                    Ok(bytes) => out.push(Command::Export(ExportFile {
                        file_name: "customers.xlsx".to_owned(),
                        bytes,
                    })),
                    Err(e) => log::error!("XLSX export: {e}"),
                }
            }
            ui.separator();
            self.column_chooser_ui(ui, lang, out);
            ui.toggle_value(&mut self.show_settings, tr(lang, C::Thresholds))
                .on_hover_text(tr(lang, C::ThresholdsHint));
        });
    }

    fn row_buttons_ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, out: &mut Vec<Command>) {
        let lang = cx.lang;
        let customers = &cx.doc.scenario.customers;
        if ui
            .button(tr(lang, C::Add))
            .on_hover_text(tr(lang, C::AddHint))
            .clicked()
        {
            let mut next = customers.clone();
            next.push(Customer {
                id: customer_table::next_id(customers),
                name: tr(lang, C::NewCustomerName).to_owned(),
                ..Customer::default()
            });
            let index = next.len() - 1;
            out.push(Command::Edit {
                part: Part::Customers(next),
                gesture: None,
            });
            // Show the new row even if a filter would hide it.
            self.filter = Filter::default();
            self.select(index);
        }
        let n = self.selected.len();
        if ui
            .add_enabled(n > 0, egui::Button::new(trf(lang, C::Duplicate, &[("n", &n)])))
            .clicked()
        {
            let mut next = customers.clone();
            for &i in &self.selected {
                if let Some(original) = customers.get(i) {
                    let mut copy = original.clone();
                    copy.id = customer_table::next_id(&next);
                    copy.name = trf(lang, C::CopyOf, &[("name", &original.name)]);
                    next.push(copy);
                }
            }
            out.push(Command::Edit {
                part: Part::Customers(next),
                gesture: None,
            });
        }
        // The Delete key works too, unless a text field is being typed into.
        let delete_key = n > 0
            && ui.ctx().memory(|m| m.focused().is_none())
            && ui.input(|i| shortcuts::DELETE_CUSTOMERS.pressed(i));
        if ui
            .add_enabled(n > 0, egui::Button::new(trf(lang, C::Delete, &[("n", &n)])))
            .on_hover_text(tr(lang, C::DeleteHint))
            .clicked()
            || delete_key
        {
            let next: Vec<Customer> = customers
                .iter()
                .enumerate()
                .filter(|(i, _)| !self.selected.contains(i))
                .map(|(_, c)| c.clone())
                .collect();
            out.push(Command::Edit {
                part: Part::Customers(next),
                gesture: None,
            });
            self.selected.clear();
            self.focus = None;
            self.drop_refused();
        }
    }

    /// The table, then its totals under it.
    fn table_and_totals_ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, out: &mut Vec<Command>) {
        let lang = cx.lang;
        // The totals sit under the table. Their height (one line, or two when they wrap on a
        // narrow screen) is last frame's, so the table ends exactly above them.
        let footer = self.footer_height + ui.spacing().item_spacing.y * 2.0 + 1.0;
        let table_size = egui::vec2(ui.available_width(), (ui.available_height() - footer).max(80.0));
        ui.allocate_ui_with_layout(table_size, egui::Layout::top_down(egui::Align::Min), |ui| {
            ui.set_min_size(table_size);
            if cx.doc.scenario.customers.is_empty() {
                ui.label(tr(lang, Key::NoCustomers));
            } else {
                // Sixteen columns do not fit a small window: the table scrolls sideways (ID
                // and Name stay), rows stay virtual.
                table::table_ui(self, ui, cx, out);
                tour::mark(ui.ctx(), TourTarget::CustomersTable, ui.min_rect());
            }
        });
        ui.separator();
        let height = self.totals_ui(ui, cx);
        if (height - self.footer_height).abs() > 0.5 {
            self.footer_height = height;
            ui.ctx().request_repaint();
        }
    }

    /// The totals of the shown rows; returns the height they took.
    fn totals_ui(&self, ui: &mut egui::Ui, cx: &PageContext<'_>) -> f32 {
        let Some(cache) = &self.cache else { return 0.0 };
        let t = cache.totals;
        let lang = cx.lang;
        let symbol = &cx.doc.scenario.settings.currency_symbol;
        ui.horizontal_wrapped(|ui| {
            ui.strong(trf(
                lang,
                C::FooterRows,
                &[("shown", &t.count), ("total", &cx.doc.scenario.customers.len())],
            ));
            for (key, value) in [
                (Key::ColRevenue, t.revenue),
                (Key::ColCostOfGoods, t.cost_of_goods),
                (Key::ColCostToServe, t.cost_to_serve),
                (Key::ColProfit, t.profit),
            ] {
                ui.separator();
                // Each total moves to the next line whole when the row is full.
                let text = format!("{}: {symbol}{}", tr(lang, key), format_minor(value));
                ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
            }
            if !self.selected.is_empty() {
                ui.separator();
                ui.label(trf(lang, C::SelectedCount, &[("n", &self.selected.len())]));
            }
        })
        .response
        .rect
        .height()
    }

    /// The filtered, sorted table as it would be exported.
    fn export_table(&self, cx: &PageContext<'_>) -> Option<ExportTable> {
        let cache = self.cache.as_ref()?;
        Some(crate::report::customers::customer_table(
            &cx.doc.scenario,
            cx.doc.segmentation(),
            &cache.rows,
            cx.lang,
        ))
    }
}

/// The segmentation thresholds, applied live as they change.
fn settings_ui(ui: &mut egui::Ui, cx: &PageContext<'_>, out: &mut Vec<Command>) {
    let lang = cx.lang;
    let settings = &cx.doc.scenario.settings;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let mut next = settings.clone();
            let label = ui.label(tr(lang, Key::PropAThreshold));
            let a = ui
                .add(
                    egui::Slider::new(&mut next.a_threshold_pct, 1.0..=100.0)
                        .suffix(" %")
                        .fixed_decimals(0),
                )
                .labelled_by(label.id);
            ui.separator();
            let label = ui.label(tr(lang, Key::PropBThreshold));
            let b = ui
                .add(
                    egui::Slider::new(&mut next.b_threshold_pct, 1.0..=100.0)
                        .suffix(" %")
                        .fixed_decimals(0),
                )
                .labelled_by(label.id);
            ui.separator();
            let label = ui.label(tr(lang, Key::PropGrowthThreshold));
            let g = ui
                .add(egui::Slider::new(&mut next.growth_threshold, 1..=5))
                .labelled_by(label.id);
            let b_id = b.id;
            for response in [a, b, g] {
                let mut gesture = Gesture::default();
                if gesture.continuous(&response) {
                    if response.id == b_id {
                        next.set_b_threshold(next.b_threshold_pct);
                    } else {
                        next.set_a_threshold(next.a_threshold_pct);
                    }
                    out.push(gesture.edit(Part::Settings(next.clone())));
                }
            }
        });
    });
}
