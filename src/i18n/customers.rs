//! The texts of the customer workbench: table, detail panel, import and export.

use super::{Key, tr, trf};
use crate::model::Language;
use crate::store::import::{ImportError, ImportPreview, RowError, RowProblem};

crate::string_table! {
    /// A text of the Customers page.
    CustomerKey {
    Intro => [
        "Every customer with its value to the firm and to the customer. Click a row to edit it; hover a tier to see why.",
        "每位客戶對企業與對客戶本身的價值。按一下列即可編輯；將游標移到分級上可看到原因。",
        "每位客户对企业与对客户本身的价值。单击行即可编辑；将光标移到分级上可看到原因。",
    ],
    Filter => ["Filter", "篩選", "筛选"],
    FilterHint => ["id, name, industry, region or tag", "編號、名稱、行業、地區或標籤", "编号、名称、行业、地区或标签"],
    All => ["All", "全部", "全部"],
    TierFilter => ["Show one tier only", "只顯示一個分級", "只显示一个分级"],
    ClassFilter => ["Show one ABC class only", "只顯示一個 ABC 類別", "只显示一个 ABC 类别"],
    Tag => ["Tag", "標籤", "标签"],
    TagFilter => ["Show customers with this tag", "顯示含此標籤的客戶", "显示含此标签的客户"],
    ClearFilter => ["Clear filters", "清除篩選", "清除筛选"],
    Add => ["Add", "新增", "添加"],
    AddHint => ["Add a new customer at the end of the list", "在清單末尾新增客戶", "在列表末尾添加客户"],
    NewCustomerName => ["New customer", "新客戶", "新客户"],
    Duplicate => ["Duplicate ({n})", "複製（{n}）", "复制（{n}）"],
    CopyOf => ["{name} (copy)", "{name}（副本）", "{name}（副本）"],
    Delete => ["Delete ({n})", "刪除（{n}）", "删除（{n}）"],
    DeleteHint => [
        "Delete the selected customers (or press Delete). Ctrl+Click and Shift+Click select several; Ctrl+Z brings them back.",
        "刪除選取的客戶（或按 Delete 鍵）。Ctrl+按一下或 Shift+按一下可多選；Ctrl+Z 可復原。",
        "删除选中的客户（或按 Delete 键）。Ctrl+单击或 Shift+单击可多选；Ctrl+Z 可撤销。",
    ],
    Import => ["Import…", "匯入…", "导入…"],
    ImportHint => [
        "Import a customer list or a transaction log from CSV, XLSX or ODS",
        "從 CSV、XLSX 或 ODS 匯入客戶清單或交易紀錄",
        "从 CSV、XLSX 或 ODS 导入客户列表或交易记录",
    ],
    ExportCsv => ["Export CSV…", "匯出 CSV…", "导出 CSV…"],
    ExportXlsx => ["Export XLSX…", "匯出 XLSX…", "导出 XLSX…"],
    Thresholds => ["Thresholds", "分級門檻", "分级门槛"],
    Columns => ["Columns", "欄位", "列"],
    ShowTools => ["Filters and actions", "篩選與操作", "筛选与操作"],
    ShowToolsHint => [
        "Show the totals, the filters and the buttons above the table. On a very low screen they start hidden, so the table has room.",
        "顯示表格上方的合計、篩選與按鈕。畫面很矮時預設隱藏，讓表格有空間。",
        "显示表格上方的合计、筛选和按钮。屏幕很矮时默认隐藏，让表格有空间。",
    ],
    ColumnsHint => [
        "Choose the columns the table shows. ID and Name always show, and stay in place when the table scrolls sideways.",
        "選擇表格顯示的欄位。編號與名稱一律顯示，表格左右捲動時固定不動。",
        "选择表格显示的列。编号和名称始终显示，表格左右滚动时固定不动。",
    ],
    ColumnsReset => ["Default columns", "預設欄位", "默认列"],
    ThresholdsHint => [
        "The ABC and tier thresholds of this scenario; changes apply at once",
        "本情境方案的 ABC 與分級門檻；變更立即生效",
        "本情景方案的 ABC 与分级门槛；更改立即生效",
    ],
    FooterRows => ["{shown} of {total} customers", "共 {total} 位客戶，顯示 {shown} 位", "共 {total} 位客户，显示 {shown} 位"],
    SelectedCount => ["{n} selected", "已選取 {n} 位", "已选中 {n} 位"],
    SortHint => ["Click to sort; click again to reverse", "按一下排序；再按一下反向", "单击排序；再单击反向"],
    ColGrowth => ["Growth", "成長潛力", "成长潜力"],
    ColDelivered => ["Delivered", "讓渡價值", "让渡价值"],
    ColRatio => ["Ratio", "價值比", "价值比"],
    ColCompleteness => ["Complete", "完整度", "完整度"],
    GrowthHint => [
        "Growth potential, 1 (little room to grow) to 5 (much room to grow)",
        "成長潛力，1（成長空間小）至 5（成長空間大）",
        "成长潜力，1（成长空间小）至 5（成长空间大）",
    ],
    DeliveredHint => [
        "Customer delivered value: perceived benefit minus perceived cost (scores 0–10 each)",
        "顧客讓渡價值：感知利益減感知成本（各項 0–10 分）",
        "顾客让渡价值：感知利益减感知成本（各项 0–10 分）",
    ],
    RatioHint => [
        "Perceived benefit divided by perceived cost; — when the cost is zero",
        "感知利益除以感知成本；成本為零時顯示 —",
        "感知利益除以感知成本；成本为零时显示 —",
    ],
    CompletenessHint => [
        "Which of the four facets hold data: descriptive, promotions, interactions, experiences",
        "四個面向中哪些已有資料：描述性、促銷、互動、體驗",
        "四个方面中哪些已有数据：描述性、促销、交互、体验",
    ],
    CostToServeHint => [
        "Logistics cost of serving this customer per year: handling, special deliveries, account management",
        "每年服務此客戶的物流成本：裝卸、特別配送、客戶管理",
        "每年服务此客户的物流成本：装卸、特别配送、客户管理",
    ],
    ClassHint => [
        "Pareto class by profit: A reaches the A threshold of positive profit, B the B threshold; profit ≤ 0 is always C",
        "依利潤的帕雷托類別：A 類累計達正利潤的 A 門檻，B 類達 B 門檻；利潤 ≤ 0 一律為 C",
        "按利润的帕累托类别：A 类累计达正利润的 A 门槛，B 类达 B 门槛；利润 ≤ 0 一律为 C",
    ],
    CellLabel => ["{column} of {id}", "{id} 的{column}", "{id} 的{column}"],
    CellRefused => [
        "{id} · {column}: {reason} The value was not applied.",
        "{id} · {column}：{reason}此值未套用。",
        "{id} · {column}：{reason}此值未应用。",
    ],
    ErrGrowth => ["Growth potential is a whole number from 1 to 5.", "成長潛力須為 1 至 5 的整數。", "成长潜力须为 1 至 5 的整数。"],
    ErrEmptyId => ["Every customer needs an id.", "每位客戶都需要編號。", "每位客户都需要编号。"],
    ErrDuplicateId => ["Id {id} is already used.", "編號 {id} 已被使用。", "编号 {id} 已被使用。"],
    ErrNotEditable => ["This column is computed and cannot be typed into.", "此欄為計算結果，無法輸入。", "此列为计算结果，无法输入。"],
    Descriptive => ["Descriptive data", "描述性資料", "描述性数据"],
    Contact => ["Contact", "聯絡人", "联系人"],
    Since => ["Customer since", "合作起始", "合作起始"],
    Tags => ["Tags", "標籤", "标签"],
    TagsHint => ["comma-separated, e.g. cold-chain, port", "以逗號分隔，例如 冷鏈, 港口", "以逗号分隔，例如 冷链, 港口"],
    ValueToCustomer => ["Value to the customer", "對客戶的價值", "对客户的价值"],
    CloseDetail => ["Close (Esc)", "關閉（Esc）", "关闭（Esc）"],
    DeliveredReadout => ["Delivered value: {value}", "讓渡價值：{value}", "让渡价值：{value}"],
    BenefitCost => ["(benefit {benefit} − cost {cost}, ratio {ratio})", "（利益 {benefit} − 成本 {cost}，比值 {ratio}）", "（利益 {benefit} − 成本 {cost}，比值 {ratio}）"],
    ValueExplain => [
        "Scores are the customer's perception, 0–10, estimated by you; they are relative, not money.",
        "分數為客戶的主觀感受（0–10），由您估計；它們是相對值，不是金額。",
        "分数为客户的主观感受（0–10），由您估计；它们是相对值，不是金额。",
    ],
    Benefits => ["Perceived benefit", "感知利益", "感知利益"],
    Costs => ["Perceived cost", "感知成本", "感知成本"],
    ScoreProduct => ["Product", "產品價值", "产品价值"],
    ScoreService => ["Service", "服務價值", "服务价值"],
    ScorePersonnel => ["Personnel", "人員價值", "人员价值"],
    ScoreImage => ["Image", "形象價值", "形象价值"],
    ScoreMoney => ["Money", "貨幣成本", "货币成本"],
    ScoreTime => ["Time", "時間成本", "时间成本"],
    ScoreEnergy => ["Energy", "精力成本", "精力成本"],
    ScorePsychic => ["Psychic", "心理成本", "心理成本"],
    TierOverride => ["Tier set by hand", "手動設定分級", "手动设置分级"],
    ComputedTier => ["The rules give: {tier}", "規則結果：{tier}", "规则结果：{tier}"],
    OverrideOn => ["Override the tier", "覆寫分級", "覆盖分级"],
    OverrideReason => ["Reason (required)", "原因（必填）", "原因（必填）"],
    OverrideNeedsReason => [
        "An override needs a reason, so others can see why.",
        "覆寫分級必須說明原因，讓其他人了解理由。",
        "覆盖分级必须说明原因，让其他人了解理由。",
    ],
    RfmScores => [
        "Recency {r} · Frequency {f} · Monetary {m} (5 is best)",
        "近期評分 {r} · 頻率評分 {f} · 金額評分 {m}（1–5 分，5 分最佳）",
        "近期评分 {r} · 频率评分 {f} · 金额评分 {m}（1–5 分，5 分最佳）",
    ],
    RfmValues => [
        "Last purchase {days} days before {date}; {count} purchases worth {amount}",
        "{date} 前 {days} 天最後一次購買；共 {count} 次，金額 {amount}",
        "{date} 前 {days} 天最后一次购买；共 {count} 次，金额 {amount}",
    ],
    CompletenessOf => ["Record completeness: {n} of 4 facets", "紀錄完整度：4 個面向中有 {n} 個", "记录完整度：4 个方面中有 {n} 个"],
    FacetDescriptive => ["descriptive", "描述性", "描述性"],
    FacetPromotions => ["promotions", "促銷", "促销"],
    FacetInteractions => ["interactions", "互動", "交互"],
    FacetExperiences => ["experiences", "體驗", "体验"],
    Promotions => ["Promotions ({n})", "促銷紀錄（{n}）", "促销记录（{n}）"],
    Interactions => ["Interactions ({n})", "互動紀錄（{n}）", "交互记录（{n}）"],
    Experiences => ["Experiences ({n})", "體驗紀錄（{n}）", "体验记录（{n}）"],
    LogDate => ["Date", "日期", "日期"],
    Campaign => ["Campaign", "活動", "活动"],
    Channel => ["Channel", "管道", "渠道"],
    Responded => ["Responded", "有回應", "有回应"],
    Staff => ["Staff", "員工", "员工"],
    Summary => ["Summary", "摘要", "摘要"],
    FollowUp => ["Follow-up", "後續行動", "后续行动"],
    TouchPoint => ["Touch point", "接觸點", "接触点"],
    Satisfaction => ["Satisfaction", "滿意度", "满意度"],
    Note => ["Note", "備註", "备注"],
    AddRow => ["Add row", "新增一列", "添加一行"],
    RemoveRow => ["Remove this row", "刪除此列", "删除此行"],
    // Import
    ImportTitle => ["Import customers", "匯入客戶", "导入客户"],
    ImportFile => ["File", "檔案", "文件"],
    Browse => ["Browse…", "瀏覽…", "浏览…"],
    Load => ["Load", "載入", "载入"],
    ImportReading => ["Reading {path}…", "正在讀取 {path}…", "正在读取 {path}…"],
    ImportCancelled => [
        "Reading the file was cancelled; nothing was imported. Load it again to read it.",
        "已取消讀取檔案，未匯入任何內容。再按「載入」即可重新讀取。",
        "已取消读取文件，未导入任何内容。再点击“载入”即可重新读取。",
    ],
    ImportPickFirst => [
        "Choose a CSV, XLSX or ODS file, then Load. The first row must hold the column names.",
        "請選擇 CSV、XLSX 或 ODS 檔案，然後按「載入」。第一列須為欄位名稱。",
        "请选择 CSV、XLSX 或 ODS 文件，然后点击“载入”。第一行须为列名。",
    ],
    Encoding => ["Text encoding", "文字編碼", "文本编码"],
    Sheet => ["Sheet", "工作表", "工作表"],
    ImportKindLabel => ["The file is a", "檔案內容為", "文件内容为"],
    KindCustomers => ["customer list", "客戶清單", "客户列表"],
    KindTransactions => ["transaction log", "交易紀錄", "交易记录"],
    DateFormat => ["Date format", "日期格式", "日期格式"],
    DecimalComma => ["Decimal comma (1.234,56)", "小數點為逗號（1.234,56）", "小数点为逗号（1.234,56）"],
    ReferenceDate => ["Reference date", "參考日期", "参考日期"],
    Mapping => ["Which column holds what", "各欄位對應", "各列对应"],
    NotMapped => ["— not in the file —", "— 檔案中沒有 —", "— 文件中没有 —"],
    PreviewTitle => ["First {n} of {total} rows", "共 {total} 列，顯示前 {n} 列", "共 {total} 行，显示前 {n} 行"],
    ImportSummary => [
        "{ready} rows ready: {added} new customers, {updated} updated. {skipped} rows have problems and will be skipped.",
        "{ready} 列可匯入：新增 {added} 位客戶，更新 {updated} 位。{skipped} 列有問題，將略過。",
        "{ready} 行可导入：新增 {added} 位客户，更新 {updated} 位。{skipped} 行有问题，将跳过。",
    ],
    ImportUnchanged => [
        "Customers already up to date (the file holds the values they have): {n}",
        "已是最新的客戶（檔案內容與現有資料相同）：{n}",
        "已是最新的客户（文件内容与现有数据相同）：{n}",
    ],
    CliRowsRead => ["{rows} rows read from {path}", "從 {path} 讀取了 {rows} 列", "从 {path} 读取了 {rows} 行"],
    CliDryRun => [
        "Dry run: nothing was written to {path}",
        "試執行：未寫入 {path}",
        "试运行：未写入 {path}",
    ],
    CliCreated => [
        "created {path}: {ready} rows imported, {added} customers added, {updated} updated, {skipped} rows skipped",
        "已建立 {path}：匯入 {ready} 列，新增 {added} 位客戶，更新 {updated} 位，略過 {skipped} 列",
        "已创建 {path}：导入 {ready} 行，新增 {added} 位客户，更新 {updated} 位，跳过 {skipped} 行",
    ],
    CliUpdated => [
        "updated {path}: {ready} rows imported, {added} customers added, {updated} updated, {skipped} rows skipped",
        "已更新 {path}：匯入 {ready} 列，新增 {added} 位客戶，更新 {updated} 位，略過 {skipped} 列",
        "已更新 {path}：导入 {ready} 行，新增 {added} 位客户，更新 {updated} 位，跳过 {skipped} 行",
    ],
    CliUpToDate => [
        "{path} is already up to date: nothing was written",
        "{path} 已是最新：未寫入任何內容",
        "{path} 已是最新：未写入任何内容",
    ],
    CliNothingImported => [
        "nothing imported from {path} ({n} rows with problems)",
        "未從 {path} 匯入任何內容（{n} 列有問題）",
        "未从 {path} 导入任何内容（{n} 行有问题）",
    ],
    RowErrorsTitle => ["{n} problems, by spreadsheet row:", "{n} 個問題（依試算表列號）：", "{n} 个问题（按电子表格行号）："],
    RowErrorLine => ["Row {row}, column {column}: {problem}", "第 {row} 列，欄位 {column}：{problem}", "第 {row} 行，列 {column}：{problem}"],
    ImportNow => ["Import", "匯入", "导入"],
    TxCustomer => ["Customer id", "客戶編號", "客户编号"],
    TxAmount => ["Amount", "金額", "金额"],
    TxQuantity => ["Quantity", "數量", "数量"],
    ErrEmptyFile => ["The file is empty: {path}", "檔案是空的：{path}", "文件是空的：{path}"],
    ErrEncoding => [
        "Row {row} is not {encoding} text. Choose the file's encoding (Chinese Excel often saves GBK or Big5): {path}",
        "第 {row} 列不是 {encoding} 文字。請選擇檔案的編碼（中文版 Excel 常存為 GBK 或 Big5）：{path}",
        "第 {row} 行不是 {encoding} 文本。请选择文件的编码（中文版 Excel 常存为 GBK 或 Big5）：{path}",
    ],
    ErrCsv => ["Row {row}: {detail}: {path}", "第 {row} 列：{detail}：{path}", "第 {row} 行：{detail}：{path}"],
    ErrWorkbook => ["Cannot read the workbook ({detail}): {path}", "無法讀取活頁簿（{detail}）：{path}", "无法读取工作簿（{detail}）：{path}"],
    ErrNoSheet => ["No sheet named {sheet}: {path}", "沒有名為 {sheet} 的工作表：{path}", "没有名为 {sheet} 的工作表：{path}"],
    ErrFormat => [
        "Only .csv, .xlsx, .xls and .ods files can be imported: {path}",
        "只能匯入 .csv、.xlsx、.xls 與 .ods 檔案：{path}",
        "只能导入 .csv、.xlsx、.xls 和 .ods 文件：{path}",
    ],
    ProbMissingId => ["no customer id", "沒有客戶編號", "没有客户编号"],
    ProbNotAnAmount => ["not an amount: {text}", "不是金額：{text}", "不是金额：{text}"],
    ProbNegative => ["amounts cannot be negative: {text}", "金額不可為負數：{text}", "金额不能为负数：{text}"],
    ProbNotADate => ["not a date in the format {format}: {text}", "不是 {format} 格式的日期：{text}", "不是 {format} 格式的日期：{text}"],
    ProbGrowth => ["growth potential must be 1 to 5: {text}", "成長潛力須為 1 至 5：{text}", "成长潜力须为 1 至 5：{text}"],
    ProbDuplicate => ["id {id} appears more than once in the file", "編號 {id} 在檔案中重複出現", "编号 {id} 在文件中重复出现"],
    ProbAfterReference => ["dated {date}, after the reference date", "日期 {date} 晚於參考日期", "日期 {date} 晚于参考日期"],
    ProbMissingField => ["no column is mapped to {field}", "沒有欄位對應到 {field}", "没有列对应到 {field}"],
    }
}

/// A row problem as a phrase.
#[must_use]
pub fn row_problem_text(lang: Language, p: &RowProblem) -> String {
    use CustomerKey as C;
    match p {
        RowProblem::MissingId => tr(lang, C::ProbMissingId).to_owned(),
        RowProblem::NotAnAmount(text) => trf(lang, C::ProbNotAnAmount, &[("text", text)]),
        RowProblem::NegativeAmount(text) => trf(lang, C::ProbNegative, &[("text", text)]),
        RowProblem::NotADate { text, format } => {
            trf(lang, C::ProbNotADate, &[("text", text), ("format", format)])
        }
        RowProblem::GrowthOutOfRange(text) => trf(lang, C::ProbGrowth, &[("text", text)]),
        RowProblem::DuplicateId(id) => trf(lang, C::ProbDuplicate, &[("id", id)]),
        RowProblem::AfterReferenceDate(d) => trf(lang, C::ProbAfterReference, &[("date", d)]),
        RowProblem::MissingField(field) => trf(lang, C::ProbMissingField, &[("field", field)]),
    }
}

/// What an import would do, as the dialog shows it and the `import` command prints it: the
/// counts, and the customers already up to date when there are any.
#[must_use]
pub fn import_preview_lines(lang: Language, p: &ImportPreview) -> Vec<String> {
    let mut lines = vec![trf(
        lang,
        CustomerKey::ImportSummary,
        &[
            ("ready", &p.rows_ready),
            ("added", &p.merged.added),
            ("updated", &p.merged.updated),
            ("skipped", &p.skipped_rows()),
        ],
    )];
    if p.merged.unchanged > 0 {
        lines.push(trf(
            lang,
            CustomerKey::ImportUnchanged,
            &[("n", &p.merged.unchanged)],
        ));
    }
    lines
}

/// A row problem as one line: "Row 5, column 營業額: not an amount: abc".
#[must_use]
pub fn row_error_text(lang: Language, e: &RowError) -> String {
    trf(
        lang,
        CustomerKey::RowErrorLine,
        &[
            ("row", &e.row),
            ("column", &e.column),
            ("problem", &row_problem_text(lang, &e.problem)),
        ],
    )
}

/// A file that could not be imported, path last.
#[must_use]
pub fn import_error_text(lang: Language, e: &ImportError) -> String {
    use CustomerKey as C;
    match e {
        ImportError::Read { path, source } => trf(
            lang,
            Key::ErrRead,
            &[("detail", source), ("path", &path.display())],
        ),
        ImportError::Empty { path } => trf(lang, C::ErrEmptyFile, &[("path", &path.display())]),
        ImportError::Encoding { path, row, encoding } => trf(
            lang,
            C::ErrEncoding,
            &[("row", row), ("encoding", encoding), ("path", &path.display())],
        ),
        ImportError::Csv { path, row, detail } => trf(
            lang,
            C::ErrCsv,
            &[("row", row), ("detail", detail), ("path", &path.display())],
        ),
        ImportError::Workbook { path, detail } => trf(
            lang,
            C::ErrWorkbook,
            &[("detail", detail), ("path", &path.display())],
        ),
        ImportError::NoSuchSheet { path, sheet } => trf(
            lang,
            C::ErrNoSheet,
            &[("sheet", sheet), ("path", &path.display())],
        ),
        ImportError::UnknownFormat { path } => trf(lang, C::ErrFormat, &[("path", &path.display())]),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_customer_table_is_complete() {
        super::super::check_table::<super::CustomerKey>(&[]);
    }
}
