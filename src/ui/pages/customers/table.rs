//! The customer table: sortable headers, virtualised rows, selection and inline editing.

use egui::{Align, Layout, RichText};
use egui_extras::{Column as Col, TableBuilder};

use super::{CustomersView, PageContext, RefusedCell};
use crate::i18n::customers::CustomerKey as C;
use crate::i18n::fields::problem_text;
use crate::i18n::segments::{SegmentKey as S, action_text, segment_name};
use crate::i18n::{Key, class_name, tier_name, tier_reason, tr, trf};
use crate::model::customer_table::{CellError, CellKind, Column};
use crate::model::rfm_segments::RfmSegment;
use crate::model::{Customer, CustomerFigures, Language, Part, format_minor, valuation};
use crate::ui::commands::Command;
use crate::ui::theme;
use crate::ui::widgets::{ProblemText, TypedField};

/// The header of a column.
pub(super) use crate::report::customers::column_title;

fn column_hint(lang: Language, column: Column) -> Option<&'static str> {
    Some(match column {
        Column::Growth => tr(lang, C::GrowthHint),
        Column::DeliveredValue => tr(lang, C::DeliveredHint),
        Column::ValueRatio => tr(lang, C::RatioHint),
        Column::Completeness => tr(lang, C::CompletenessHint),
        Column::CostToServe => tr(lang, C::CostToServeHint),
        Column::Class => tr(lang, C::ClassHint),
        Column::Segment => tr(lang, S::SegmentHint),
        _ => return None,
    })
}

impl ProblemText for CellError {
    fn text(&self, lang: Language) -> String {
        match self {
            CellError::Amount(problem) => problem_text(lang, problem),
            CellError::GrowthOutOfRange => tr(lang, C::ErrGrowth).to_owned(),
            CellError::EmptyId => tr(lang, C::ErrEmptyId).to_owned(),
            CellError::DuplicateId(id) => trf(lang, C::ErrDuplicateId, &[("id", id)]),
            CellError::NotEditable => tr(lang, C::ErrNotEditable).to_owned(),
        }
    }
}

/// The memory id of a cell's field, where its draft is kept.
fn cell_id(row: usize, column: Column) -> egui::Id {
    egui::Id::unique(("customer_cell", row, column))
}

/// The text a cell shows.
fn cell_text(c: &Customer, f: &CustomerFigures, column: Column) -> String {
    match column {
        Column::Id => c.id.clone(),
        Column::Name => c.name.clone(),
        Column::Industry => c.industry.clone(),
        Column::Region => c.region.clone(),
        Column::Revenue => c.revenue.to_string(),
        Column::CostOfGoods => c.cost_of_goods.to_string(),
        Column::CostToServe => c.cost_to_serve.to_string(),
        Column::Profit => format_minor(f.profit),
        Column::Margin => f
            .margin
            .map_or_else(|| "—".to_owned(), |m| format!("{:.1}%", m * 100.0)),
        Column::Growth => c.growth_potential.to_string(),
        Column::DeliveredValue => format!("{:+.1}", valuation::delivered_value(&c.value)),
        Column::ValueRatio => {
            valuation::value_ratio(&c.value).map_or_else(|| "—".to_owned(), |r| format!("{r:.2}"))
        }
        Column::Class => class_name(f.class).to_owned(),
        Column::Tier => tier_name(Language::English, f.tier).to_owned(),
        Column::Segment => f.rfm_scores.and_then(RfmSegment::of_scores).map_or_else(
            || "—".to_owned(),
            |s| segment_name(Language::English, s).to_owned(),
        ),
        Column::Completeness => {
            let facets = c.facets();
            let dots: String = facets.iter().map(|&on| if on { '●' } else { '○' }).collect();
            format!("{dots} {}/4", c.completeness())
        }
    }
}

fn width(column: Column) -> Col {
    match column {
        Column::Id => Col::initial(64.0).at_least(48.0),
        Column::Name => Col::initial(190.0).at_least(90.0).clip(true),
        Column::Industry | Column::Region => Col::initial(110.0).at_least(60.0).clip(true),
        Column::Revenue | Column::CostOfGoods | Column::CostToServe | Column::Profit => {
            Col::initial(118.0).at_least(80.0)
        }
        Column::Margin | Column::DeliveredValue | Column::ValueRatio => Col::initial(64.0).at_least(50.0),
        Column::Growth | Column::Class => Col::initial(46.0).at_least(36.0),
        Column::Tier => Col::initial(100.0).at_least(70.0),
        Column::Segment => Col::initial(120.0).at_least(70.0).clip(true),
        Column::Completeness => Col::initial(110.0).at_least(80.0),
    }
}

/// The table: ID and Name stay put on the left while the other shown columns scroll sideways.
/// Two tables side by side, their rows kept level: whichever the user scrolled leads.
pub(super) fn table_ui(
    view: &mut CustomersView,
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let dark = ui.visuals().dark_mode;
    let customers = &cx.doc.scenario.customers;
    // Borrow the row list out of the view for this frame instead of copying 100,000 indices.
    let Some(cache) = view.cache.take() else { return };

    // Drop the texts refused in cells that are no longer being edited (Escape, or another row
    // was selected), so that they do not come back in red later.
    let focus = view.focus;
    let (kept, gone): (Vec<_>, Vec<_>) = view.refused.drain(..).partition(|r| focus == Some(r.row));
    view.refused = kept;
    let dropped = std::mem::take(&mut view.dropped);
    for r in gone.iter().chain(&dropped) {
        TypedField::<CellKind>::discard(ui.ctx(), cell_id(r.row, r.column));
    }
    for refused in &view.refused {
        let id = customers.get(refused.row).map_or("", |c| c.id.as_str());
        ui.colored_label(
            theme::error_color(dark),
            trf(
                lang,
                C::CellRefused,
                &[
                    ("id", &id),
                    ("column", &column_title(lang, refused.column)),
                    ("reason", &refused.reason),
                ],
            ),
        );
    }

    // Cell labels must not take the click (for text selection): a click selects the row.
    ui.style_mut().interaction.selectable_labels = false;
    let shown = view.shown_columns(crate::ui::layout::is_narrow(ui.ctx()));
    let (frozen, scrolled): (Vec<Column>, Vec<Column>) =
        shown.iter().partition(|c| matches!(c, Column::Id | Column::Name));
    let force = view.scroll.force.take();
    let mut clicked: Option<(usize, egui::Modifiers)> = None;
    let mut refused = Vec::new();
    let (left_y, right_y) = ui
        .horizontal_top(|ui| {
            let left_y = ui
                .vertical(|ui| {
                    part_ui(
                        view,
                        ui,
                        cx,
                        &cache.rows,
                        &frozen,
                        force,
                        &mut clicked,
                        &mut refused,
                        out,
                    )
                })
                .inner;
            let right_y = egui::ScrollArea::horizontal()
                .id_salt("customers_table_scroll")
                .show(ui, |ui| {
                    ui.vertical(|ui| {
                        part_ui(
                            view,
                            ui,
                            cx,
                            &cache.rows,
                            &scrolled,
                            force,
                            &mut clicked,
                            &mut refused,
                            out,
                        )
                    })
                    .inner
                })
                .inner;
            (left_y, right_y)
        })
        .inner;
    // Whichever side moved since the last frame leads; the other follows on the next frame.
    let last = view.scroll.offset_y;
    let lead = if (left_y - last).abs() > 0.5 {
        left_y
    } else {
        right_y
    };
    view.scroll.offset_y = lead;
    if (left_y - lead).abs() > 0.5 || (right_y - lead).abs() > 0.5 {
        view.scroll.force = Some(lead);
        ui.ctx().request_repaint();
    }
    if refused != view.refused {
        // The banner above the table says why; it shows on the next frame.
        view.refused = refused;
        ui.ctx().request_repaint();
    }
    // A cell typed into but not committed was committed by its field as the click took its
    // focus, before the row changes.
    if let Some((i, modifiers)) = clicked {
        view.click_row(i, modifiers, &cache.rows);
    }
    view.cache = Some(cache);
}

/// One side of the table: `columns`, all rows (only the visible ones laid out). Returns how far
/// its rows are scrolled; the row clicked goes to `clicked`, the cells holding a refused text
/// to `refused`.
#[expect(
    clippy::too_many_arguments,
    reason = "one side of one table; grouping these would only rename them"
)]
fn part_ui(
    view: &mut CustomersView,
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    rows: &[usize],
    columns: &[Column],
    force_offset_y: Option<f32>,
    clicked: &mut Option<(usize, egui::Modifiers)>,
    refused: &mut Vec<RefusedCell>,
    out: &mut Vec<Command>,
) -> f32 {
    let lang = cx.lang;
    let dark = ui.visuals().dark_mode;
    let customers = &cx.doc.scenario.customers;
    let seg = cx.doc.segmentation();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let frozen = columns.first() == Some(&Column::Id);
    let mut table = TableBuilder::new(ui)
        .id_salt(if frozen {
            "customers_table_frozen"
        } else {
            "customers_table"
        })
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        // A low screen leaves the rows little room: never claim more than there is, or the
        // totals under the table are pushed off the page.
        .min_scrolled_height(row_height * 2.0)
        .cell_layout(Layout::left_to_right(Align::Center));
    if frozen {
        // The scroll bar belongs to the side that scrolls; this side follows it.
        table = table.scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden);
    }
    if let Some(offset) = force_offset_y {
        table = table.vertical_scroll_offset(offset);
    }
    for (n, &column) in columns.iter().enumerate() {
        // The last column takes what is left, so the table ends at the window's edge.
        let last = n + 1 == columns.len() && !frozen;
        table = table.column(if last {
            Col::remainder().at_least(80.0)
        } else {
            width(column)
        });
    }
    let output = table
        .header(row_height + 4.0, |mut header| {
            for &column in columns {
                header.col(|ui| {
                    let mut title = column_title(lang, column).to_owned();
                    if view.sort.column == column {
                        title.push_str(if view.sort.ascending { " ▲" } else { " ▼" });
                    }
                    let mut response = ui.add(egui::Button::new(RichText::new(title).strong()).frame(false));
                    response = response.on_hover_text(tr(lang, C::SortHint));
                    if let Some(hint) = column_hint(lang, column) {
                        response = response.on_hover_text(hint);
                    }
                    if response.clicked() {
                        if view.sort.column == column {
                            view.sort.ascending = !view.sort.ascending;
                        } else {
                            view.sort.column = column;
                            // Money and scores read best from the top down.
                            view.sort.ascending = !column.numeric();
                        }
                    }
                });
            }
        })
        .body(|body| {
            // Only the visible rows are laid out, so 100,000 customers scroll smoothly.
            body.rows(row_height, rows.len(), |mut row| {
                let Some(&i) = rows.get(row.index()) else { return };
                let (Some(c), Some(f)) = (customers.get(i), seg.figures.get(i)) else {
                    return;
                };
                let focused = view.focus == Some(i);
                row.set_selected(view.selected.contains(&i));
                for &column in columns {
                    row.col(|ui| {
                        if focused && column.editable() {
                            if let Some(cell) = edit_cell_ui(ui, cx, i, column, out) {
                                refused.push(cell);
                            }
                        } else {
                            show_cell(ui, lang, c, f, column, dark);
                        }
                    });
                }
                if row.response().clicked() {
                    *clicked = Some((i, row.response().ctx.input(|inp| inp.modifiers)));
                }
            });
        });
    output.state.clamped_offset().y
}

fn show_cell(
    ui: &mut egui::Ui,
    lang: Language,
    c: &Customer,
    f: &CustomerFigures,
    column: Column,
    dark: bool,
) {
    match column {
        Column::Tier => {
            let mut text = tier_name(lang, f.tier).to_owned();
            if c.tier_override.is_some() {
                text.push_str(" *");
            }
            let reason = match &c.tier_override {
                Some(o) => trf(
                    lang,
                    Key::ReasonOverride,
                    &[
                        ("reason", &o.reason),
                        ("computed", &tier_name(lang, f.computed_tier)),
                    ],
                ),
                None => tier_reason(lang, &f.reason),
            };
            ui.colored_label(theme::tier_color(f.tier, dark), text)
                .on_hover_text(reason);
        }
        Column::Segment => match f.rfm_scores.and_then(RfmSegment::of_scores) {
            Some(segment) => {
                ui.label(segment_name(lang, segment))
                    .on_hover_text(action_text(lang, segment));
            }
            None => {
                ui.weak("—").on_hover_text(tr(lang, S::NoSegment));
            }
        },
        Column::Profit if f.profit < 0 => {
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.colored_label(
                    theme::tier_color(crate::model::Tier::LossMaking, dark),
                    RichText::new(cell_text(c, f, column)).monospace(),
                );
            });
        }
        Column::Id => {
            ui.monospace(&c.id);
        }
        column if column.numeric() => {
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.monospace(cell_text(c, f, column));
            });
        }
        column => {
            ui.label(cell_text(c, f, column));
        }
    }
}

/// The cell of `column` in row `i`, being edited: a typed field whose value is committed
/// (one undo step) on Enter, Tab or a click elsewhere, and reverts on Escape. Returns the cell
/// when it holds a refused text, with the reason.
fn edit_cell_ui(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    i: usize,
    column: Column,
    out: &mut Vec<Command>,
) -> Option<RefusedCell> {
    let lang = cx.lang;
    let customers = &cx.doc.scenario.customers;
    let kind = CellKind::new(customers, i, column);
    let value = kind.value()?;
    let id = customers.get(i).map_or("", |c| c.id.as_str());
    let name = trf(
        lang,
        C::CellLabel,
        &[("column", &column_title(lang, column)), ("id", &id)],
    );
    let mut field = TypedField::new(cell_id(i, column), &kind, &value)
        .named(&name)
        .width(f32::INFINITY);
    if column.numeric() {
        field = field.right_aligned().monospace();
    }
    let typed = field.show(ui, lang);
    if let Some(changed) = typed.committed.and_then(|v| kind.apply(v)) {
        out.push(Command::Edit {
            part: Part::Customer(i, Box::new(changed)),
            gesture: None,
        });
    }
    // While the field is typed into, its text is a draft; once it left the field refused, the
    // banner above the table says so.
    let reason = typed.problem.filter(|_| !typed.response.has_focus())?;
    Some(RefusedCell {
        row: i,
        column,
        reason,
    })
}

impl CustomersView {
    /// Click selects one row; Ctrl/Cmd-click toggles; Shift-click selects a range in display order.
    fn click_row(&mut self, i: usize, modifiers: egui::Modifiers, rows: &[usize]) {
        if modifiers.shift
            && let Some(anchor) = self.anchor
        {
            let a = rows.iter().position(|&r| r == anchor);
            let b = rows.iter().position(|&r| r == i);
            if let (Some(a), Some(b)) = (a, b) {
                let (lo, hi) = (a.min(b), a.max(b));
                self.selected = rows.get(lo..=hi).unwrap_or_default().iter().copied().collect();
                self.focus = Some(i);
                return;
            }
        }
        if modifiers.command {
            if !self.selected.remove(&i) {
                self.selected.insert(i);
            }
            self.focus = Some(i);
            self.anchor = Some(i);
        } else if self.focus != Some(i) {
            self.select(i);
        }
    }
}
