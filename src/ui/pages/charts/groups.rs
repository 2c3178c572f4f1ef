//! Groups of similar customers: pick features and k, run k-means off the UI thread with a
//! progress bar, read the silhouette score for each k, name the groups, save them as tags, and
//! see them on the two features that separate them best.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use egui::Color32;
use egui_plot::{Corner, Legend, MarkerShape, Points};

use super::{Chart, ChartCx, ChartTab, title_ui};
use crate::i18n::segments::{SegmentKey as S, feature_name, group_description};
use crate::i18n::{tr, trf};
use crate::model::groups::{self, Feature, FeatureMatrix, Grouping, GroupingError, SavedGroup};
use crate::model::{Language, Part, Scenario};
use crate::report::ChartKind;
use crate::ui::commands::Command;
use crate::ui::pages::PageContext;

/// Points drawn at most on the groups chart; more customers are thinned evenly.
const MAX_POINTS: usize = 3_000;

/// One colour per group, told apart on a projector in light and dark themes.
const PALETTE: [Color32; 8] = [
    Color32::from_rgb(0x1f, 0x77, 0xb4),
    Color32::from_rgb(0xff, 0x7f, 0x0e),
    Color32::from_rgb(0x2c, 0xa0, 0x2c),
    Color32::from_rgb(0xd6, 0x27, 0x28),
    Color32::from_rgb(0x94, 0x67, 0xbd),
    Color32::from_rgb(0x8c, 0x56, 0x4b),
    Color32::from_rgb(0xe3, 0x77, 0xc2),
    Color32::from_rgb(0x7f, 0x7f, 0x7f),
];

/// The colour of group `g`.
pub fn group_color(g: usize) -> Color32 {
    PALETTE.get(g % PALETTE.len()).copied().unwrap_or(Color32::GRAY)
}

/// What a finished run gives the view.
struct Outcome {
    grouping: Grouping,
    silhouettes: Vec<(usize, Option<f64>)>,
    /// (group, x, y) of the customers drawn, on the best pair of features (raw values).
    points: Vec<(usize, [f64; 2])>,
}

/// A run in progress on another thread.
struct Job {
    done: Arc<AtomicUsize>,
    total: usize,
    result: mpsc::Receiver<Result<Outcome, GroupingError>>,
    revision: u64,
}

/// A finished grouping with its names.
struct Finished {
    outcome: Outcome,
    names: Vec<String>,
    /// The user typed a name: keep the names when the language changes.
    names_edited: bool,
    revision: u64,
}

/// The groups tab: found on request (a run of k-means), so nothing is derived per what-if.
pub struct GroupsChart {
    features: Vec<Feature>,
    k: usize,
    job: Option<Job>,
    finished: Option<Finished>,
    error: Option<GroupingError>,
    saved: Option<usize>,
}

impl Default for GroupsChart {
    fn default() -> Self {
        Self {
            features: vec![
                Feature::Profit,
                Feature::Margin,
                Feature::Growth,
                Feature::Recency,
                Feature::Frequency,
                Feature::Monetary,
            ],
            k: 4,
            job: None,
            finished: None,
            error: None,
            saved: None,
        }
    }
}

/// Runs the silhouette scan and the grouping; called on a worker thread.
fn run(matrix: &FeatureMatrix, k: usize, done: &AtomicUsize) -> Result<Outcome, GroupingError> {
    let silhouettes = groups::silhouettes(matrix, |step, _| done.store(step, Ordering::Relaxed));
    let grouping = groups::group(matrix, k)?;
    done.fetch_add(1, Ordering::Relaxed);
    let (x_feature, y_feature) = grouping.best_pair;
    let stride = matrix.len().div_ceil(MAX_POINTS).max(1);
    let points = (0..matrix.len())
        .step_by(stride)
        .filter_map(|row| {
            let group = *grouping.labels.get(row)?;
            let x = *matrix.raw.get([row, x_feature])?;
            let y = *matrix.raw.get([row, y_feature])?;
            Some((group, [x, y]))
        })
        .collect();
    Ok(Outcome {
        grouping,
        silhouettes,
        points,
    })
}

impl GroupsChart {
    fn start(&mut self, cx: &PageContext<'_>) {
        let doc = cx.doc;
        let matrix = FeatureMatrix::new(
            &doc.scenario.customers,
            doc.segmentation(),
            &self.features,
            cx.today,
        );
        let done = Arc::new(AtomicUsize::new(0));
        let (tx, rx) = mpsc::channel();
        let k = self.k;
        let worker_done = Arc::clone(&done);
        std::thread::spawn(move || {
            // The receiver is gone only when the view was dropped; nothing to report then.
            let _ = tx.send(run(&matrix, k, &worker_done));
        });
        self.job = Some(Job {
            done,
            total: groups::K_RANGE.count() + 1,
            result: rx,
            revision: doc.revision(),
        });
        // The old groups go: their labels may not fit what the scenario holds now.
        self.finished = None;
        self.error = None;
        self.saved = None;
    }

    fn poll(&mut self, lang: Language) {
        let Some(job) = &self.job else { return };
        match job.result.try_recv() {
            Ok(Ok(outcome)) => {
                let names = (1..=outcome.grouping.k)
                    .map(|n| trf(lang, S::DefaultGroupName, &[("n", &n)]))
                    .collect();
                self.finished = Some(Finished {
                    outcome,
                    names,
                    names_edited: false,
                    revision: job.revision,
                });
                self.job = None;
            }
            Ok(Err(e)) => {
                self.error = Some(e);
                self.job = None;
            }
            Err(mpsc::TryRecvError::Empty) => {}
            Err(mpsc::TryRecvError::Disconnected) => {
                self.error = Some(GroupingError::KMeans("worker stopped".to_owned()));
                self.job = None;
            }
        }
    }

    fn groups_ui(&mut self, ui: &mut egui::Ui, cx: &ChartCx<'_>, out: &mut Vec<Command>) {
        let lang = cx.lang;
        let pcx = cx.page;
        self.poll(lang);
        title_ui(ui, tr(lang, S::GroupsTitle));
        ui.weak(tr(lang, S::GroupsIntro));
        ui.horizontal_wrapped(|ui| {
            ui.label(tr(lang, S::Features));
            for feature in Feature::ALL {
                let mut on = self.features.contains(&feature);
                if ui.checkbox(&mut on, feature_name(lang, feature)).changed() {
                    if on {
                        self.features.push(feature);
                        self.features.sort();
                    } else {
                        self.features.retain(|f| *f != feature);
                    }
                }
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, S::GroupsK));
            ui.add(egui::Slider::new(&mut self.k, groups::K_RANGE))
                .labelled_by(label.id);
            let can_run = self.job.is_none() && !self.features.is_empty();
            if ui
                .add_enabled(can_run, egui::Button::new(tr(lang, S::RunGrouping)))
                .clicked()
            {
                self.start(pcx);
            }
        });
        if self.features.is_empty() {
            ui.weak(tr(lang, S::NoFeatures));
        }
        if let Some(job) = &self.job {
            let done = job.done.load(Ordering::Relaxed).min(job.total);
            ui.add(egui::ProgressBar::new(done as f32 / job.total as f32).text(trf(
                lang,
                S::Running,
                &[("done", &done), ("total", &job.total)],
            )));
            ui.ctx().request_repaint_after(Duration::from_millis(40));
        }
        if let Some(e) = &self.error {
            let reason = match e {
                GroupingError::NoFeatures => tr(lang, S::NoFeatures).to_owned(),
                GroupingError::TooFewCustomers { k, .. } => trf(lang, S::TooFew, &[("k", k)]),
                other => other.to_string(),
            };
            ui.colored_label(
                crate::ui::theme::error_color(ui.visuals().dark_mode),
                trf(lang, S::GroupsError, &[("reason", &reason)]),
            );
        }
        let Some(finished) = &mut self.finished else {
            return;
        };
        if !finished.names_edited {
            for (n, name) in finished.names.iter_mut().enumerate() {
                *name = trf(lang, S::DefaultGroupName, &[("n", &(n + 1))]);
            }
        }
        let current = finished.revision == pcx.doc.revision()
            && finished.outcome.grouping.labels.len() == pcx.doc.scenario.customers.len();
        silhouettes_ui(ui, lang, &finished.outcome);
        ui.separator();
        let grouping = &finished.outcome.grouping;
        ui.columns(2, |columns| {
            let [left, right] = columns else { return };
            egui::ScrollArea::vertical()
                .id_salt("groups_list")
                .show(left, |ui| {
                    let mut edited = false;
                    for (g, name) in finished.names.iter_mut().enumerate() {
                        ui.horizontal(|ui| {
                            let dot = ui.colored_label(group_color(g), format!("● {}", g + 1));
                            let edit = ui
                                .add(egui::TextEdit::singleline(name).desired_width(170.0))
                                .labelled_by(dot.id)
                                .on_hover_text(trf(lang, S::GroupName, &[("n", &(g + 1))]));
                            edited |= edit.changed();
                            let size = grouping.sizes.get(g).copied().unwrap_or(0);
                            ui.label(trf(lang, S::GroupSize, &[("n", &size)]));
                        });
                        let traits = grouping.descriptions.get(g).map_or(&[][..], Vec::as_slice);
                        ui.indent(("group_description", g), |ui| {
                            ui.weak(group_description(lang, traits));
                        });
                    }
                    finished.names_edited |= edited;
                    ui.add_space(6.0);
                    if ui
                        .add_enabled(current, egui::Button::new(tr(lang, S::SaveGroups)))
                        .on_hover_text(tr(lang, S::SaveGroupsHint))
                        .clicked()
                    {
                        let saved: Vec<SavedGroup> = finished
                            .names
                            .iter()
                            .enumerate()
                            .map(|(g, name)| SavedGroup {
                                name: name.trim().to_owned(),
                                description: group_description(
                                    lang,
                                    grouping.descriptions.get(g).map_or(&[][..], Vec::as_slice),
                                ),
                                features: grouping.features.clone(),
                            })
                            .collect();
                        let n = saved.len();
                        let scenario = &pcx.doc.scenario;
                        let (customers, groups) = groups::save_groups(
                            &scenario.customers,
                            &scenario.groups,
                            saved,
                            &grouping.labels,
                        );
                        let next = Scenario {
                            customers,
                            groups,
                            ..scenario.without_customers()
                        };
                        out.push(Command::Edit {
                            part: Part::Whole(Box::new(next)),
                            gesture: None,
                        });
                        self.saved = Some(n);
                    }
                    if let Some(n) = self.saved {
                        ui.weak(trf(lang, S::GroupsSaved, &[("n", &n)]));
                    }
                });
            chart_ui(right, lang, &finished.outcome, &finished.names);
        });
    }
}

impl Chart for GroupsChart {
    fn tab(&self) -> ChartTab {
        ChartTab::Groups
    }

    fn label(&self, lang: Language) -> &'static str {
        tr(lang, S::TabGroups)
    }

    fn file_stem(&self) -> &'static str {
        "groups"
    }

    /// Groups are found on request in the page; there is no image of them.
    fn image(&self) -> Option<ChartKind> {
        None
    }

    fn derive(&mut self, _cx: &ChartCx<'_>) {}

    fn ui(&mut self, ui: &mut egui::Ui, cx: &ChartCx<'_>, out: &mut Vec<Command>) {
        self.groups_ui(ui, cx, out);
    }

    fn page_ui(&mut self, ui: &mut egui::Ui, cx: &ChartCx<'_>, out: &mut Vec<Command>) {
        super::tall_ui(ui, "groups", |ui| self.groups_ui(ui, cx, out));
    }

    /// Nothing to copy: groups are found on request, and saved to the customers as tags.
    fn csv(&self, _cx: &ChartCx<'_>) -> String {
        String::new()
    }
}

fn silhouettes_ui(ui: &mut egui::Ui, lang: Language, outcome: &Outcome) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(tr(lang, S::Silhouette));
        for (k, score) in &outcome.silhouettes {
            let text = score.map_or_else(|| format!("k={k}: —"), |s| format!("k={k}: {s:.2}"));
            if *k == outcome.grouping.k {
                ui.strong(text);
            } else {
                ui.label(text);
            }
        }
        let n = outcome.grouping.labels.len().min(groups::SILHOUETTE_SAMPLE);
        if outcome.grouping.labels.len() > groups::SILHOUETTE_SAMPLE {
            ui.weak(trf(lang, S::SilhouetteSample, &[("n", &n)]));
        }
    });
}

/// Grid lines: on profit's log scale one per power of ten (1, 10, 100 …), else a power-of-ten spacer.
fn grid_marks(feature: Option<Feature>, input: egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    if feature == Some(Feature::Profit) {
        let (lo, hi) = input.bounds;
        // Few enough lines that each gets its label (the plot drops labels closer than 60 px).
        let step = match hi - lo {
            span if span <= 4.0 => 1,
            span if span <= 10.0 => 2,
            _ => 4,
        };
        (lo.ceil() as i64..=hi.floor() as i64)
            .filter(|v| v % step == 0)
            .map(|v| egui_plot::GridMark {
                value: v as f64,
                step_size: step as f64,
            })
            .collect()
    } else {
        egui_plot::log_grid_spacer(10)(input)
    }
}

/// An axis label in the feature's own units: profit back from its log scale as money, margin
/// in %, the rest as they are.
fn axis_text(lang: Language, feature: Option<Feature>, value: f64) -> String {
    match feature {
        Some(Feature::Profit) => {
            // log10(1 + |x|): the lines sit at 9, 99, 999 …; labelled 10, 100, 1k.
            let yuan = if value.abs() < 0.5 {
                0.0
            } else {
                value.signum() * 10_f64.powf(value.abs())
            };
            super::axis_money(lang, yuan)
        }
        Some(Feature::Margin) => format!("{:.0}%", value * 100.0),
        _ => {
            let text = format!("{value:.2}");
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        }
    }
}

fn chart_ui(ui: &mut egui::Ui, lang: Language, outcome: &Outcome, names: &[String]) {
    let grouping = &outcome.grouping;
    let (a, b) = grouping.best_pair;
    let x_name = grouping.features.get(a).map_or("", |f| feature_name(lang, *f));
    let y_name = grouping.features.get(b).map_or("", |f| feature_name(lang, *f));
    ui.strong(trf(lang, S::GroupsChart, &[("x", &x_name), ("y", &y_name)]));
    ui.weak(tr(lang, S::GroupsChartHint));
    let x_feature = grouping.features.get(a).copied();
    let y_feature = grouping.features.get(b).copied();
    super::super::still_plot("groups_chart")
        .height(ui.available_height().max(240.0))
        .x_axis_label(x_name)
        .y_axis_label(y_name)
        .x_grid_spacer(move |input| grid_marks(x_feature, input))
        .y_grid_spacer(move |input| grid_marks(y_feature, input))
        .x_axis_formatter(move |mark, _| axis_text(lang, x_feature, mark.value))
        .y_axis_formatter(move |mark, _| axis_text(lang, y_feature, mark.value))
        .legend(Legend::default().position(Corner::RightTop))
        .show(ui, |plot| {
            for g in 0..grouping.k {
                let points: Vec<[f64; 2]> = outcome
                    .points
                    .iter()
                    .filter(|(l, _)| *l == g)
                    .map(|(_, p)| *p)
                    .collect();
                let name = names.get(g).cloned().unwrap_or_default();
                plot.points(
                    Points::new(name, points)
                        .color(group_color(g))
                        .shape(MarkerShape::Circle)
                        .radius(3.0),
                );
            }
        });
}
