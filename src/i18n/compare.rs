//! The texts of the scenario comparison (File ▸ Compare with…) and of "Save what-if as a new
//! scenario…", with the helpers that word a comparison's values.

use super::{tier_name, tr, trf};
use crate::model::charts::WhatIf;
use crate::model::compare::{CustomerField, FieldValue};
use crate::model::{Language, Settings, format_minor};

crate::string_table! {
    /// A text of the comparison view.
    CompareKey {
    MenuCompare => ["Compare with…", "比較…", "比较…"],
    PickFile => ["Scenario file…", "情境方案檔…", "情景方案文件…"],
    Backup => ["Backup of this file (.bak)", "此檔案的備份（.bak）", "此文件的备份（.bak）"],
    BackupHint => [
        "The version before the last save",
        "上次儲存之前的版本",
        "上次保存之前的版本",
    ],
    NoBackup => [
        "This file has no backup yet; it is made by the next save.",
        "此檔案尚無備份；下次儲存時會建立。",
        "此文件尚无备份；下次保存时会创建。",
    ],
    RecentFiles => ["Recent files", "最近的檔案", "最近的文件"],
    NoWhatIf => [
        "No what-if is being tried on the Charts page",
        "「圖表」頁目前沒有進行中的假設分析",
        "“图表”页当前没有进行中的假设分析",
    ],
    WhatIfName => ["what-if: {changes}", "假設分析：{changes}", "假设分析：{changes}"],
    WhatIfCts => ["cost to serve {pct}", "服務成本 {pct}", "服务成本 {pct}"],
    WhatIfCtsLossMakers => ["cost to serve of the loss-makers {pct}", "虧損客戶的服務成本 {pct}", "亏损客户的服务成本 {pct}"],
    WhatIfPrice => ["price {pct}", "價格 {pct}", "价格 {pct}"],
    WhatIfA => ["class A at {pct}%", "A 類門檻 {pct}%", "A 类门槛 {pct}%"],
    WhatIfB => ["class B at {pct}%", "B 類門檻 {pct}%", "B 类门槛 {pct}%"],
    WhatIfGrowth => ["key from growth {n}", "成長潛力 {n} 以上為關鍵", "成长潜力 {n} 以上为关键"],
    // The view
    Title => ["Comparison", "比較", "比较"],
    Back => ["← Back to the scenario", "← 返回情境方案", "← 返回情景方案"],
    Close => ["Close comparison", "關閉比較", "关闭比较"],
    SideA => ["A (open): {name}", "A（目前開啟）：{name}", "A（当前打开）：{name}"],
    SideB => ["B: {name}", "B：{name}", "B：{name}"],
    ReadOnly => [
        "Read-only: nothing here changes either scenario. Green is better for the firm, red is worse.",
        "唯讀：此處不會變更任何一個情境方案。綠色表示對企業較好，紅色表示較差。",
        "只读：此处不会更改任何一个情景方案。绿色表示对企业较好，红色表示较差。",
    ],
    Same => [
        "The two scenarios have the same content.",
        "兩個情境方案的內容相同。",
        "两个情景方案的内容相同。",
    ],
    OtherDifferences => [
        "They differ only in details not listed here (for example names or notes in the plan or the disputes).",
        "兩者只在此處未列出的細節上不同（例如規劃或糾紛中的名稱或備註）。",
        "两者只在此处未列出的细节上不同（例如规划或纠纷中的名称或备注）。",
    ],
    TabOverview => ["Overview", "概覽", "概览"],
    TabMigration => ["Tier migration", "分級移動", "分级移动"],
    TabCustomers => ["Customer differences", "客戶差異", "客户差异"],
    TabPlan => ["Plan and disputes", "規劃與糾紛", "规划与纠纷"],
    ColA => ["A", "A", "A"],
    ColB => ["B", "B", "B"],
    ColDelta => ["B − A", "B − A", "B − A"],
    Totals => ["Totals", "總計", "总计"],
    TierCounts => ["Customers per tier", "各分級客戶數", "各分级客户数"],
    ClassCounts => ["Customers per ABC class", "各 ABC 類別客戶數", "各 ABC 类别客户数"],
    ClassRow => ["Class {class}", "{class} 類", "{class} 类"],
    CustomerCounts => [
        "Customers: {added} added, {removed} removed, {changed} changed",
        "客戶：新增 {added} 位、移除 {removed} 位、變更 {changed} 位",
        "客户：新增 {added} 位、移除 {removed} 位、更改 {changed} 位",
    ],
    SettingsChanged => ["Segmentation settings that differ", "不同的分級設定", "不同的分级设置"],
    SetA => ["Class A threshold: {old}% → {new}%", "A 類門檻：{old}% → {new}%", "A 类门槛：{old}% → {new}%"],
    SetB => ["Class B threshold: {old}% → {new}%", "B 類門檻：{old}% → {new}%", "B 类门槛：{old}% → {new}%"],
    SetGrowth => [
        "Growth threshold for key customers: {old} → {new}",
        "關鍵客戶的成長潛力門檻：{old} → {new}",
        "关键客户的成长潜力门槛：{old} → {new}",
    ],
    SetCurrency => [
        "The currencies differ: {old} → {new}. Amounts are compared as numbers.",
        "貨幣不同：{old} → {new}。金額僅按數字比較。",
        "货币不同：{old} → {new}。金额仅按数字比较。",
    ],
    MarginPoints => ["{n} pt", "{n} 個百分點", "{n} 个百分点"],
    WhaleTitle => ["Whale curves of A and B", "A 與 B 的鯨魚曲線", "A 与 B 的鲸鱼曲线"],
    WhaleX => ["Share of customers, ranked by profit (%)", "客戶占比，依利潤排序（%）", "客户占比，按利润排序（%）"],
    WhaleY => ["Cumulative share of profit (%)", "累計利潤占比（%）", "累计利润占比（%）"],
    WhalePeak => [
        "{side}: the top {customers}% of customers make {profit}% of profit",
        "{side}：前 {customers}% 的客戶貢獻 {profit}% 的利潤",
        "{side}：前 {customers}% 的客户贡献 {profit}% 的利润",
    ],
    // Tier migration
    MigrationIntro => [
        "Customers in both scenarios, by tier in A (rows) and in B (columns). Click a count to list its customers.",
        "兩個情境方案都有的客戶，依 A 的分級（列）與 B 的分級（欄）計數。按一下數字可列出這些客戶。",
        "两个情景方案都有的客户，按 A 的分级（行）与 B 的分级（列）计数。单击数字可列出这些客户。",
    ],
    MigrationCorner => ["A ↓  B →", "A ↓  B →", "A ↓  B →"],
    Cell => [
        "{from} in A, {to} in B: {n}",
        "A 為{from}、B 為{to}：{n}",
        "A 为{from}、B 为{to}：{n}",
    ],
    CellList => [
        "Customers that went from {from} to {to}: {n}",
        "{from} → {to}：{n} 位客戶",
        "{from} → {to}：{n} 位客户",
    ],
    PickCell => [
        "Click a count in the matrix to list its customers.",
        "按一下矩陣中的數字即可列出其客戶。",
        "单击矩阵中的数字即可列出其客户。",
    ],
    RowTotal => ["In A and B", "A 與 B 都有", "A 与 B 都有"],
    // Customer differences
    Filter => ["Filter", "篩選", "筛选"],
    FilterHint => ["id, name or field", "編號、名稱或欄位", "编号、名称或字段"],
    Show => ["Show", "顯示", "显示"],
    All => ["All", "全部", "全部"],
    Added => ["Added", "新增", "新增"],
    Removed => ["Removed", "移除", "移除"],
    Changed => ["Changed", "變更", "更改"],
    ColChange => ["Change", "差異", "差异"],
    ColTiers => ["Tier A → B", "分級 A → B", "分级 A → B"],
    ColProfitA => ["Profit A", "利潤 A", "利润 A"],
    ColProfitB => ["Profit B", "利潤 B", "利润 B"],
    ColProfitDelta => ["Profit change", "利潤變化", "利润变化"],
    ColFields => ["What changed", "變更內容", "更改内容"],
    SortHint => ["Click to sort; click again to reverse", "按一下排序；再按一下反向", "单击排序；再次单击反向"],
    Rows => ["{shown} of {total} customers", "共 {total} 位客戶，顯示 {shown} 位", "共 {total} 位客户，显示 {shown} 位"],
    NoCustomerDiffs => ["No customer differs.", "沒有客戶不同。", "没有客户不同。"],
    ExportCsv => ["Export CSV…", "匯出 CSV…", "导出 CSV…"],
    ExportXlsx => ["Export XLSX…", "匯出 XLSX…", "导出 XLSX…"],
    SheetName => ["Customer differences", "客戶差異", "客户差异"],
    FieldLine => ["{field}: {old} → {new}", "{field}：{old} → {new}", "{field}：{old} → {new}"],
    // Field names
    FName => ["Name", "名稱", "名称"],
    FIndustry => ["Industry", "行業", "行业"],
    FRegion => ["Region", "地區", "地区"],
    FContact => ["Contact", "聯絡人", "联系人"],
    FSince => ["Customer since", "往來起始日", "往来起始日"],
    FRevenue => ["Revenue", "營業額", "营业额"],
    FCostOfGoods => ["Cost of goods", "貨品成本", "货品成本"],
    FCostToServe => ["Cost to serve", "服務成本", "服务成本"],
    FGrowth => ["Growth potential", "成長潛力", "成长潜力"],
    FValue => ["Value scores", "價值評分", "价值评分"],
    FOverride => ["Tier override", "分級覆寫", "分级覆盖"],
    FTags => ["Tags", "標籤", "标签"],
    FPromotions => ["Promotions", "促銷紀錄", "促销记录"],
    FInteractions => ["Interactions", "互動紀錄", "互动记录"],
    FExperiences => ["Experiences", "體驗紀錄", "体验记录"],
    FRfm => ["RFM", "RFM", "RFM"],
    // Values
    ValNone => ["—", "—", "—"],
    ValEntries => ["{n} entries", "{n} 筆", "{n} 条"],
    ValRfm => ["R {r} days, F {f}, M {m}", "R {r} 天，F {f}，M {m}", "R {r} 天，F {f}，M {m}"],
    // Plan and disputes
    PlanSteps => ["Plan steps that changed", "有變更的規劃步驟", "有更改的规划步骤"],
    NoPlanChanges => [
        "No plan step, goal target or KPI target changed.",
        "規劃步驟、目標值與評估指標目標值都沒有變更。",
        "规划步骤、目标值与评估指标目标值都没有更改。",
    ],
    StepLine => ["Step {n}: {name}", "第 {n} 步：{name}", "第 {n} 步：{name}"],
    StepStatus => ["status {old} → {new}", "狀態 {old} → {new}", "状态 {old} → {new}"],
    StepProgress => ["progress {old}% → {new}%", "進度 {old}% → {new}%", "进度 {old}% → {new}%"],
    PlannedStart => ["planned start {old} → {new}", "計畫開始 {old} → {new}", "计划开始 {old} → {new}"],
    PlannedEnd => ["planned end {old} → {new}", "計畫完成 {old} → {new}", "计划完成 {old} → {new}"],
    ActualStart => ["actual start {old} → {new}", "實際開始 {old} → {new}", "实际开始 {old} → {new}"],
    ActualEnd => ["actual end {old} → {new}", "實際完成 {old} → {new}", "实际完成 {old} → {new}"],
    Goals => ["Goal targets that changed", "有變更的目標值", "有更改的目标值"],
    Kpis => ["KPI targets that changed", "有變更的評估指標目標值", "有更改的评估指标目标值"],
    TargetLine => ["{id} {name}: {old} → {new}", "{id} {name}：{old} → {new}", "{id} {name}：{old} → {new}"],
    Disputes => ["Disputes", "糾紛", "纠纷"],
    NoDisputeChanges => [
        "No dispute was added or removed, and no route or decision changed.",
        "沒有新增或移除的糾紛，處理途徑與決定也都沒有變更。",
        "没有新增或移除的纠纷，处理途径与决定也都没有更改。",
    ],
    DisputeAdded => ["Added {id} ({customer}): route {route}", "新增 {id}（{customer}）：處理途徑 {route}", "新增 {id}（{customer}）：处理途径 {route}"],
    DisputeRemoved => ["Removed {id} ({customer})", "移除 {id}（{customer}）", "移除 {id}（{customer}）"],
    DisputeChanged => ["{id} ({customer}): {changes}", "{id}（{customer}）：{changes}", "{id}（{customer}）：{changes}"],
    RouteChange => ["route {old} → {new}", "處理途徑 {old} → {new}", "处理途径 {old} → {new}"],
    DecisionChange => ["decision {old} → {new}", "決定 {old} → {new}", "决定 {old} → {new}"],
    DecisionOn => ["{route} on {date}", "{date} 決定{route}", "{date} 决定{route}"],
    NoDecision => ["none", "無", "无"],
    SaveWhatIf => ["Save what-if as a new scenario…", "將假設分析另存為新情境方案…", "将假设分析另存为新情景方案…"],
    SaveWhatIfHint => [
        "Write a new file with these changes applied; the open scenario and its file stay as they are",
        "以套用這些變更後的內容寫入新檔案；目前的情境方案與其檔案維持不變",
        "以应用这些更改后的内容写入新文件；当前情景方案及其文件保持不变",
    ],
    }
}

/// The keys that read the same in every language (letters, symbols).
pub const SAME_EVERYWHERE: [CompareKey; 6] = [
    CompareKey::ColA,
    CompareKey::ColB,
    CompareKey::ColDelta,
    CompareKey::MigrationCorner,
    CompareKey::FRfm,
    CompareKey::ValNone,
];

/// A field's name.
#[must_use]
pub fn field_name(lang: Language, field: CustomerField) -> &'static str {
    use CompareKey as K;
    use CustomerField as F;
    tr(
        lang,
        match field {
            F::Name => K::FName,
            F::Industry => K::FIndustry,
            F::Region => K::FRegion,
            F::Contact => K::FContact,
            F::Since => K::FSince,
            F::Revenue => K::FRevenue,
            F::CostOfGoods => K::FCostOfGoods,
            F::CostToServe => K::FCostToServe,
            F::GrowthPotential => K::FGrowth,
            F::Value => K::FValue,
            F::TierOverride => K::FOverride,
            F::Tags => K::FTags,
            F::Promotions => K::FPromotions,
            F::Interactions => K::FInteractions,
            F::Experiences => K::FExperiences,
            F::Rfm => K::FRfm,
        },
    )
}

/// One side of a changed field, as text. Money keeps its cents.
#[must_use]
pub fn field_value_text(lang: Language, value: &FieldValue) -> String {
    let none = || tr(lang, CompareKey::ValNone).to_owned();
    match value {
        FieldValue::Text(t) if t.is_empty() => none(),
        FieldValue::Text(t) => t.clone(),
        FieldValue::Money(m) => m.to_string(),
        FieldValue::Score(s) => s.to_string(),
        FieldValue::Date(d) => d.map_or_else(none, |d| d.to_string()),
        FieldValue::Entries(n) => trf(lang, CompareKey::ValEntries, &[("n", n)]),
        FieldValue::Scores(s) => {
            let part = |xs: &[f32]| xs.iter().map(|x| format!("{x}")).collect::<Vec<_>>().join(" ");
            format!(
                "{} / {}",
                part(s.get(..4).unwrap_or_default()),
                part(s.get(4..).unwrap_or_default())
            )
        }
        FieldValue::Override(t) => t.map_or_else(none, |t| tier_name(lang, t).to_owned()),
        FieldValue::Rfm(r) => r.map_or_else(none, |(r, f, m)| {
            trf(lang, CompareKey::ValRfm, &[("r", &r), ("f", &f), ("m", &m)])
        }),
    }
}

/// "Cost to serve: 560,000.00 → 1,260,000.00".
#[must_use]
pub fn field_change_text(lang: Language, change: &crate::model::compare::FieldChange) -> String {
    trf(
        lang,
        CompareKey::FieldLine,
        &[
            ("field", &field_name(lang, change.field)),
            ("old", &field_value_text(lang, &change.old)),
            ("new", &field_value_text(lang, &change.new)),
        ],
    )
}

/// A signed percentage for a what-if name: "+5%", "−10%".
fn signed_pct(pct: f64) -> String {
    let rounded = (pct * 10.0).round() / 10.0;
    if rounded < 0.0 {
        format!("−{}%", -rounded)
    } else {
        format!("+{rounded}%")
    }
}

/// The name of the what-if as a virtual scenario: "what-if: cost to serve −10%, price +5%".
#[must_use]
pub fn what_if_name(lang: Language, what_if: &WhatIf, saved: &Settings) -> String {
    let tried = what_if.settings(saved);
    let mut parts = Vec::new();
    if what_if.cost_to_serve_pct != 0.0 {
        parts.push(trf(
            lang,
            if what_if.cost_only_loss_makers {
                CompareKey::WhatIfCtsLossMakers
            } else {
                CompareKey::WhatIfCts
            },
            &[("pct", &signed_pct(what_if.cost_to_serve_pct))],
        ));
    }
    if what_if.price_pct != 0.0 {
        parts.push(trf(
            lang,
            CompareKey::WhatIfPrice,
            &[("pct", &signed_pct(what_if.price_pct))],
        ));
    }
    if tried.a_threshold_pct.to_bits() != saved.a_threshold_pct.to_bits() {
        parts.push(trf(lang, CompareKey::WhatIfA, &[("pct", &tried.a_threshold_pct)]));
    }
    if tried.b_threshold_pct.to_bits() != saved.b_threshold_pct.to_bits() {
        parts.push(trf(lang, CompareKey::WhatIfB, &[("pct", &tried.b_threshold_pct)]));
    }
    if tried.growth_threshold != saved.growth_threshold {
        parts.push(trf(
            lang,
            CompareKey::WhatIfGrowth,
            &[("n", &tried.growth_threshold)],
        ));
    }
    let separator = if lang == Language::English { ", " } else { "，" };
    trf(
        lang,
        CompareKey::WhatIfName,
        &[("changes", &parts.join(separator))],
    )
}

/// A signed amount in minor units with cents: "+190,000.00", "-833,000.00", "0.00".
#[must_use]
pub fn signed_money(minor: i128) -> String {
    if minor > 0 {
        format!("+{}", format_minor(minor))
    } else {
        format_minor(minor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compare_table_is_complete() {
        super::super::check_table::<CompareKey>(&SAME_EVERYWHERE);
    }

    #[test]
    fn what_if_names() {
        let saved = Settings::default();
        let w = WhatIf {
            cost_to_serve_pct: -10.0,
            ..WhatIf::default()
        };
        assert_eq!(
            what_if_name(Language::English, &w, &saved),
            "what-if: cost to serve −10%"
        );
        let w = WhatIf {
            price_pct: 5.0,
            growth_threshold: Some(5),
            ..WhatIf::default()
        };
        assert_eq!(
            what_if_name(Language::SimplifiedChinese, &w, &saved),
            "假设分析：价格 +5%，成长潜力 5 以上为关键"
        );
    }

    #[test]
    fn field_values() {
        use crate::model::{Money, Tier};
        let en = Language::English;
        assert_eq!(
            field_value_text(en, &FieldValue::Money(Money(123_456))),
            "1,234.56"
        );
        assert_eq!(field_value_text(en, &FieldValue::Text(String::new())), "—");
        assert_eq!(field_value_text(en, &FieldValue::Entries(3)), "3 entries");
        assert_eq!(
            field_value_text(
                Language::TraditionalChinese,
                &FieldValue::Override(Some(Tier::Key))
            ),
            "關鍵客戶"
        );
        assert_eq!(signed_money(19_000_000), "+190,000.00");
        assert_eq!(signed_money(-83_300_000), "-833,000.00");
    }
}
