//! The texts of the Planner page: the steps with their guidance, the Gantt and KPI views.

use super::tr;
use crate::model::{Direction, FindingKind, Horizon, Language, StepKind};

crate::string_table! {
    /// A text of the Planner page.
    PlannerKey {
    // Header and tabs
    Intro => [
        "Run the SCM/CRM integration project step by step: fill in each step's data, follow the schedule and track the KPIs.",
        "逐步推動 SCM/CRM 整合專案：填寫各步驟的資料，掌握進度並追蹤評估指標。",
        "逐步推进 SCM/CRM 整合项目：填写各步骤的数据，掌握进度并跟踪评估指标。",
    ],
    TabSteps => ["Steps", "步驟", "步骤"],
    TabGantt => ["Gantt", "甘特圖", "甘特图"],
    TabKpis => ["KPIs", "評估指標", "评估指标"],
    WeightedProgress => ["Plan progress {pct}% (weighted by planned duration)", "整體進度 {pct}%（依計劃工期加權）", "整体进度 {pct}%（按计划工期加权）"],
    ExportIcs => ["Export calendar (.ics)…", "匯出行事曆（.ics）…", "导出日历（.ics）…"],
    ExportCsv => ["Export plan (CSV)…", "匯出規劃（CSV）…", "导出规划（CSV）…"],
    ExportFailed => ["Could not build the CSV file.", "無法產生 CSV 檔案。", "无法生成 CSV 文件。"],
    // Step list and detail
    StepOfEight => ["Step {n} of 8", "第 {n} 步（共 8 步）", "第 {n} 步（共 8 步）"],
    ListOverdue => ["overdue", "逾期", "逾期"],
    GuidePurpose => ["What it is for", "目的", "目的"],
    GuideNeeds => ["What it needs", "所需資料", "所需资料"],
    GuideDone => ["Done when", "完成標準", "完成标准"],
    FieldStatus => ["Status", "狀態", "状态"],
    FieldOwner => ["Owner", "負責人", "负责人"],
    FieldPlannedStart => ["Planned start", "計劃開始", "计划开始"],
    FieldPlannedEnd => ["Planned end", "計劃完成", "计划完成"],
    FieldActualStart => ["Actual start", "實際開始", "实际开始"],
    FieldActualEnd => ["Actual end", "實際完成", "实际完成"],
    FieldProgress => ["Progress", "進度", "进度"],
    FieldNotes => ["Notes", "備註", "备注"],
    FieldOverrideNote => ["Why done out of order", "未依順序完成的原因", "未按顺序完成的原因"],
    MarkDone => ["Mark done", "標記為完成", "标记为完成"],
    OverdueNote => [
        "Overdue: the planned end {date} has passed and the step is not done.",
        "已逾期：計劃完成日 {date} 已過，步驟尚未完成。",
        "已逾期：计划完成日 {date} 已过，步骤尚未完成。",
    ],
    EarlierNotStarted => [
        "Earlier steps have not started: {steps}. Say why this step is done anyway.",
        "之前的步驟尚未開始：{steps}。請說明為何此步驟仍可標記為完成。",
        "之前的步骤尚未开始：{steps}。请说明为何此步骤仍可标记为完成。",
    ],
    MarkDoneAnyway => ["Mark done anyway", "仍標記為完成", "仍标记为完成"],
    OutOfOrderWarning => [
        "Done although an earlier step has not started, and no reason is given.",
        "之前的步驟尚未開始，此步驟卻已完成，且未說明原因。",
        "之前的步骤尚未开始，此步骤却已完成，且未说明原因。",
    ],
    StepData => ["Step data", "步驟資料", "步骤数据"],
    AddRow => ["Add row", "新增一列", "添加一行"],
    RemoveRow => ["Remove", "移除", "移除"],
    NoRows => ["Nothing here yet.", "尚無資料。", "尚无数据。"],
    // Step 1
    ColArea => ["Area", "範疇", "范畴"],
    ColFinding => ["Finding", "調查發現", "调查发现"],
    ColKind => ["Connection or break", "銜接或斷點", "衔接或断点"],
    Connection => ["Connection point", "銜接點", "衔接点"],
    Break => ["Break point", "斷點", "断点"],
    // Step 2
    ColId => ["ID", "編號", "编号"],
    ColGoal => ["Goal", "目標", "目标"],
    ColHorizon => ["Horizon", "長短期", "长短期"],
    ShortTerm => ["Short term", "短期", "短期"],
    LongTerm => ["Long term", "長期", "长期"],
    ColMetric => ["Metric", "衡量指標", "衡量指标"],
    ColBaseline => ["Baseline", "基準值", "基准值"],
    ColTarget => ["Target", "目標值", "目标值"],
    ColDue => ["Due", "期限日", "期限日"],
    EarlierTargets => ["Earlier targets: {list}", "先前的目標值：{list}", "先前的目标值：{list}"],
    CycleShort => ["cycle {n}", "第 {n} 輪", "第 {n} 轮"],
    // Step 3
    ColCurrent => ["Current", "現況", "现状"],
    ColGap => ["Gap", "差距", "差距"],
    ColStrength => ["Strength", "優勢", "优势"],
    ColWeakness => ["Weakness", "劣勢", "劣势"],
    GapsExplain => [
        "Gaps are computed from each step 2 goal: target minus current (the baseline).",
        "差距由第 2 步的各目標計算：目標值減去現況（基準值）。",
        "差距由第 2 步的各目标计算：目标值减去现状（基准值）。",
    ],
    // Step 4
    ColStrategy => ["Option", "方案", "方案"],
    ColDescription => ["Description", "說明", "说明"],
    ColBenefit => ["Expected benefit", "預期效益", "预期效益"],
    ColCost => ["Cost", "成本", "成本"],
    ColNet => ["Net", "淨效益", "净效益"],
    ColChosen => ["Chosen", "已選定", "已选定"],
    // Step 5
    Tasks => ["Tasks", "工作項目", "工作事项"],
    Trainings => ["Training sessions", "培訓課程", "培训课程"],
    ColTask => ["Task", "工作項目", "工作事项"],
    ColDone => ["Done", "完成", "完成"],
    ColTopic => ["Topic", "主題", "主题"],
    ColAudience => ["Audience", "對象", "对象"],
    ColDate => ["Date", "日期", "日期"],
    // Step 6
    ColPackage => ["Work package", "工作包", "工作包"],
    ColDepends => ["Depends on", "前置工作", "前置工作"],
    DependsHint => ["IDs separated by commas, e.g. WP1, WP2", "以逗號分隔的編號，例如 WP1, WP2", "以逗号分隔的编号，例如 WP1, WP2"],
    ConflictNote => [
        "{pkg} starts on {start}, before {dep} ends on {end}.",
        "{pkg} 於 {start} 開始，早於 {dep} 的完成日 {end}。",
        "{pkg} 于 {start} 开始，早于 {dep} 的完成日 {end}。",
    ],
    // Step 7
    ColKpi => ["KPI", "評估指標", "评估指标"],
    ColUnit => ["Unit", "單位", "单位"],
    ColDirection => ["Direction", "方向", "方向"],
    HigherBetter => ["Higher is better", "越高越好", "越高越好"],
    LowerBetter => ["Lower is better", "越低越好", "越低越好"],
    ColLatest => ["Latest", "最新值", "最新值"],
    // Step 8
    Measurements => ["KPI measurements", "指標量測值", "指标测量值"],
    ColValue => ["Value", "數值", "数值"],
    ColCompetitor => ["Competitor", "競爭對手", "竞争对手"],
    Revisions => ["Goal revisions", "目標修正", "目标修正"],
    ColNewTarget => ["New target", "新目標值", "新目标值"],
    ColReason => ["Reason", "原因", "原因"],
    ColCycle => ["Cycle", "輪次", "轮次"],
    NewCycleTitle => ["Revise goals and start cycle {n}", "修正目標並開始第 {n} 輪", "修正目标并开始第 {n} 轮"],
    NewCycleExplain => [
        "Change the targets that the results call for. The old targets stay in each goal's history, and step 2 shows the new ones.",
        "依追蹤結果修改目標值。舊目標值會保留在各目標的紀錄中，第 2 步將顯示新的目標值。",
        "根据跟踪结果修改目标值。旧目标值会保留在各目标的记录中，第 2 步将显示新的目标值。",
    ],
    StartCycle => ["Start cycle {n}", "開始第 {n} 輪", "开始第 {n} 轮"],
    NothingChanged => ["Change at least one target first.", "請先修改至少一個目標值。", "请先修改至少一个目标值。"],
    CycleStarted => ["Cycle {n} started.", "已開始第 {n} 輪。", "已开始第 {n} 轮。"],
    // Gantt
    ZoomWeek => ["Week", "週", "周"],
    ZoomMonth => ["Month", "月", "月"],
    ZoomQuarter => ["Quarter", "季", "季"],
    ZoomLabel => ["Zoom", "縮放", "缩放"],
    LegendPlanned => ["Planned (baseline)", "計劃（基準）", "计划（基准）"],
    LegendActual => ["Actual", "實際", "实际"],
    LegendOverdue => ["Overdue", "逾期", "逾期"],
    LegendConflict => ["Dependency conflict", "前置衝突", "前置冲突"],
    LegendToday => ["Today", "今天", "今天"],
    GanttSteps => ["Integration steps", "整合步驟", "整合步骤"],
    GanttPackages => ["Work packages (step 6)", "工作包（第 6 步）", "工作包（第 6 步）"],
    GanttHint => [
        "Drag a planned bar to move its dates, or drag either end to change its length; each drag is one undo step.",
        "拖曳計劃長條可移動其日期，拖曳任一端可改變長度；每次拖曳為一個復原步驟。",
        "拖动计划长条可移动其日期，拖动任一端可改变长度；每次拖动为一个撤销步骤。",
    ],
    GanttEmpty => ["No dated steps or work packages yet.", "尚無已排定日期的步驟或工作包。", "尚无已排定日期的步骤或工作包。"],
    TipPlanned => ["Planned: {start} → {end}", "計劃：{start} → {end}", "计划：{start} → {end}"],
    TipActual => ["Actual: {start} → {end}", "實際：{start} → {end}", "实际：{start} → {end}"],
    TipProgress => ["Progress: {pct}%", "進度：{pct}%", "进度：{pct}%"],
    QuarterName => ["Q{q} {year}", "{year} 年第 {q} 季", "{year} 年第 {q} 季"],
    QuarterShort => ["Q{q}", "第 {q} 季", "第 {q} 季"],
    QuarterYear => ["Q1 {year}", "{year} 年", "{year} 年"],
    // KPI view
    KpiIntro => [
        "Each KPI's measured values over time against its target. Green points meet the target, red ones fall short, judged by the KPI's direction.",
        "各指標的量測值隨時間的變化與目標值的比較。綠點代表達標，紅點代表未達標，依指標方向判斷。",
        "各指标的测量值随时间的变化与目标值的比较。绿点表示达标，红点表示未达标，按指标方向判断。",
    ],
    Better => ["better than target", "優於目標", "优于目标"],
    Worse => ["worse than target", "未達目標", "未达目标"],
    LatestValue => ["Latest {value} {unit} on {date}", "最新 {value} {unit}（{date}）", "最新 {value} {unit}（{date}）"],
    NoMeasurements => ["No measurements yet.", "尚無量測值。", "尚无测量值。"],
    SeriesMeasured => ["Measured", "量測值", "测量值"],
    SeriesTarget => ["Target", "目標值", "目标值"],
    SeriesCompetitor => ["Competitor", "競爭對手", "竞争对手"],
    SeriesBaseline => ["Baseline", "基準值", "基准值"],
    AddMeasurement => ["Add measurement", "新增量測值", "添加测量值"],
    NewMeasurement => ["New measurement", "新的量測值", "新的测量值"],
    MeasurementsOf => ["Measurements ({n})", "量測值（{n}）", "测量值（{n}）"],
    HasCompetitor => ["Competitor value", "競爭對手數值", "竞争对手数值"],
    NoKpis => ["No KPIs yet: define them in step 7.", "尚無評估指標：請在第 7 步設定。", "尚无评估指标：请在第 7 步设置。"],
    // Export names
    IcsStepDue => ["Step {n} due: {name}", "第 {n} 步截止：{name}", "第 {n} 步截止：{name}"],
    IcsDepends => ["Depends on: {ids}", "前置工作：{ids}", "前置工作：{ids}"],
    IcsStatus => ["Status: {status}", "狀態：{status}", "状态：{status}"],
    IcsProgress => ["Progress: {pct}%", "進度：{pct}%", "进度：{pct}%"],
    IcsOwner => ["Owner: {owner}", "負責人：{owner}", "负责人：{owner}"],
    // Guidance: what each step is for, what it needs, and what "done" means.
    G1Purpose => [
        "Find out who creates value for customers, what customers need, and where the supply chain and the CRM processes already meet or fall apart.",
        "找出誰為客戶創造價值、客戶需要什麼，以及供應鏈與 CRM 流程在哪裡已經銜接、在哪裡斷開。",
        "找出谁为客户创造价值、客户需要什么，以及供应链与 CRM 流程在哪里已经衔接、在哪里断开。",
    ],
    G1Needs => [
        "Interviews with sales, service, warehouse and transport teams and some key customers; a view of current systems and facilities.",
        "訪談業務、客服、倉儲與運輸團隊及部分關鍵客戶；掌握現有系統與設施。",
        "访谈业务、客服、仓储与运输团队及部分关键客户；掌握现有系统与设施。",
    ],
    G1Done => [
        "Every area has findings, each tagged as a connection point or a break point.",
        "每個範疇都有調查發現，且每項都標明為銜接點或斷點。",
        "每个范畴都有调查发现，且每项都标明为衔接点或断点。",
    ],
    G2Purpose => [
        "Turn the firm's financial goals into integration goals: a few short-term wins and the long-term direction.",
        "把公司的財務目標轉化為整合目標：幾個短期成果加上長期方向。",
        "把公司的财务目标转化为整合目标：几个短期成果加上长期方向。",
    ],
    G2Needs => [
        "The survey results and the budget; for each goal a metric, today's baseline, a target and a due date.",
        "調查結果與預算；每個目標都要有衡量指標、目前基準值、目標值與期限。",
        "调查结果与预算；每个目标都要有衡量指标、当前基准值、目标值与期限。",
    ],
    G2Done => [
        "Management has agreed goals that can be measured and that have owners and dates.",
        "管理層已同意可衡量、有負責人與期限的目標。",
        "管理层已同意可衡量、有负责人与期限的目标。",
    ],
    G3Purpose => [
        "Compare where the firm is with where the goals want it, and name the strengths to build on and the weaknesses to fix.",
        "比較公司現況與目標之間的差距，指出可發揮的優勢與須改善的劣勢。",
        "比较公司现状与目标之间的差距，指出可发挥的优势与须改善的劣势。",
    ],
    G3Needs => [
        "The goals from step 2 and the facts from step 1.",
        "第 2 步的目標與第 1 步的調查事實。",
        "第 2 步的目标与第 1 步的调查事实。",
    ],
    G3Done => [
        "Each goal's gap is confirmed, with a strength and a weakness noted.",
        "每個目標的差距都已確認，並記下優勢與劣勢。",
        "每个目标的差距都已确认，并记下优势与劣势。",
    ],
    G4Purpose => [
        "The critical step: decide how to integrate, with which methods, and what the firm expects to gain.",
        "關鍵步驟：決定如何整合、採用哪些方法，以及預期獲得的效益。",
        "关键步骤：决定如何整合、采用哪些方法，以及预期获得的效益。",
    ],
    G4Needs => [
        "Two or more options, each with its expected benefit and cost.",
        "兩個以上的方案，各自列出預期效益與成本。",
        "两个以上的方案，各自列出预期效益与成本。",
    ],
    G4Done => [
        "One option is chosen and approved, with the reason written down.",
        "已選定並核准一個方案，且寫下理由。",
        "已选定并批准一个方案，且写下理由。",
    ],
    G5Purpose => [
        "Plan the first integration work, from linking systems to new inventory planning, and train the people who will use it.",
        "規劃初步整合工作（從系統串接到新的存貨規劃），並培訓使用的人員。",
        "规划初步整合工作（从系统对接到新的库存规划），并培训使用的人员。",
    ],
    G5Needs => [
        "The chosen strategy; tasks with owners and dates; training sessions by topic and audience.",
        "已選定的策略；有負責人與期限的工作項目；依主題與對象安排的培訓課程。",
        "已选定的策略；有负责人与期限的工作事项；按主题与对象安排的培训课程。",
    ],
    G5Done => [
        "The tasks are planned and the key training sessions have been held.",
        "工作項目已規劃，主要培訓課程已完成。",
        "工作事项已规划，主要培训课程已完成。",
    ],
    G6Purpose => [
        "Put the integration work in a logical order so that each package starts once what it needs is finished.",
        "為整合工作安排合理順序，讓每個工作包在前置工作完成後才開始。",
        "为整合工作安排合理顺序，让每个工作包在前置工作完成后才开始。",
    ],
    G6Needs => [
        "Work packages with owners, dates and the packages each depends on.",
        "工作包及其負責人、日期與前置工作。",
        "工作包及其负责人、日期与前置工作。",
    ],
    G6Done => [
        "The sequence has no dependency conflicts and every package has dates.",
        "順序中沒有前置衝突，每個工作包都有日期。",
        "顺序中没有前置冲突，每个工作包都有日期。",
    ],
    G7Purpose => [
        "Choose the metrics that show whether integration pays off. Wrong metrics waste the investment, so revisit them.",
        "選出能顯示整合成效的指標。錯誤的指標會浪費投資，因此須持續檢討。",
        "选出能显示整合成效的指标。错误的指标会浪费投资，因此须持续评估。",
    ],
    G7Needs => [
        "For each KPI a unit, whether higher or lower is better, a baseline and a target.",
        "每個指標的單位、越高越好或越低越好、基準值與目標值。",
        "每个指标的单位、越高越好或越低越好、基准值与目标值。",
    ],
    G7Done => [
        "Each goal has at least one KPI and the KPIs are signed off.",
        "每個目標至少有一個指標，且指標已獲核准。",
        "每个目标至少有一个指标，且指标已获批准。",
    ],
    G8Purpose => [
        "Measure results against the firm's own targets and against competitors, then reset the goals and start the next cycle.",
        "對照公司自己的目標與競爭對手的表現衡量成果，再修正目標並開始下一輪。",
        "对照公司自己的目标与竞争对手的表现衡量成果，再修正目标并开始下一轮。",
    ],
    G8Needs => [
        "Regular KPI measurements, with competitor values where known.",
        "定期的指標量測值，並盡可能附上競爭對手的數值。",
        "定期的指标测量值，并尽可能附上竞争对手的数值。",
    ],
    G8Done => [
        "The review is held and revised goals open a new cycle.",
        "已完成檢討，修正後的目標開啟新一輪。",
        "已完成复盘，修正后的目标开启新一轮。",
    ],
    }
}

/// The three guidance texts of a step: what it is for, what it needs, what "done" means.
#[must_use]
pub fn guidance(lang: Language, step: StepKind) -> [&'static str; 3] {
    use PlannerKey as P;
    let keys = match step {
        StepKind::Survey => [P::G1Purpose, P::G1Needs, P::G1Done],
        StepKind::Goals => [P::G2Purpose, P::G2Needs, P::G2Done],
        StepKind::Gaps => [P::G3Purpose, P::G3Needs, P::G3Done],
        StepKind::Strategy => [P::G4Purpose, P::G4Needs, P::G4Done],
        StepKind::PlanAndTrain => [P::G5Purpose, P::G5Needs, P::G5Done],
        StepKind::Sequence => [P::G6Purpose, P::G6Needs, P::G6Done],
        StepKind::Metrics => [P::G7Purpose, P::G7Needs, P::G7Done],
        StepKind::TrackAndRevise => [P::G8Purpose, P::G8Needs, P::G8Done],
    };
    keys.map(|k| tr(lang, k))
}

#[must_use]
pub fn finding_kind_name(lang: Language, kind: FindingKind) -> &'static str {
    tr(
        lang,
        match kind {
            FindingKind::ConnectionPoint => PlannerKey::Connection,
            FindingKind::BreakPoint => PlannerKey::Break,
        },
    )
}

#[must_use]
pub fn horizon_name(lang: Language, horizon: Horizon) -> &'static str {
    tr(
        lang,
        match horizon {
            Horizon::Short => PlannerKey::ShortTerm,
            Horizon::Long => PlannerKey::LongTerm,
        },
    )
}

#[must_use]
pub fn direction_name(lang: Language, direction: Direction) -> &'static str {
    tr(
        lang,
        match direction {
            Direction::HigherIsBetter => PlannerKey::HigherBetter,
            Direction::LowerIsBetter => PlannerKey::LowerBetter,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_planner_table_is_complete() {
        crate::i18n::check_table::<PlannerKey>(&[]);
    }

    #[test]
    fn every_step_has_three_guidance_texts() {
        for lang in Language::ALL {
            for step in StepKind::ALL {
                let texts = guidance(lang, step);
                assert!(texts.iter().all(|t| t.chars().count() > 10), "{lang:?} {step:?}");
            }
        }
    }
}
