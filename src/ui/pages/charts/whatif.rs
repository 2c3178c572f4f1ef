//! The what-if panel: sliders that re-tier a copy live, the counts against the saved scenario,
//! and "Apply to scenario" (one undo step) or "Reset".

use egui::RichText;

use super::K;
use super::shared::Shared;
use crate::i18n::{tier_name, tr, trf};
use crate::model::charts::WhatIf;
use crate::model::{Part, Tier};
use crate::ui::commands::Command;
use crate::ui::pages::PageContext;
use crate::ui::theme;

/// A labelled slider; the label names the slider for screen readers and tests.
fn slider_ui<T: egui::emath::Numeric>(
    ui: &mut egui::Ui,
    lang: crate::model::Language,
    label: &str,
    value: &mut T,
    range: std::ops::RangeInclusive<T>,
    suffix: &str,
) -> bool {
    let label = ui.label(label);
    // As wide as the panel allows, so a point of drag is a small change; the value beside it
    // can be typed into, and the arrow keys move one step when the slider has focus.
    let changed = ui
        .scope(|ui| {
            ui.spacing_mut().slider_width = (ui.available_width() - 90.0).max(120.0);
            ui.add(
                egui::Slider::new(value, range)
                    .suffix(suffix)
                    .step_by(1.0)
                    .smart_aim(false),
            )
            .labelled_by(label.id)
            .on_hover_text(tr(lang, K::WiSliderHint))
            .changed()
        })
        .inner;
    ui.add_space(4.0);
    changed
}

/// "key: 9 → 7", or "key: 9" when nothing changed.
fn count_line(lang: crate::model::Language, name: &str, saved: usize, now: usize) -> String {
    if saved == now {
        trf(lang, K::WiSame, &[("name", &name), ("now", &now)])
    } else {
        trf(
            lang,
            K::WiChanged,
            &[("name", &name), ("saved", &saved), ("now", &now)],
        )
    }
}

pub fn panel_ui(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    d: &Shared,
    what_if: &mut WhatIf,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let saved = &cx.doc.scenario.settings;
    let dark = ui.visuals().dark_mode;
    ui.add_space(4.0);
    ui.heading(tr(lang, K::WhatIf));
    ui.weak(tr(lang, K::WhatIfIntro));
    ui.add_space(8.0);

    slider_ui(
        ui,
        lang,
        tr(lang, K::WiCostToServe),
        &mut what_if.cost_to_serve_pct,
        -50.0..=100.0,
        " %",
    );
    ui.checkbox(&mut what_if.cost_only_loss_makers, tr(lang, K::WiCostLossMakers))
        .on_hover_text(tr(lang, K::WiCostLossMakersHint));
    ui.add_space(4.0);
    slider_ui(
        ui,
        lang,
        tr(lang, K::WiPrice),
        &mut what_if.price_pct,
        -30.0..=30.0,
        " %",
    );
    // The thresholds as the what-if would apply them (B never below A: the model's rule).
    let tried = what_if.settings(saved);
    let mut a = tried.a_threshold_pct;
    if slider_ui(ui, lang, tr(lang, K::WiA), &mut a, 50.0..=99.0, " %") {
        what_if.a_threshold_pct = Some(a);
    }
    let mut b = what_if.settings(saved).b_threshold_pct;
    if slider_ui(ui, lang, tr(lang, K::WiB), &mut b, a..=100.0, " %") {
        what_if.b_threshold_pct = Some(b);
    }
    let mut growth = what_if.growth_threshold.unwrap_or(saved.growth_threshold);
    if slider_ui(ui, lang, tr(lang, K::WiGrowth), &mut growth, 1..=5, "") {
        what_if.growth_threshold = Some(growth);
    }

    let neutral = what_if.is_neutral(saved);
    ui.horizontal(|ui| {
        let apply = ui
            .add_enabled(
                !neutral,
                egui::Button::new(RichText::new(tr(lang, K::WiApply)).strong()),
            )
            .on_hover_text(tr(lang, K::WiApplyHint));
        if apply.clicked() {
            // The whole scenario in one edit, so the amounts and the thresholds undo together.
            let next = what_if.apply(&cx.doc.scenario);
            out.push(Command::Edit {
                part: Part::Whole(Box::new(next)),
                gesture: None,
            });
            *what_if = WhatIf::default();
        }
        if ui
            .add_enabled(!neutral, egui::Button::new(tr(lang, K::WiReset)))
            .on_hover_text(tr(lang, K::WiResetHint))
            .clicked()
        {
            *what_if = WhatIf::default();
        }
    });

    if ui
        .add_enabled(
            !neutral,
            egui::Button::new(tr(lang, crate::i18n::compare::CompareKey::SaveWhatIf)),
        )
        .on_hover_text(tr(lang, crate::i18n::compare::CompareKey::SaveWhatIfHint))
        .clicked()
    {
        out.push(Command::SaveWhatIf(*what_if));
    }

    ui.add_space(10.0);
    ui.separator();
    ui.strong(tr(lang, K::WiTiers));
    let deltas = &d.deltas;
    for tier in Tier::ALL {
        let slot = tier as usize;
        let (saved_n, now_n) = (
            deltas.tiers_saved.get(slot).copied().unwrap_or(0),
            deltas.tiers_now.get(slot).copied().unwrap_or(0),
        );
        ui.horizontal(|ui| {
            ui.label(RichText::new("●").color(theme::tier_color(tier, dark)));
            let text = RichText::new(count_line(lang, tier_name(lang, tier), saved_n, now_n));
            ui.label(if saved_n == now_n { text } else { text.strong() });
        });
    }
    ui.add_space(6.0);
    ui.strong(tr(lang, K::WiClasses));
    for (slot, class) in [
        crate::model::AbcClass::A,
        crate::model::AbcClass::B,
        crate::model::AbcClass::C,
    ]
    .into_iter()
    .enumerate()
    {
        let (saved_n, now_n) = (
            deltas.classes_saved.get(slot).copied().unwrap_or(0),
            deltas.classes_now.get(slot).copied().unwrap_or(0),
        );
        ui.horizontal(|ui| {
            ui.label(RichText::new("●").color(theme::class_color(class, dark)));
            ui.label(count_line(lang, crate::i18n::class_name(class), saved_n, now_n));
        });
    }
    ui.add_space(6.0);
    ui.strong(tr(lang, K::WiProfit));
    let symbol = &saved.currency_symbol;
    let (was, now) = (
        super::whole_money(symbol, d.profit_saved),
        super::whole_money(symbol, d.profit_now),
    );
    ui.label(if d.profit_saved == d.profit_now {
        now
    } else {
        format!("{was} → {now}")
    });
}

/// The what-if in one line above a chart in presenter mode: what is tried, the profit before
/// and after, and the loss-makers before and after, so the class reads the change.
pub fn summary_ui(ui: &mut egui::Ui, cx: &super::ChartCx<'_>, what_if: &WhatIf) {
    let lang = cx.lang;
    let d = cx.shared;
    let name = crate::i18n::compare::what_if_name(lang, what_if, &d.settings);
    let loss = Tier::LossMaking as usize;
    let (saved_n, now_n) = (
        d.deltas.tiers_saved.get(loss).copied().unwrap_or(0),
        d.deltas.tiers_now.get(loss).copied().unwrap_or(0),
    );
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(name).strong().color(theme::warning_color(cx.dark)));
        ui.label(format!(
            "{}: {} → {}",
            tr(lang, K::WiProfit),
            cx.money(d.profit_saved),
            cx.money(d.profit_now)
        ));
        ui.label(
            RichText::new(count_line(
                lang,
                tier_name(lang, Tier::LossMaking),
                saved_n,
                now_n,
            ))
            .color(theme::tier_color(Tier::LossMaking, cx.dark)),
        );
    });
}
