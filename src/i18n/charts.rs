//! The texts of the Charts page: chart titles, axes, tooltips and the what-if panel.

crate::string_table! {
    /// A text of the Charts page.
    ChartKey {
    Intro => [
        "Where the firm's profit comes from and where it goes. Hover a mark to see the customer; click it to select the customer on the Customers page.",
        "企業的利潤從哪裡來、往哪裡去。將游標移到圖形上可看到客戶；按一下即可在「客戶」頁選取該客戶。",
        "企业的利润从哪里来、往哪里去。将光标移到图形上可看到客户；单击即可在“客户”页选中该客户。",
    ],
    TabWhale => ["Whale curve", "鯨魚曲線", "鲸鱼曲线"],
    TabMatrix => ["Value matrix", "價值矩陣", "价值矩阵"],
    TabDelivered => ["Delivered value", "讓渡價值", "让渡价值"],
    TabSummary => ["Tiers and ABC", "分級與 ABC", "分级与 ABC"],
    TabCocreation => ["Co-creation", "共同創造價值", "共同创造价值"],
    UseFilter => ["Apply the table's filter", "套用表格的篩選", "应用表格的筛选"],
    UseFilterHint => [
        "Draw only the customers the Customers table's filter keeps",
        "只繪製「客戶」表格篩選後保留的客戶",
        "只绘制“客户”表格筛选后保留的客户",
    ],
    Scope => ["{shown} of {total} customers", "共 {total} 位客戶，繪製 {shown} 位", "共 {total} 位客户，绘制 {shown} 位"],
    SavePng => ["Save PNG…", "儲存 PNG…", "保存 PNG…"],
    SavePngHint => [
        "Save this chart as a PNG image, as it is shown now",
        "將此圖表依目前的樣子儲存為 PNG 圖片",
        "将此图表按当前的样子保存为 PNG 图片",
    ],
    CopyCsv => ["Copy data as CSV", "複製資料（CSV）", "复制数据（CSV）"],
    CopyCsvHint => [
        "Copy every number behind this chart to the clipboard, to paste into a spreadsheet",
        "將此圖表背後的所有數字複製到剪貼簿，可貼到試算表",
        "将此图表背后的所有数字复制到剪贴板，可粘贴到电子表格",
    ],
    Copied => ["Copied {n} rows", "已複製 {n} 列", "已复制 {n} 行"],
    NoCustomers => ["No customers to draw.", "沒有可繪製的客戶。", "没有可绘制的客户。"],
    ClickToSelect => ["Click to select this customer", "按一下以選取此客戶", "单击以选中此客户"],
    // Tooltip lines
    TipProfit => ["Profit: {value}", "利潤：{value}", "利润：{value}"],
    TipRevenue => ["Revenue: {value}", "營業額：{value}", "营业额：{value}"],
    TipTier => ["Tier: {tier}", "分級：{tier}", "分级：{tier}"],
    TipClass => ["ABC class: {class}", "ABC 類別：{class}", "ABC 类别：{class}"],
    TipGrowth => ["Growth potential: {growth} of 5", "成長潛力：{growth}（滿分 5）", "成长潜力：{growth}（满分 5）"],
    TipRank => ["Rank {rank} of {n}", "第 {rank} 名，共 {n} 名", "第 {rank} 名，共 {n} 名"],
    TipCumulative => [
        "With the customers above it: {pct}% of profit",
        "連同排名在前的客戶：占利潤 {pct}%",
        "连同排名在前的客户：占利润 {pct}%",
    ],
    TipBucket => [
        "Ranks {first}–{last} ({n} customers); mean profit {value}",
        "第 {first}–{last} 名（{n} 位客戶）；平均利潤 {value}",
        "第 {first}–{last} 名（{n} 位客户）；平均利润 {value}",
    ],
    TipBenefit => ["Perceived benefit: {value} of 40", "感知利益：{value}（滿分 40）", "感知利益：{value}（满分 40）"],
    TipCost => ["Perceived cost: {value} of 40", "感知成本：{value}（滿分 40）", "感知成本：{value}（满分 40）"],
    TipDelivered => ["Delivered value: {value}", "讓渡價值：{value}", "让渡价值：{value}"],
    // Whale curve
    WhaleTitle => [
        "Whale curve: cumulative share of profit, customers ranked by profit",
        "鯨魚曲線：依利潤排序的客戶累計利潤占比",
        "鲸鱼曲线：按利润排序的客户累计利润占比",
    ],
    WhaleShareAxis => ["Cumulative profit (% of total)", "累計利潤（占總額 %）", "累计利润（占总额 %）"],
    WhaleProfitAxis => ["Profit per customer ({symbol})", "每位客戶利潤（{symbol}）", "每位客户利润（{symbol}）"],
    WhaleXAxis => ["Customers ranked by profit (% of customers)", "依利潤排序的客戶（占客戶數 %）", "按利润排序的客户（占客户数 %）"],
    WhaleLine => ["Cumulative share of profit", "累計利潤占比", "累计利润占比"],
    WhaleBars => ["Profit per customer", "每位客戶利潤", "每位客户利润"],
    LineA => ["Class A threshold: {pct}%", "A 類門檻：{pct}%", "A 类门槛：{pct}%"],
    LineB => ["Class B threshold: {pct}%", "B 類門檻：{pct}%", "B 类门槛：{pct}%"],
    Line100 => ["100% of profit", "利潤的 100%", "利润的 100%"],
    PeakSentence => [
        "The top {customers}% of customers make {profit}% of profit",
        "前 {customers}% 的客戶創造了 {profit}% 的利潤",
        "前 {customers}% 的客户创造了 {profit}% 的利润",
    ],
    PeakLabel => ["Peak", "峰值", "峰值"],
    SavedPeak => [
        "Saved scenario: the top {customers}% make {profit}%",
        "已儲存的情境方案：前 {customers}% 創造 {profit}%",
        "已保存的情景方案：前 {customers}% 创造 {profit}%",
    ],
    LossMakersByHand => [
        "Loss-makers: {n} ({m} in another tier by hand)",
        "虧損客戶：{n} 位（其中 {m} 位已手動改列其他分級）",
        "亏损客户：{n} 位（其中 {m} 位已手动改列其他分级）",
    ],
    LossMakers => ["Loss-makers: {n}", "虧損客戶：{n} 位", "亏损客户：{n} 位"],
    LossDestroys => [
        "Loss-makers take back {pct}% of profit.",
        "虧損客戶抵銷了 {pct}% 的利潤。",
        "亏损客户抵消了 {pct}% 的利润。",
    ],
    OfPositive => [
        "The net profit is not above zero, so the shares are of the positive profit.",
        "淨利潤不大於零，因此占比以正利潤計算。",
        "净利润不大于零，因此占比以正利润计算。",
    ],
    BucketNote => [
        "{n} customers per bar: each bar shows the mean profit of neighbouring ranks.",
        "每根長條代表 {n} 位客戶：顯示相鄰排名的平均利潤。",
        "每根柱子代表 {n} 位客户：显示相邻排名的平均利润。",
    ],
    // Value matrix
    MatrixTitle => ["Value matrix: profit against growth potential", "價值矩陣：利潤與成長潛力", "价值矩阵：利润与成长潜力"],
    MatrixXAxis => ["Profit ({symbol} per year)", "利潤（{symbol}／年）", "利润（{symbol}／年）"],
    MatrixYAxis => ["Growth potential (1–5)", "成長潛力（1–5）", "成长潜力（1–5）"],
    QuadKey => ["Key: invest ({n})", "關鍵：投入（{n}）", "关键：投入（{n}）"],
    QuadDevelop => ["Develop ({n})", "培養（{n}）", "培养（{n}）"],
    QuadMaintain => ["Maintain ({n})", "維持（{n}）", "维持（{n}）"],
    QuadLoss => ["Loss: review ({n})", "虧損：檢討（{n}）", "亏损：复核（{n}）"],
    MatrixSize => ["Point size: revenue", "點的大小：營業額", "点的大小：营业额"],
    MatrixThinned => [
        "Showing {shown} of {total} customers: one point per screen cell, the one with the largest revenue. The quadrant counts include everyone.",
        "顯示 {total} 位客戶中的 {shown} 位：每個畫面格只畫營業額最大的一位。象限計數包含所有客戶。",
        "显示 {total} 位客户中的 {shown} 位：每个画面格只画营业额最大的一位。象限计数包含所有客户。",
    ],
    // Delivered value
    DeliveredTitle => [
        "Delivered value: perceived benefit against perceived cost",
        "讓渡價值：感知利益與感知成本",
        "让渡价值：感知利益与感知成本",
    ],
    DeliveredXAxis => [
        "Score (0–40: four scores of 0–10 each)",
        "分數（0–40：四項各 0–10 分）",
        "分数（0–40：四项各 0–10 分）",
    ],
    DeliveredYAxis => ["Customers, highest delivered value first", "客戶（讓渡價值由高至低）", "客户（让渡价值由高到低）"],
    Benefit => ["Perceived benefit", "感知利益", "感知利益"],
    Cost => ["Perceived cost", "感知成本", "感知成本"],
    DeliveredRows => [
        "Rows {first}–{last} of {n}. Scroll over the chart for the rest.",
        "第 {first}–{last} 列，共 {n} 列。在圖表上捲動可看其餘。",
        "第 {first}–{last} 行，共 {n} 行。在图表上滚动可看其余。",
    ],
    // Tiers and ABC
    SummaryTiers => ["Tiers: share of customers, revenue and profit", "分級：客戶數、營業額與利潤占比", "分级：客户数、营业额与利润占比"],
    SummaryClasses => [
        "ABC classes: share of customers, revenue and profit",
        "ABC 類別：客戶數、營業額與利潤占比",
        "ABC 类别：客户数、营业额与利润占比",
    ],
    SummaryYAxis => ["Share of the total (%)", "占總額（%）", "占总额（%）"],
    MetricCustomers => ["Customers", "客戶數", "客户数"],
    MetricRevenue => ["Revenue", "營業額", "营业额"],
    MetricProfit => ["Profit", "利潤", "利润"],
    ColGroup => ["Group", "組別", "组别"],
    ColShare => ["Share of profit", "利潤占比", "利润占比"],
    ClassLabel => ["Class {class}", "{class} 類", "{class} 类"],
    Total => ["Total", "合計", "合计"],
    TipShare => ["{group}: {pct}% of {metric}", "{group}：占{metric} {pct}%", "{group}：占{metric} {pct}%"],
    // Co-creation
    SatTitle => ["Satisfaction over time (experience logs)", "滿意度趨勢（體驗紀錄）", "满意度趋势（体验记录）"],
    SatYAxis => ["Satisfaction (1–5)", "滿意度（1–5）", "满意度（1–5）"],
    MonthAxis => ["Month", "月份", "月份"],
    SatAll => ["All customers, monthly mean", "全部客戶，每月平均", "全部客户，每月平均"],
    ChooseCustomer => ["Customer", "客戶", "客户"],
    ChooseCustomerHint => [
        "Whose satisfaction to draw beside the average",
        "要在平均值旁繪製哪位客戶的滿意度",
        "要在平均值旁绘制哪位客户的满意度",
    ],
    NoneChosen => ["None", "無", "无"],
    TipMonthMean => [
        "{month}: mean {value} from {n} experiences",
        "{month}：{n} 筆體驗，平均 {value}",
        "{month}：{n} 条体验，平均 {value}",
    ],
    TipScore => ["{date}: satisfaction {value}", "{date}：滿意度 {value}", "{date}：满意度 {value}"],
    InterTitle => ["Interactions per month", "每月互動次數", "每月交互次数"],
    InterYAxis => ["Interactions (count)", "互動（次）", "交互（次）"],
    InterSeries => ["Interactions", "互動", "交互"],
    TipInteractions => ["{month}: {n} interactions", "{month}：{n} 次互動", "{month}：{n} 次交互"],
    RespTitle => ["Promotion response rate by campaign", "各促銷活動的回應率", "各促销活动的响应率"],
    RespXAxis => ["Response rate (%)", "回應率（%）", "响应率（%）"],
    RespSeries => ["Response rate", "回應率", "响应率"],
    TipResponse => [
        "{campaign}: {responded} of {reached} responded ({pct}%)",
        "{campaign}：{reached} 位中 {responded} 位回應（{pct}%）",
        "{campaign}：{reached} 位中 {responded} 位响应（{pct}%）",
    ],
    NoCampaign => ["(no campaign name)", "（無活動名稱）", "（无活动名称）"],
    NoLogs => ["No dated entries in these customers' logs.", "這些客戶的紀錄中沒有帶日期的項目。", "这些客户的记录中没有带日期的条目。"],
    // What-if
    WhatIf => ["What-if", "假設分析", "假设分析"],
    WhatIfToggle => ["What-if sliders", "假設分析滑桿", "假设分析滑块"],
    WhatIfToggleHint => [
        "Show or hide the what-if sliders beside the chart. On a narrow screen they start hidden, so the chart has the room.",
        "顯示或隱藏圖表旁的假設分析滑桿。畫面較窄時預設隱藏，讓圖表有足夠空間。",
        "显示或隐藏图表旁的假设分析滑块。屏幕较窄时默认隐藏，让图表有足够空间。",
    ],
    WhatIfIntro => [
        "Try changes on a copy. The saved scenario stays as it is until you apply them.",
        "在副本上試算變更。套用之前，已儲存的情境方案維持不變。",
        "在副本上试算更改。应用之前，已保存的情景方案保持不变。",
    ],
    WiCostToServe => ["Cost to serve change (%)", "服務成本變動（%）", "服务成本变动（%）"],
    WiCostLossMakers => ["Only for customers losing money", "只用於虧損的客戶", "只用于亏损的客户"],
    WiCostLossMakersHint => ["Change the cost to serve only of customers whose profit is below zero now; the others keep theirs", "只變動目前利潤為負的客戶的服務成本，其他客戶維持不變", "只变动当前利润为负的客户的服务成本，其他客户保持不变"],
    WiPrice => ["Price change (%)", "價格變動（%）", "价格变动（%）"],
    WiA => ["Class A threshold (% of profit)", "A 類門檻（利潤 %）", "A 类门槛（利润 %）"],
    WiB => ["Class B threshold (% of profit)", "B 類門檻（利潤 %）", "B 类门槛（利润 %）"],
    WiGrowth => ["Growth threshold for key customers", "關鍵客戶的成長潛力門檻", "关键客户的成长潜力门槛"],
    WiTiers => ["Customers per tier", "各分級客戶數", "各分级客户数"],
    WiClasses => ["Customers per ABC class", "各 ABC 類別客戶數", "各 ABC 类别客户数"],
    WiChanged => ["{name}: {saved} → {now}", "{name}：{saved} → {now}", "{name}：{saved} → {now}"],
    WiSame => ["{name}: {now}", "{name}：{now}", "{name}：{now}"],
    WiProfit => ["Total profit", "總利潤", "总利润"],
    WiSliderHint => [
        "Drag, click the value to type one, or use the arrow keys for one step at a time",
        "拖曳、點擊數值直接輸入，或用方向鍵逐步調整",
        "拖动、点击数值直接输入，或用方向键逐步调整",
    ],
    WiApply => ["Apply to scenario", "套用到情境方案", "应用到情景方案"],
    WiApplyHint => [
        "Write these changes into the scenario as one step; Ctrl+Z undoes it",
        "將這些變更寫入情境方案（一個步驟）；按 Ctrl+Z 可復原",
        "将这些更改写入情景方案（一个步骤）；按 Ctrl+Z 可撤销",
    ],
    WiReset => ["Reset", "重設", "重置"],
    WiResetHint => ["Back to the saved values", "回到已儲存的值", "回到已保存的值"],
    WiActive => [
        "What-if: the charts show changed figures, not the saved scenario.",
        "假設分析中：圖表顯示的是變更後的數字，而非已儲存的情境方案。",
        "假设分析中：图表显示的是更改后的数字，而非已保存的情景方案。",
    ],
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_charts_table_is_complete() {
        super::super::check_table::<super::ChartKey>(&[]);
    }
}
