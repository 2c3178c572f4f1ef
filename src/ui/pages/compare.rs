//! The comparison view (File ▸ Compare with…): the open scenario (A) beside a second one (B),
//! read-only. Overview with both whale curves, the tier-migration matrix, the customer
//! differences and the plan and dispute changes.
//!
//! The comparison itself comes from `model::compare`; this view only keeps its own state (tab,
//! chosen cell, filter, sort) and draws. It is rebuilt when the open scenario changes.

use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

use super::PageContext;
use crate::i18n::compare::{CompareKey as K, field_change_text, field_name, signed_money, what_if_name};
use crate::i18n::{Key, route_name, step_name, step_status_name, tier_name, tr, trf};
use crate::model::charts::{self as series, WhatIf};
use crate::model::compare::{
    self, ChangeKind, Comparison, CustomerDiff, CustomerField, DiffSort, SettingChange, compare_with,
};
use crate::model::{Language, Scenario, Segmentation, Settings, Tier, format_minor};
use crate::store::export::{self, ExportCell, ExportTable};
use crate::ui::commands::{Command, ExportFile};
use crate::ui::theme;

/// The width (points) from which the overview puts the totals and the curve side by side.
const OVERVIEW_SIDE_BY_SIDE_WIDTH: f32 = 900.0;

/// Points drawn at most on each whale line.
const MAX_WHALE_POINTS: usize = 1_500;

/// Where scenario B came from.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareSource {
    /// A file (any .ron, the .bak, a recent file).
    File(std::path::PathBuf),
    /// The Charts page's what-if applied to the open scenario, with the settings it was tried on.
    WhatIf(WhatIf, Box<Settings>),
}

/// The view's tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Tab {
    #[default]
    Overview,
    Migration,
    Customers,
    Plan,
}

/// The comparison being shown and its view state.
pub struct CompareView {
    source: CompareSource,
    b: Scenario,
    seg_b: Segmentation,
    /// The open scenario's revision the comparison was built for.
    revision: Option<u64>,
    cmp: Option<Comparison>,
    whale_a: Vec<[f64; 2]>,
    whale_b: Vec<[f64; 2]>,
    peak_a: Option<series::WhalePeak>,
    peak_b: Option<series::WhalePeak>,
    tab: Tab,
    /// The migration cell whose customers are listed: (tier in A, tier in B).
    cell: Option<(Tier, Tier)>,
    filter: String,
    kind: Option<ChangeKind>,
    sort: DiffSort,
    /// The table's rows for (filter, kind, sort, language), kept until one of them or the
    /// comparison changes: filtering 100,000 differences every frame would be too slow.
    rows: Option<(RowsKey, Vec<usize>)>,
}

/// What the customer-differences rows were built from.
type RowsKey = (String, Option<ChangeKind>, DiffSort, Language);

impl CompareView {
    /// A comparison of the open scenario with `b`.
    #[must_use]
    pub fn new(source: CompareSource, b: Scenario) -> Self {
        let seg_b = Segmentation::compute(&b.customers, &b.settings);
        let curve = series::whale_curve(&seg_b, &(0..b.customers.len()).collect::<Vec<_>>());
        Self {
            source,
            whale_b: curve.line_points(MAX_WHALE_POINTS),
            peak_b: curve.peak,
            b,
            seg_b,
            revision: None,
            cmp: None,
            whale_a: Vec::new(),
            peak_a: None,
            tab: Tab::default(),
            cell: None,
            filter: String::new(),
            kind: None,
            sort: DiffSort::default(),
            rows: None,
        }
    }

    /// B's name as shown: the file path, or "what-if: cost to serve −10%".
    #[must_use]
    pub fn b_name(&self, lang: Language) -> String {
        match &self.source {
            CompareSource::File(path) => path.display().to_string(),
            CompareSource::WhatIf(what_if, saved) => what_if_name(lang, what_if, saved),
        }
    }

    /// The comparison, for tests; `None` until first drawn.
    #[must_use]
    pub fn comparison(&self) -> Option<&Comparison> {
        self.cmp.as_ref()
    }

    fn refresh(&mut self, cx: &PageContext<'_>) {
        let doc = cx.doc;
        if self.revision == Some(doc.revision()) && self.cmp.is_some() {
            return;
        }
        let a = &doc.scenario;
        self.cmp = Some(compare_with(
            a,
            doc.segmentation().clone(),
            &self.b,
            self.seg_b.clone(),
        ));
        let curve = series::whale_curve(doc.segmentation(), &(0..a.customers.len()).collect::<Vec<_>>());
        self.whale_a = curve.line_points(MAX_WHALE_POINTS);
        self.peak_a = curve.peak;
        self.revision = Some(doc.revision());
        self.rows = None;
    }

    /// Draws the view; `out` gets Back, Close and exports.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, out: &mut Vec<Command>) {
        self.refresh(cx);
        let lang = cx.lang;
        ui.horizontal_wrapped(|ui| {
            ui.heading(tr(lang, K::Title));
            ui.add_space(12.0);
            if ui.button(RichText::new(tr(lang, K::Back)).strong()).clicked() {
                out.push(Command::BackToScenario);
            }
            if ui.button(tr(lang, K::Close)).clicked() {
                out.push(Command::CloseComparison);
            }
        });
        let a_name = cx
            .doc
            .display_name()
            .unwrap_or_else(|| tr(lang, Key::Untitled).to_owned());
        ui.label(trf(lang, K::SideA, &[("name", &a_name)]));
        ui.label(trf(lang, K::SideB, &[("name", &self.b_name(lang))]));
        ui.weak(tr(lang, K::ReadOnly));
        let Some(cmp) = self.cmp.take() else {
            return;
        };
        if cmp.same_content {
            ui.colored_label(theme::accent_color(ui.visuals().dark_mode), tr(lang, K::Same));
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            for (tab, key) in [
                (Tab::Overview, K::TabOverview),
                (Tab::Migration, K::TabMigration),
                (Tab::Customers, K::TabCustomers),
                (Tab::Plan, K::TabPlan),
            ] {
                if ui.selectable_label(self.tab == tab, tr(lang, key)).clicked() {
                    self.tab = tab;
                }
            }
        });
        ui.separator();
        match self.tab {
            Tab::Overview => self.overview_ui(ui, lang, &cmp, &cx.doc.scenario.settings),
            Tab::Migration => self.migration_ui(ui, cx, &cmp),
            Tab::Customers => self.customers_ui(ui, lang, &cmp, out),
            Tab::Plan => plan_ui(ui, lang, &cmp),
        }
        self.cmp = Some(cmp);
    }

    fn overview_ui(&self, ui: &mut egui::Ui, lang: Language, cmp: &Comparison, a_settings: &Settings) {
        let [added, removed, changed] = cmp.customer_counts();
        ui.strong(trf(
            lang,
            K::CustomerCounts,
            &[("added", &added), ("removed", &removed), ("changed", &changed)],
        ));
        if !cmp.same_content
            && cmp.customers.is_empty()
            && cmp.settings.is_empty()
            && cmp.plan == compare::PlanChanges::default()
            && cmp.disputes.is_empty()
        {
            ui.weak(tr(lang, K::OtherDifferences));
        }
        ui.add_space(4.0);
        // Side by side where there is room; at a projector's zoom the curve goes below the
        // totals, so neither is drawn over the other.
        if ui.available_width() >= OVERVIEW_SIDE_BY_SIDE_WIDTH {
            ui.columns(2, |cols| {
                let [left, right] = cols else { return };
                self.totals_ui(left, lang, cmp, a_settings);
                self.whale_ui(right, lang);
            });
        } else {
            egui::ScrollArea::vertical().show(ui, |ui| {
                self.totals_ui(ui, lang, cmp, a_settings);
                ui.add_space(8.0);
                self.whale_ui(ui, lang);
            });
        }
    }

    /// The A / B / B − A grid of totals, tiers and classes, and any changed thresholds.
    fn totals_ui(&self, ui: &mut egui::Ui, lang: Language, cmp: &Comparison, a_settings: &Settings) {
        let symbol = a_settings.currency_symbol.as_str();
        let dark = ui.visuals().dark_mode;
        let (ta, tb) = (&cmp.totals_a, &cmp.totals_b);
        egui::Grid::new("compare_totals")
            .striped(true)
            .num_columns(4)
            .spacing([18.0, 4.0])
            .show(ui, |ui| {
                ui.strong(tr(lang, K::Totals));
                ui.strong(tr(lang, K::ColA));
                ui.strong(tr(lang, K::ColB));
                ui.strong(tr(lang, K::ColDelta));
                ui.end_row();
                count_row(
                    ui,
                    tr(lang, Key::SumCustomers),
                    ta.customers,
                    tb.customers,
                    0,
                    dark,
                );
                money_row(
                    ui,
                    tr(lang, Key::SumRevenue),
                    ta.revenue,
                    tb.revenue,
                    symbol,
                    dark,
                );
                money_row(ui, tr(lang, Key::SumProfit), ta.profit, tb.profit, symbol, dark);
                margin_row(ui, lang, ta.margin, tb.margin, dark);
                ui.end_row();
                ui.strong(tr(lang, K::TierCounts));
                ui.end_row();
                for tier in Tier::ALL {
                    let slot = tier as usize;
                    // More key customers is better, more loss-makers worse; general is neither.
                    let good = match tier {
                        Tier::Key => 1,
                        Tier::General => 0,
                        Tier::LossMaking => -1,
                    };
                    count_row(
                        ui,
                        tier_name(lang, tier),
                        ta.tiers.get(slot).copied().unwrap_or(0),
                        tb.tiers.get(slot).copied().unwrap_or(0),
                        good,
                        dark,
                    );
                }
                ui.strong(tr(lang, K::ClassCounts));
                ui.end_row();
                for (slot, class) in compare::CLASSES.into_iter().enumerate() {
                    count_row(
                        ui,
                        &trf(lang, K::ClassRow, &[("class", &crate::i18n::class_name(class))]),
                        ta.classes.get(slot).copied().unwrap_or(0),
                        tb.classes.get(slot).copied().unwrap_or(0),
                        0,
                        dark,
                    );
                }
            });
        if !cmp.settings.is_empty() {
            ui.add_space(8.0);
            ui.strong(tr(lang, K::SettingsChanged));
            for change in &cmp.settings {
                ui.label(setting_text(lang, change, a_settings, &self.b.settings));
            }
        }
    }

    fn whale_ui(&self, ui: &mut egui::Ui, lang: Language) {
        let dark = ui.visuals().dark_mode;
        ui.strong(tr(lang, K::WhaleTitle));
        for (side, peak) in [("A", self.peak_a), ("B", self.peak_b)] {
            if let Some(p) = peak {
                ui.label(trf(
                    lang,
                    K::WhalePeak,
                    &[
                        ("side", &side),
                        ("customers", &format!("{:.0}", p.customers_pct)),
                        ("profit", &format!("{:.0}", p.profit_pct)),
                    ],
                ));
            }
        }
        let weak = ui.visuals().weak_text_color();
        let a_color = theme::accent_color(dark);
        let b_color = theme::warning_color(dark);
        super::still_plot("compare_whale")
            .legend(egui_plot::Legend::default().position(egui_plot::Corner::RightBottom))
            .x_axis_label(tr(lang, K::WhaleX))
            .y_axis_label(tr(lang, K::WhaleY))
            .height(ui.available_height().clamp(200.0, 420.0))
            .show(ui, |plot| {
                plot.hline(
                    egui_plot::HLine::new("100 %", 100.0)
                        .color(weak)
                        .style(egui_plot::LineStyle::dashed_loose()),
                );
                plot.line(
                    egui_plot::Line::new(
                        tr(lang, K::ColA),
                        egui_plot::PlotPoints::from(self.whale_a.clone()),
                    )
                    .color(a_color)
                    .width(2.5),
                );
                plot.line(
                    egui_plot::Line::new(
                        tr(lang, K::ColB),
                        egui_plot::PlotPoints::from(self.whale_b.clone()),
                    )
                    .color(b_color)
                    .width(2.5)
                    .style(egui_plot::LineStyle::dashed_dense()),
                );
            });
    }

    fn migration_ui(&mut self, ui: &mut egui::Ui, cx: &PageContext<'_>, cmp: &Comparison) {
        let lang = cx.lang;
        let dark = ui.visuals().dark_mode;
        ui.label(tr(lang, K::MigrationIntro));
        ui.add_space(6.0);
        egui::Grid::new("compare_migration")
            .num_columns(5)
            .spacing([10.0, 8.0])
            .min_col_width(90.0)
            .show(ui, |ui| {
                ui.weak(tr(lang, K::MigrationCorner));
                for to in Tier::ALL {
                    ui.colored_label(
                        theme::tier_color(to, dark),
                        RichText::new(tier_name(lang, to)).strong(),
                    );
                }
                ui.strong(tr(lang, K::RowTotal));
                ui.end_row();
                for from in Tier::ALL {
                    ui.colored_label(
                        theme::tier_color(from, dark),
                        RichText::new(tier_name(lang, from)).strong(),
                    );
                    for to in Tier::ALL {
                        let n = cmp.members(from, to).len();
                        let direction = compare::migration_direction(from, to);
                        let mut text = RichText::new(n.to_string()).size(18.0);
                        if n > 0 && direction != 0 {
                            text = text.color(better_worse(direction.into(), dark)).strong();
                        }
                        let selected = self.cell == Some((from, to));
                        let label = trf(
                            lang,
                            K::Cell,
                            &[
                                ("from", &tier_name(lang, from)),
                                ("to", &tier_name(lang, to)),
                                ("n", &n),
                            ],
                        );
                        let response = ui.add_sized([90.0, 36.0], egui::Button::selectable(selected, text));
                        // Screen readers (and tests) hear the whole cell, not just the number.
                        response.widget_info(|| {
                            egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label)
                        });
                        if response.on_hover_text(&label).clicked() {
                            self.cell = Some((from, to));
                        }
                    }
                    let row: usize = Tier::ALL.iter().map(|&to| cmp.members(from, to).len()).sum();
                    ui.label(row.to_string());
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        ui.separator();
        let Some((from, to)) = self.cell else {
            ui.weak(tr(lang, K::PickCell));
            return;
        };
        let members = cmp.members(from, to);
        ui.strong(trf(
            lang,
            K::CellList,
            &[
                ("from", &tier_name(lang, from)),
                ("to", &tier_name(lang, to)),
                ("n", &members.len()),
            ],
        ));
        let symbol = &cx.doc.scenario.settings.currency_symbol;
        let a = &cx.doc.scenario.customers;
        // One line per row: long names are cut short rather than spilling into the next row.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        TableBuilder::new(ui)
            .id_salt("compare_cell_members")
            .striped(true)
            .column(Column::exact(80.0))
            .column(Column::remainder().at_least(220.0))
            .columns(Column::auto().at_least(120.0), 3)
            .header(row_height, |mut header| {
                for key in [Key::ColId, Key::ColName] {
                    header.col(|ui| {
                        ui.strong(tr(lang, key));
                    });
                }
                for key in [K::ColProfitA, K::ColProfitB, K::ColProfitDelta] {
                    header.col(|ui| {
                        ui.strong(tr(lang, key));
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, members.len(), |mut row| {
                    let Some(m) = members.get(row.index()) else { return };
                    let (Some(c), Some(fa), Some(fb)) =
                        (a.get(m.a), cmp.seg_a.figures.get(m.a), cmp.seg_b.figures.get(m.b))
                    else {
                        return;
                    };
                    row.col(|ui| {
                        ui.label(&c.id);
                    });
                    row.col(|ui| {
                        ui.label(&c.name);
                    });
                    row.col(|ui| {
                        ui.label(money(symbol, fa.profit));
                    });
                    row.col(|ui| {
                        ui.label(money(symbol, fb.profit));
                    });
                    row.col(|ui| {
                        delta_label(ui, symbol, fb.profit - fa.profit);
                    });
                });
            });
    }

    fn customers_ui(&mut self, ui: &mut egui::Ui, lang: Language, cmp: &Comparison, out: &mut Vec<Command>) {
        let names = CustomerField::ALL.map(|f| field_name(lang, f));
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr(lang, K::Filter));
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text(tr(lang, K::FilterHint))
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
            ui.separator();
            ui.label(tr(lang, K::Show));
            for (kind, key) in [
                (None, K::All),
                (Some(ChangeKind::Added), K::Added),
                (Some(ChangeKind::Removed), K::Removed),
                (Some(ChangeKind::Changed), K::Changed),
            ] {
                if ui.selectable_label(self.kind == kind, tr(lang, key)).clicked() {
                    self.kind = kind;
                }
            }
        });
        let key: RowsKey = (self.filter.clone(), self.kind, self.sort, lang);
        let rows = match self.rows.take() {
            Some((built, rows)) if built == key => rows,
            _ => compare::diff_rows(cmp, &self.filter, self.kind, self.sort, &names),
        };
        ui.horizontal_wrapped(|ui| {
            ui.weak(trf(
                lang,
                K::Rows,
                &[("shown", &rows.len()), ("total", &cmp.customers.len())],
            ));
            ui.separator();
            if ui.button(tr(lang, K::ExportCsv)).clicked() {
                let table = export_table(lang, cmp, &rows);
                match export::to_csv(&table) {
                    Ok(bytes) => out.push(Command::Export(ExportFile {
                        file_name: "customer-differences.csv".to_owned(),
                        bytes,
                    })),
                    Err(e) => log::error!("CSV export: {e}"),
                }
            }
            if ui.button(tr(lang, K::ExportXlsx)).clicked() {
                let table = export_table(lang, cmp, &rows);
                match export::to_xlsx(&table) {
                    Ok(bytes) => out.push(Command::Export(ExportFile {
                        file_name: "customer-differences.xlsx".to_owned(),
                        bytes,
                    })),
                    Err(e) => log::error!("XLSX export: {e}"),
                }
            }
        });
        if cmp.customers.is_empty() {
            ui.label(tr(lang, K::NoCustomerDiffs));
            return;
        }
        let dark = ui.visuals().dark_mode;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        // One line per row; the changed fields are in full in each row's tooltip and the export.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        let mut sort = self.sort;
        TableBuilder::new(ui)
            .id_salt("compare_customers")
            .striped(true)
            .resizable(true)
            .column(Column::exact(90.0))
            .column(Column::exact(70.0))
            .column(Column::initial(200.0).at_least(120.0))
            .column(Column::initial(170.0).at_least(110.0))
            .columns(Column::initial(120.0).at_least(90.0), 3)
            .column(Column::remainder().at_least(200.0))
            .header(row_height + 4.0, |mut header| {
                header.col(|ui| {
                    ui.strong(tr(lang, K::ColChange));
                });
                for key in [Key::ColId, Key::ColName] {
                    header.col(|ui| {
                        ui.strong(tr(lang, key));
                    });
                }
                for key in [K::ColTiers, K::ColProfitA, K::ColProfitB] {
                    header.col(|ui| {
                        ui.strong(tr(lang, key));
                    });
                }
                header.col(|ui| {
                    let mut title = tr(lang, K::ColProfitDelta).to_owned();
                    match sort {
                        DiffSort::ProfitDeltaAscending => title.push_str(" ▲"),
                        DiffSort::ProfitDeltaDescending => title.push_str(" ▼"),
                        DiffSort::Kind => {}
                    }
                    if ui
                        .add(egui::Button::new(RichText::new(title).strong()).frame(false))
                        .on_hover_text(tr(lang, K::SortHint))
                        .clicked()
                    {
                        sort = match sort {
                            DiffSort::ProfitDeltaAscending => DiffSort::ProfitDeltaDescending,
                            DiffSort::Kind | DiffSort::ProfitDeltaDescending => {
                                DiffSort::ProfitDeltaAscending
                            }
                        };
                    }
                });
                header.col(|ui| {
                    ui.strong(tr(lang, K::ColFields));
                });
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    let Some(c) = rows.get(row.index()).and_then(|&i| cmp.customers.get(i)) else {
                        return;
                    };
                    row.col(|ui| {
                        ui.label(kind_name(lang, c.kind));
                    });
                    row.col(|ui| {
                        ui.label(&c.id);
                    });
                    row.col(|ui| {
                        ui.label(&c.name);
                    });
                    row.col(|ui| {
                        tiers_label(ui, lang, c, dark);
                    });
                    row.col(|ui| {
                        ui.label(c.profit_a.map_or_else(|| "—".to_owned(), format_minor));
                    });
                    row.col(|ui| {
                        ui.label(c.profit_b.map_or_else(|| "—".to_owned(), format_minor));
                    });
                    row.col(|ui| {
                        let d = c.profit_delta();
                        let text = RichText::new(signed_money(d));
                        ui.label(if d == 0 {
                            text
                        } else {
                            text.color(better_worse(d.signum(), dark))
                        });
                    });
                    row.col(|ui| {
                        let text = fields_text(lang, c);
                        ui.label(&text).on_hover_text(&text);
                    });
                });
            });
        self.sort = sort;
        self.rows = Some((key, rows));
    }
}

/// The changed fields of one customer, joined: "Cost to serve: 560,000.00 → 1,260,000.00".
fn fields_text(lang: Language, c: &CustomerDiff) -> String {
    c.fields
        .iter()
        .map(|f| field_change_text(lang, f))
        .collect::<Vec<_>>()
        .join("; ")
}

fn kind_name(lang: Language, kind: ChangeKind) -> &'static str {
    tr(
        lang,
        match kind {
            ChangeKind::Added => K::Added,
            ChangeKind::Removed => K::Removed,
            ChangeKind::Changed => K::Changed,
        },
    )
}

fn tiers_label(ui: &mut egui::Ui, lang: Language, c: &CustomerDiff, dark: bool) {
    let name = |t: Option<Tier>| t.map_or("—", |t| tier_name(lang, t));
    let text = RichText::new(format!("{} → {}", name(c.tier_a), name(c.tier_b)));
    match (c.tier_a, c.tier_b) {
        (Some(x), Some(y)) if x != y => {
            ui.label(text.color(better_worse(compare::migration_direction(x, y).into(), dark)));
        }
        _ => {
            ui.label(text);
        }
    }
}

/// Green for better (+1), red for worse (−1).
fn better_worse(direction: i128, dark: bool) -> Color32 {
    if direction > 0 {
        if dark {
            Color32::from_rgb(0x6f, 0xd6, 0x8a)
        } else {
            Color32::from_rgb(0x1b, 0x7a, 0x35)
        }
    } else {
        theme::error_color(dark)
    }
}

/// "¥1,234,567.00" / "-¥2,150.00".
fn money(symbol: &str, minor: i128) -> String {
    let text = format_minor(minor);
    match text.strip_prefix('-') {
        Some(abs) => format!("-{symbol}{abs}"),
        None => format!("{symbol}{text}"),
    }
}

fn delta_label(ui: &mut egui::Ui, symbol: &str, delta: i128) {
    let text = match delta.signum() {
        1 => format!("+{}", money(symbol, delta)),
        _ => money(symbol, delta),
    };
    let dark = ui.visuals().dark_mode;
    ui.label(if delta == 0 {
        RichText::new(text)
    } else {
        RichText::new(text).color(better_worse(delta.signum(), dark))
    });
}

/// A row of counts; `good` says whether more is better (1), worse (−1) or neither (0).
fn count_row(ui: &mut egui::Ui, name: &str, a: usize, b: usize, good: i128, dark: bool) {
    ui.label(name);
    ui.label(a.to_string());
    ui.label(b.to_string());
    let delta = b as i128 - a as i128;
    let text = RichText::new(format!("{delta:+}"));
    ui.label(if delta == 0 || good == 0 {
        text
    } else {
        text.color(better_worse(delta.signum() * good, dark)).strong()
    });
    ui.end_row();
}

fn money_row(ui: &mut egui::Ui, name: &str, a: i128, b: i128, symbol: &str, dark: bool) {
    ui.label(name);
    ui.label(money(symbol, a));
    ui.label(money(symbol, b));
    let delta = b - a;
    let text = match delta.signum() {
        1 => format!("+{}", money(symbol, delta)),
        _ => money(symbol, delta),
    };
    ui.label(if delta == 0 {
        RichText::new(text)
    } else {
        RichText::new(text)
            .color(better_worse(delta.signum(), dark))
            .strong()
    });
    ui.end_row();
}

fn margin_row(ui: &mut egui::Ui, lang: Language, a: Option<f64>, b: Option<f64>, dark: bool) {
    let name = tr(lang, Key::ColMargin);
    let pct = |m: Option<f64>| m.map_or_else(|| "—".to_owned(), |m| format!("{:.1}%", m * 100.0));
    ui.label(name);
    ui.label(pct(a));
    ui.label(pct(b));
    match (a, b) {
        (Some(x), Some(y)) => {
            let points = (y - x) * 100.0;
            let text = RichText::new(trf(lang, K::MarginPoints, &[("n", &format!("{points:+.1}"))]));
            ui.label(if points.abs() < 0.05 {
                text
            } else {
                text.color(better_worse(if points > 0.0 { 1 } else { -1 }, dark))
                    .strong()
            });
        }
        _ => {
            ui.label("—");
        }
    }
    ui.end_row();
}

fn setting_text(lang: Language, change: &SettingChange, a: &Settings, b: &Settings) -> String {
    match *change {
        SettingChange::AThreshold { old, new } => trf(lang, K::SetA, &[("old", &old), ("new", &new)]),
        SettingChange::BThreshold { old, new } => trf(lang, K::SetB, &[("old", &old), ("new", &new)]),
        SettingChange::GrowthThreshold { old, new } => {
            trf(lang, K::SetGrowth, &[("old", &old), ("new", &new)])
        }
        SettingChange::Currency => trf(
            lang,
            K::SetCurrency,
            &[("old", &a.currency), ("new", &b.currency)],
        ),
    }
}

/// The customer-differences rows shown, as an export table (numbers stay numbers).
fn export_table(lang: Language, cmp: &Comparison, rows: &[usize]) -> ExportTable {
    let number = |m: Option<i128>| m.map_or(ExportCell::Empty, |m| ExportCell::Number(m as f64 / 100.0));
    let tier = |t: Option<Tier>| {
        t.map_or(ExportCell::Empty, |t| {
            ExportCell::Text(tier_name(lang, t).to_owned())
        })
    };
    ExportTable {
        sheet_name: tr(lang, K::SheetName).to_owned(),
        headers: vec![
            tr(lang, K::ColChange).to_owned(),
            tr(lang, Key::ColId).to_owned(),
            tr(lang, Key::ColName).to_owned(),
            format!("{} A", tr(lang, Key::ColTier)),
            format!("{} B", tr(lang, Key::ColTier)),
            tr(lang, K::ColProfitA).to_owned(),
            tr(lang, K::ColProfitB).to_owned(),
            tr(lang, K::ColProfitDelta).to_owned(),
            tr(lang, K::ColFields).to_owned(),
        ],
        rows: rows
            .iter()
            .filter_map(|&i| cmp.customers.get(i))
            .map(|c| {
                vec![
                    ExportCell::Text(kind_name(lang, c.kind).to_owned()),
                    ExportCell::Text(c.id.clone()),
                    ExportCell::Text(c.name.clone()),
                    tier(c.tier_a),
                    tier(c.tier_b),
                    number(c.profit_a),
                    number(c.profit_b),
                    ExportCell::Number(c.profit_delta() as f64 / 100.0),
                    ExportCell::Text(fields_text(lang, c)),
                ]
            })
            .collect(),
    }
}

fn date_text(lang: Language, d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| tr(lang, K::ValNone).to_owned(), |d| d.to_string())
}

fn target_text(lang: Language, t: Option<f64>) -> String {
    t.map_or_else(|| tr(lang, K::ValNone).to_owned(), |t| format!("{t}"))
}

fn decision_text(lang: Language, d: Option<(crate::model::Route, chrono::NaiveDate)>) -> String {
    d.map_or_else(
        || tr(lang, K::NoDecision).to_owned(),
        |(route, date)| {
            trf(
                lang,
                K::DecisionOn,
                &[("route", &route_name(lang, Some(route))), ("date", &date)],
            )
        },
    )
}

/// Between the parts of one line: "; " in English, "；" in Chinese.
fn list_separator(lang: Language) -> &'static str {
    if lang == Language::English { "; " } else { "；" }
}

fn plan_ui(ui: &mut egui::Ui, lang: Language, cmp: &Comparison) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        let plan = &cmp.plan;
        ui.strong(tr(lang, K::PlanSteps));
        if *plan == compare::PlanChanges::default() {
            ui.label(tr(lang, K::NoPlanChanges));
        }
        for s in &plan.steps {
            let mut parts = Vec::new();
            if let Some((old, new)) = s.status {
                parts.push(trf(
                    lang,
                    K::StepStatus,
                    &[
                        ("old", &step_status_name(lang, old)),
                        ("new", &step_status_name(lang, new)),
                    ],
                ));
            }
            if let Some((old, new)) = s.progress_pct {
                parts.push(trf(lang, K::StepProgress, &[("old", &old), ("new", &new)]));
            }
            for (key, pair) in [K::PlannedStart, K::PlannedEnd, K::ActualStart, K::ActualEnd]
                .into_iter()
                .zip(s.dates)
            {
                if let Some((old, new)) = pair {
                    parts.push(trf(
                        lang,
                        key,
                        &[("old", &date_text(lang, old)), ("new", &date_text(lang, new))],
                    ));
                }
            }
            ui.label(format!(
                "{}: {}",
                trf(
                    lang,
                    K::StepLine,
                    &[("n", &s.step.number()), ("name", &step_name(lang, s.step))]
                ),
                parts.join(list_separator(lang))
            ));
        }
        for (title, list) in [(K::Goals, &plan.goals), (K::Kpis, &plan.kpis)] {
            if list.is_empty() {
                continue;
            }
            ui.add_space(6.0);
            ui.strong(tr(lang, title));
            for t in list {
                ui.label(trf(
                    lang,
                    K::TargetLine,
                    &[
                        ("id", &t.id),
                        ("name", &t.name),
                        ("old", &target_text(lang, t.old)),
                        ("new", &target_text(lang, t.new)),
                    ],
                ));
            }
        }
        ui.add_space(10.0);
        ui.strong(tr(lang, K::Disputes));
        if cmp.disputes.is_empty() {
            ui.label(tr(lang, K::NoDisputeChanges));
        }
        for d in &cmp.disputes {
            let text = match d.kind {
                ChangeKind::Added => trf(
                    lang,
                    K::DisputeAdded,
                    &[
                        ("id", &d.id),
                        ("customer", &d.customer_id),
                        ("route", &route_name(lang, d.route_b)),
                    ],
                ),
                ChangeKind::Removed => trf(
                    lang,
                    K::DisputeRemoved,
                    &[("id", &d.id), ("customer", &d.customer_id)],
                ),
                ChangeKind::Changed => {
                    let mut parts = Vec::new();
                    if d.route_a != d.route_b {
                        parts.push(trf(
                            lang,
                            K::RouteChange,
                            &[
                                ("old", &route_name(lang, d.route_a)),
                                ("new", &route_name(lang, d.route_b)),
                            ],
                        ));
                    }
                    if d.decision_a != d.decision_b {
                        parts.push(trf(
                            lang,
                            K::DecisionChange,
                            &[
                                ("old", &decision_text(lang, d.decision_a)),
                                ("new", &decision_text(lang, d.decision_b)),
                            ],
                        ));
                    }
                    trf(
                        lang,
                        K::DisputeChanged,
                        &[
                            ("id", &d.id),
                            ("customer", &d.customer_id),
                            ("changes", &parts.join(list_separator(lang))),
                        ],
                    )
                }
            };
            ui.label(text);
        }
    });
}
