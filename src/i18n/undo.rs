//! The names of undo steps: "Undo: edit C029 — Cost to serve" in the Edit menu and in the
//! message shown after an undo or redo.

use super::compare::field_name;
use super::{step_name, tr, trf};
use crate::model::Language;
use crate::model::scene::SceneChange;
use crate::model::step_name::{PlanList, StepName};

crate::string_table! {
    /// A text about undo steps.
    UndoKey {
    UndoStep => ["Undo: {step}", "復原：{step}", "撤销：{step}"],
    RedoStep => ["Redo: {step}", "重做：{step}", "重做：{step}"],
    Undone => ["Undone: {step}", "已復原：{step}", "已撤销：{step}"],
    Redone => ["Redone: {step}", "已重做：{step}", "已重做：{step}"],
    Show => ["Show", "顯示", "显示"],
    ShowHint => ["Go to where this change was made", "前往此變更所在之處", "前往此更改所在之处"],
    EditProperties => ["edit the scenario properties", "編輯情境方案屬性", "编辑情景方案属性"],
    EditSettings => ["change the settings", "變更設定", "更改设置"],
    EditCustomer => ["edit {id}", "編輯 {id}", "编辑 {id}"],
    EditCustomerField => ["edit {id} — {field}", "編輯 {id}——{field}", "编辑 {id}——{field}"],
    AddCustomer => ["add customer {id}", "新增客戶 {id}", "添加客户 {id}"],
    AddCustomers => ["add {count} customers", "新增 {count} 位客戶", "添加 {count} 位客户"],
    RemoveCustomer => ["delete customer {id}", "刪除客戶 {id}", "删除客户 {id}"],
    RemoveCustomers => ["delete {count} customers", "刪除 {count} 位客戶", "删除 {count} 位客户"],
    EditCustomers => ["edit the customer list", "編輯客戶清單", "编辑客户列表"],
    EditStep => ["edit step {n}: {name}", "編輯第 {n} 步：{name}", "编辑第 {n} 步：{name}"],
    EditPlan => ["edit the plan — {list}", "編輯整合規劃——{list}", "编辑整合规划——{list}"],
    EditDispute => ["edit dispute {id}", "編輯糾紛 {id}", "编辑纠纷 {id}"],
    AddDispute => ["add dispute {id}", "新增糾紛 {id}", "添加纠纷 {id}"],
    RemoveDispute => ["delete dispute {id}", "刪除糾紛 {id}", "删除纠纷 {id}"],
    RemoveDisputes => ["delete {count} disputes", "刪除 {count} 件糾紛", "删除 {count} 件纠纷"],
    EditDisputes => ["edit the dispute log", "編輯糾紛紀錄", "编辑纠纷记录"],
    WizardDraft => ["dispute wizard entry", "糾紛決策向導的輸入", "纠纷决策向导的输入"],
    RecordDecision => ["record the decision on {id}", "記錄 {id} 的決定", "记录 {id} 的决定"],
    EditScenario => ["change the whole scenario", "變更整個情境方案", "更改整个情景方案"],
    AddScene => ["add scene “{title}”", "新增場景「{title}」", "添加场景“{title}”"],
    RemoveScene => ["delete scene “{title}”", "刪除場景「{title}」", "删除场景“{title}”"],
    RenameScene => ["rename scene to “{title}”", "將場景改名為「{title}」", "将场景改名为“{title}”"],
    UpdateScene => ["update scene “{title}”", "更新場景「{title}」", "更新场景“{title}”"],
    MoveScene => ["reorder the scenes", "調整場景順序", "调整场景顺序"],
    EditScenes => ["edit the scenes", "編輯場景", "编辑场景"],
    ListFindings => ["survey findings", "調查發現", "调查发现"],
    ListGoals => ["goals", "目標", "目标"],
    ListGaps => ["gap notes", "差距說明", "差距说明"],
    ListStrategies => ["strategy options", "策略方案", "策略方案"],
    ListTasks => ["tasks", "任務", "任务"],
    ListTrainings => ["training sessions", "培訓場次", "培训场次"],
    ListWorkPackages => ["work packages", "工作包", "工作包"],
    ListKpis => ["KPIs", "評估指標", "评估指标"],
    ListMeasurements => ["KPI measurements", "指標量測值", "指标测量值"],
    ListRevisions => ["goal revisions", "目標修訂", "目标修订"],
    ListCycle => ["revision cycle", "修訂輪次", "修订轮次"],
    }
}

fn list_name(lang: Language, list: PlanList) -> &'static str {
    use UndoKey as K;
    tr(
        lang,
        match list {
            PlanList::Findings => K::ListFindings,
            PlanList::Goals => K::ListGoals,
            PlanList::Gaps => K::ListGaps,
            PlanList::Strategies => K::ListStrategies,
            PlanList::Tasks => K::ListTasks,
            PlanList::Trainings => K::ListTrainings,
            PlanList::WorkPackages => K::ListWorkPackages,
            PlanList::Kpis => K::ListKpis,
            PlanList::Measurements => K::ListMeasurements,
            PlanList::Revisions => K::ListRevisions,
            PlanList::Cycle => K::ListCycle,
        },
    )
}

/// What a step did, as a phrase: "edit C029 — Cost to serve".
#[must_use]
pub fn step_text(lang: Language, step: &StepName) -> String {
    use UndoKey as K;
    match step {
        StepName::EditProperties => tr(lang, K::EditProperties).to_owned(),
        StepName::EditSettings => tr(lang, K::EditSettings).to_owned(),
        StepName::EditCustomer { id, field: None } => trf(lang, K::EditCustomer, &[("id", id)]),
        StepName::EditCustomer {
            id,
            field: Some(field),
        } => trf(
            lang,
            K::EditCustomerField,
            &[("id", id), ("field", &field_name(lang, *field))],
        ),
        StepName::AddCustomers { count: 1, first } => trf(lang, K::AddCustomer, &[("id", first)]),
        StepName::AddCustomers { count, .. } => trf(lang, K::AddCustomers, &[("count", count)]),
        StepName::RemoveCustomers { count: 1, first } => trf(lang, K::RemoveCustomer, &[("id", first)]),
        StepName::RemoveCustomers { count, .. } => trf(lang, K::RemoveCustomers, &[("count", count)]),
        StepName::EditCustomers => tr(lang, K::EditCustomers).to_owned(),
        StepName::EditStep(kind) => trf(
            lang,
            K::EditStep,
            &[("n", &kind.number()), ("name", &step_name(lang, *kind))],
        ),
        StepName::EditPlan(list) => trf(lang, K::EditPlan, &[("list", &list_name(lang, *list))]),
        StepName::EditDispute { id } => trf(lang, K::EditDispute, &[("id", id)]),
        StepName::AddDispute { id } => trf(lang, K::AddDispute, &[("id", id)]),
        StepName::RemoveDisputes { count: 1, first } => trf(lang, K::RemoveDispute, &[("id", first)]),
        StepName::RemoveDisputes { count, .. } => trf(lang, K::RemoveDisputes, &[("count", count)]),
        StepName::EditDisputes => tr(lang, K::EditDisputes).to_owned(),
        StepName::WizardDraft => tr(lang, K::WizardDraft).to_owned(),
        StepName::RecordDecision { id } => trf(lang, K::RecordDecision, &[("id", id)]),
        StepName::EditScenario => tr(lang, K::EditScenario).to_owned(),
        StepName::Scene(change) => {
            let (key, title) = match change {
                SceneChange::Added(t) => (K::AddScene, t.as_str()),
                SceneChange::Removed(t) => (K::RemoveScene, t.as_str()),
                SceneChange::Renamed(t) => (K::RenameScene, t.as_str()),
                SceneChange::Updated(t) => (K::UpdateScene, t.as_str()),
                SceneChange::Moved => (K::MoveScene, ""),
                SceneChange::Edited => (K::EditScenes, ""),
            };
            trf(lang, key, &[("title", &title)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StepKind;
    use crate::model::compare::CustomerField;

    #[test]
    fn the_table_is_complete() {
        super::super::check_table::<UndoKey>(&[UndoKey::ListWorkPackages, UndoKey::ListStrategies]);
    }

    #[test]
    fn steps_read_as_phrases() {
        let cost = StepName::EditCustomer {
            id: "C029".into(),
            field: Some(CustomerField::CostToServe),
        };
        assert_eq!(step_text(Language::English, &cost), "edit C029 — Cost to serve");
        assert_eq!(
            step_text(Language::TraditionalChinese, &cost),
            "編輯 C029——服務成本"
        );
        assert_eq!(
            step_text(Language::English, &StepName::RecordDecision { id: "D004".into() }),
            "record the decision on D004"
        );
        assert_eq!(
            step_text(Language::SimplifiedChinese, &StepName::EditStep(StepKind::Gaps)),
            "编辑第 3 步：分析和确认差异"
        );
        assert_eq!(
            step_text(
                Language::English,
                &StepName::RemoveCustomers {
                    count: 3,
                    first: "C1".into()
                }
            ),
            "delete 3 customers"
        );
    }
}
