//! The texts of the whole-scenario report, its Export report dialog, and the notes a report
//! shows where a chart image could not be drawn.

crate::string_table! {
    /// A text of the scenario report and its dialog.
    ReportKey {
    // The dialog (File ▸ Export report…)
    MenuExportReport => ["Export report…", "匯出報告…", "导出报告…"],
    DialogTitle => ["Export report", "匯出報告", "导出报告"],
    DialogIntro => [
        "A report of the whole scenario, in the language the app shows now. Leave out the sections you do not need.",
        "整個情境方案的報告，使用目前的介面語言。不需要的部分可以取消勾選。",
        "整个情景方案的报告，使用当前的界面语言。不需要的部分可以取消勾选。",
    ],
    Format => ["Format", "格式", "格式"],
    FormatHtml => ["HTML (one file, ready to print)", "HTML（單一檔案，可直接列印）", "HTML（单一文件，可直接打印）"],
    FormatMarkdown => ["Markdown", "Markdown", "Markdown"],
    FormatJson => ["JSON (the numbers of every section)", "JSON（各部分的數字）", "JSON（各部分的数字）"],
    Sections => ["Sections", "內容", "内容"],
    ExportButton => ["Export…", "匯出…", "导出…"],
    Cancel => ["Cancel", "取消", "取消"],
    NoSections => ["Choose at least one section.", "請至少選擇一個部分。", "请至少选择一个部分。"],
    // Section titles
    SecTitle => ["Title, author, date and description", "標題、作者、日期與說明", "标题、作者、日期与说明"],
    SecFigures => ["Key figures", "關鍵數字", "关键数字"],
    SecCharts => ["Whale curve and value matrix", "鯨魚曲線與價值矩陣", "鲸鱼曲线与价值矩阵"],
    SecCustomers => ["Top and bottom 10 customers by profit", "利潤最高與最低的 10 位客戶", "利润最高与最低的 10 位客户"],
    SecLossMakers => ["Loss-makers", "虧損客戶", "亏损客户"],
    SecCocreation => ["Co-creation", "共同創造價值", "共同创造价值"],
    SecPlan => ["Integration plan: steps, Gantt and KPIs", "整合規劃：步驟、甘特圖與評估指標", "整合规划：步骤、甘特图与评估指标"],
    SecDisputes => ["Dispute log", "糾紛記錄", "纠纷记录"],
    // Header
    TitleFallback => ["Scenario report", "情境方案報告", "情景方案报告"],
    Author => ["Author: {author}", "作者：{author}", "作者：{author}"],
    Created => ["Scenario created {date}", "情境方案建立於 {date}", "情景方案创建于 {date}"],
    Modified => ["last changed {date}", "最後修改於 {date}", "最后修改于 {date}"],
    Prepared => ["Report prepared on {date} with {app}", "報告由 {app} 於 {date} 產生", "报告由 {app} 于 {date} 生成"],
    // Key figures
    FigCustomers => ["Customers", "客戶數", "客户数"],
    FigRevenue => ["Revenue", "營業額", "营业额"],
    FigProfit => ["Profit", "利潤", "利润"],
    FigMargin => ["Margin", "利潤率", "利润率"],
    ColGroup => ["Group", "群組", "群组"],
    ColCustomers => ["Customers", "客戶數", "客户数"],
    ColShareRevenue => ["Share of revenue", "營業額占比", "营业额占比"],
    ColShareProfit => ["Share of profit", "利潤占比", "利润占比"],
    ClassRow => ["Class {class}", "{class} 類", "{class} 类"],
    // Charts
    WhaleAlt => [
        "Whale curve: cumulative share of profit, customers ranked by profit",
        "鯨魚曲線：依利潤排序的客戶累計利潤占比",
        "鲸鱼曲线：按利润排序的客户累计利润占比",
    ],
    MatrixAlt => ["Value matrix: profit against growth potential", "價值矩陣：利潤與成長潛力", "价值矩阵：利润与成长潜力"],
    GanttAlt => ["Gantt chart of the steps and work packages", "各步驟與工作包的甘特圖", "各步骤与工作包的甘特图"],
    KpiAlt => ["KPIs against their targets", "評估指標與目標值的對照", "评估指标与目标值的对照"],
    // Top and bottom
    TopTitle => ["Top 10 by profit", "利潤最高的 10 位", "利润最高的 10 位"],
    BottomTitle => ["Bottom 10 by profit", "利潤最低的 10 位", "利润最低的 10 位"],
    ColRank => ["Rank", "排名", "排名"],
    ColWhy => ["Why this tier", "分級原因", "分级原因"],
    SetByHand => ["set by hand: {reason}", "手動設定：{reason}", "手动设定：{reason}"],
    // Loss-makers
    LossIntro => [
        "Profit is revenue minus cost of goods (the gross margin) minus cost to serve. Each customer below loses money; the last column says which cost takes it below zero.",
        "利潤等於營業額減去貨品成本（即毛利），再減去服務成本。下列客戶皆為虧損；最後一欄說明是哪一項成本使其轉為虧損。",
        "利润等于营业额减去货品成本（即毛利），再减去服务成本。下列客户均为亏损；最后一栏说明是哪一项成本使其转为亏损。",
    ],
    ColGrossMargin => ["Gross margin", "毛利", "毛利"],
    ColServeShare => ["Cost to serve / gross margin", "服務成本／毛利", "服务成本／毛利"],
    ColLossCause => ["What makes it lose money", "虧損原因", "亏损原因"],
    CauseBelowCost => ["Sold below its cost of goods", "售價低於貨品成本", "售价低于货品成本"],
    CauseServe => [
        "Cost to serve exceeds the gross margin by {amount}",
        "服務成本超出毛利 {amount}",
        "服务成本超出毛利 {amount}",
    ],
    NoLossMakers => ["No customer loses money.", "沒有虧損的客戶。", "没有亏损的客户。"],
    LossTierNote => [
        "{n} of them are not in the loss-making tier because their tier was set by hand.",
        "其中 {n} 位的分級為手動設定，因此不在虧損級。",
        "其中 {n} 位的分级为手动设定，因此不在亏损级。",
    ],
    // Co-creation
    FigExperiences => ["Experience entries", "體驗記錄", "体验记录"],
    FigSatisfaction => ["Mean satisfaction (1–5)", "平均滿意度（1–5）", "平均满意度（1–5）"],
    FigInteractions => ["Interactions", "互動次數", "互动次数"],
    FigPromotions => ["Promotions sent", "已發送的促銷", "已发送的促销"],
    FigResponse => ["Response rate", "回應率", "响应率"],
    ColCampaign => ["Campaign", "活動", "活动"],
    ColReached => ["Reached", "觸及", "触达"],
    ColResponded => ["Responded", "回應", "响应"],
    ColMonth => ["Month", "月份", "月份"],
    ColSatisfaction => ["Mean satisfaction", "平均滿意度", "平均满意度"],
    RecentMonths => ["The last 12 months with entries:", "最近 12 個有記錄的月份：", "最近 12 个有记录的月份："],
    NoCocreation => ["No co-creation logs yet.", "尚無共同創造價值的記錄。", "尚无共同创造价值的记录。"],
    // Plan
    ColStep => ["Step", "步驟", "步骤"],
    StepsDone => ["Steps done", "已完成步驟", "已完成步骤"],
    ColMeasured => ["Measured on", "量測日期", "测量日期"],
    ColStanding => ["Against target", "與目標比較", "与目标比较"],
    Meets => ["Meets the target", "達到目標", "达到目标"],
    Short => ["Short of the target", "未達目標", "未达目标"],
    NotMeasured => ["Not measured yet", "尚未量測", "尚未测量"],
    NoKpis => ["No KPIs defined.", "尚未定義評估指標。", "尚未定义评估指标。"],
    // Disputes
    ColDispute => ["Dispute", "糾紛", "纠纷"],
    ColDisputed => ["Amount disputed", "爭議金額", "争议金额"],
    ColRecommended => ["Recommended route", "建議途徑", "建议途径"],
    ColDecision => ["Decision", "決定", "决定"],
    Undecided => ["Not decided", "尚未決定", "尚未决定"],
    DecidedOn => ["{route} ({date})", "{route}（{date}）", "{route}（{date}）"],
    NoDisputes => ["No disputes logged.", "尚無糾紛記錄。", "尚无纠纷记录。"],
    AdviceAsOf => [
        "Recommended routes as the wizard advises on {date}; a reference, not legal advice.",
        "建議途徑為精靈於 {date} 的建議，僅供參考，不構成法律意見。",
        "建议途径为向导于 {date} 的建议，仅供参考，不构成法律意见。",
    ],
    // Images that could not be drawn
    NoImageAdapter => [
        "Chart image left out: this computer has no graphics adapter to draw it (install libegl1 and libgl1-mesa-dri).",
        "未附圖表：這台電腦沒有可繪製圖表的繪圖介面卡（請安裝 libegl1 與 libgl1-mesa-dri）。",
        "未附图表：这台计算机没有可绘制图表的图形适配器（请安装 libegl1 和 libgl1-mesa-dri）。",
    ],
    NoImageBuild => [
        "Chart image left out: this build of the app cannot draw charts.",
        "未附圖表：此版本的程式無法繪製圖表。",
        "未附图表：此版本的程序无法绘制图表。",
    ],
    NoImageFailed => [
        "Chart image left out: drawing it failed ({detail}).",
        "未附圖表：繪製失敗（{detail}）。",
        "未附图表：绘制失败（{detail}）。",
    ],
    }
}

#[cfg(test)]
mod tests {
    use super::ReportKey;

    #[test]
    fn the_report_table_is_complete() {
        crate::i18n::check_table(&[ReportKey::FormatMarkdown]);
    }
}
