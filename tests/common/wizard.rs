//! The dispute wizard driven by its visible labels, shared by the tests that need a dispute at
//! its advice step.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use scm_crm_studio::ui::StudioApp;

/// Clicks the widget with `role` and `label`, then lets the app run.
pub fn click(harness: &mut Harness<'_, StudioApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

/// Types into the field labelled `label`, replacing what it held, then leaves the field:
/// Enter commits a one-line field (Escape would drop what was typed into a typed field), and
/// Escape leaves a multi-line one, where Enter starts a new line.
pub fn type_into(harness: &mut Harness<'_, StudioApp>, label: &str, text: &str) {
    type_and_stay(harness, label, text);
    let one_line = harness.query_by_role_and_label(Role::TextInput, label).is_some();
    // Leave the field, so the next edit is its own undo step.
    harness.key_press(if one_line { Key::Enter } else { Key::Escape });
    harness.run();
}

/// Types into the field labelled `label`, replacing what it held, and keeps the focus there.
pub fn type_and_stay(harness: &mut Harness<'_, StudioApp>, label: &str, text: &str) {
    let role = if harness.query_by_role_and_label(Role::TextInput, label).is_some() {
        Role::TextInput
    } else {
        Role::MultilineTextInput
    };
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

/// The wizard's Next button.
pub fn next(harness: &mut Harness<'_, StudioApp>) {
    click(harness, Role::Button, "Next");
}

/// Runs the wizard for a quantity-of-work dispute with `customer_id` up to the advice step.
pub fn wizard_to_advice(
    harness: &mut Harness<'_, StudioApp>,
    customer_id: &str,
    contract: &str,
    clause: bool,
) {
    // Worked out by hand from the sample (discount rate 0, so value at risk = annual profit ×
    // the tier's default remaining years): C003 makes ¥6,300,000 a year and is class A, so key,
    // 5 years: ¥31,500,000. C022 makes ¥270,000 (class C, growth 3 < 4), so general, 3 years:
    // ¥810,000.
    let (tier, at_risk) = match customer_id {
        "C003" => ("Tier: Key, because", "Relationship value at risk: ¥31,500,000"),
        "C022" => ("Tier: General, because", "Relationship value at risk: ¥810,000"),
        other => panic!("no expected figures for {other}"),
    };
    click(harness, Role::Button, "New dispute");
    // 1 Parties
    harness.get_by_label("Step 1 of 7: Parties");
    type_into(harness, "Search", customer_id);
    harness
        .get(
            By::new()
                .role(Role::Button)
                .label_contains(&format!("({customer_id})")),
        )
        .click();
    harness.run();
    harness.get(By::new().label_contains(tier));
    type_into(harness, "Contract name", contract);
    type_into(harness, "Contract value", "1,200,000");
    type_into(harness, "Signed on", "2025-03-01");
    if clause {
        click(harness, Role::CheckBox, "The contract has an arbitration clause");
    }
    next(harness);
    // 2 Dispute kind: the six kinds and other, each explained.
    harness.get_by_label("Step 2 of 7: Dispute kind");
    harness.get_by_label("The parties disagree on how much work was done.");
    click(harness, Role::RadioButton, "Quantity of work");
    click(
        harness,
        Role::CheckBox,
        "Are there site visas signed by the employer's representative?",
    );
    next(harness);
    // 3 Facts
    harness.get_by_label("Step 3 of 7: Facts");
    type_into(harness, "Amount claimed", "500000");
    type_into(harness, "Amount disputed", "400000");
    type_into(harness, "Date the damage was known", "2026-09-01");
    // Three years on is Saturday 2029-09-01: the period runs to Monday 2029-09-03 (art. 203).
    harness.get_by_label(
        "The limitation period ends on 2029-09-03 (1012 days left; moved from 2029-09-01 (art. 203); 2029 is not in the holiday calendar: weekends only).",
    );
    click(harness, Role::CheckBox, "Site visas");
    harness.get_by_label("Evidence held (1 of 6)");
    next(harness);
    // 4 Relationship: prefilled from the customer.
    harness.get_by_label("Step 4 of 7: Relationship");
    let draft = harness.state().document().scenario.dispute_draft.clone().unwrap();
    assert!(
        draft.dispute.relationship.annual_profit.minor() > 0,
        "annual profit is prefilled from the customer"
    );
    harness.get(By::new().label_contains(at_risk));
    next(harness);
    harness.get_by_label("Step 5 of 7: Advice");
}
