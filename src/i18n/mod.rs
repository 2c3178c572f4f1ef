//! The string table: every text the app shows, in English, 繁體中文 and 简体中文.
//!
//! Each key has all three texts or the table does not compile; tests check that none is empty
//! and that all three use the same `{placeholders}`.

pub mod planner;

use crate::model::{
    AbcClass, DisputeKind, DisputeStatus, Language, Place, Problem, Route, StepKind, StepStatus, Tier,
    TierReason, Warning,
};
use crate::store::StoreError;

pub mod charts;
pub mod compare;
pub mod customers;
pub mod disputes;
pub mod fields;
pub mod help;
pub mod report;
pub mod scenes;
pub mod segments;
pub mod undo;

/// A key of a string table: its texts in English, 繁體中文 and 简体中文.
pub trait Texts: Copy + std::fmt::Debug + 'static {
    /// Every key of the table, for tests.
    const ALL: &'static [Self];
    /// The texts in English, 繁體中文 and 简体中文.
    fn texts(self) -> [&'static str; 3];
}

/// Declares a string table: an enum of keys, each with exactly three texts.
///
/// Feature modules declare their own tables with it, so each keeps its texts beside it.
#[macro_export]
macro_rules! string_table {
    ($(#[$meta:meta])* $name:ident { $($key:ident => [$en:expr, $hant:expr, $hans:expr $(,)?],)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($key,)* }

        impl $crate::i18n::Texts for $name {
            const ALL: &'static [Self] = &[$($name::$key,)*];

            fn texts(self) -> [&'static str; 3] {
                match self { $($name::$key => [$en, $hant, $hans],)* }
            }
        }
    };
}

string_table! {
    /// A text of the app shell and of the shared domain terms.
    Key {
    AppName => ["SCM-CRM Studio", "SCM-CRM 工作室", "SCM-CRM 工作室"],
    Untitled => ["Untitled scenario", "未命名情境方案", "未命名情景方案"],
    // Menus
    MenuFile => ["File", "檔案", "文件"],
    MenuNew => ["New", "新增", "新建"],
    MenuOpen => ["Open…", "開啟…", "打开…"],
    MenuOpenSample => ["Open sample", "開啟範例", "打开示例"],
    MenuOpenRecent => ["Open recent", "最近開啟", "最近打开"],
    MenuNoRecent => ["No recent files", "沒有最近的檔案", "没有最近的文件"],
    MenuClearRecent => ["Clear list", "清除清單", "清除列表"],
    MenuSave => ["Save", "儲存", "保存"],
    MenuSaveAs => ["Save as…", "另存新檔…", "另存为…"],
    MenuProperties => ["Scenario properties…", "情境方案屬性…", "情景方案属性…"],
    MenuWarnings => ["Validation warnings…", "驗證警告…", "验证警告…"],
    MenuQuit => ["Quit", "結束", "退出"],
    MenuEdit => ["Edit", "編輯", "编辑"],
    MenuUndo => ["Undo", "復原", "撤销"],
    MenuRedo => ["Redo", "重做", "重做"],
    MenuView => ["View", "檢視", "视图"],
    MenuLanguage => ["Language", "語言", "语言"],
    MenuTheme => ["Theme", "主題", "主题"],
    ThemeLight => ["Light", "淺色", "浅色"],
    ThemeDark => ["Dark", "深色", "深色"],
    ThemeSystem => ["Follow system", "跟隨系統", "跟随系统"],
    MenuZoomIn => ["Zoom in", "放大", "放大"],
    MenuZoomOut => ["Zoom out", "縮小", "缩小"],
    MenuZoomReset => ["Reset zoom", "重設縮放", "重置缩放"],
    ZoomLabel => ["Zoom: {pct}%", "縮放：{pct}%", "缩放：{pct}%"],
    MsgSceneMissing => ["Scene “{title}” shown without {what}: no longer in this scenario", "已顯示場景「{title}」，但{what}已不在此情境方案中", "已显示场景“{title}”，但{what}已不在此情景方案中"],
    // Navigation
    PageCustomers => ["Customers", "客戶", "客户"],
    PageCharts => ["Charts", "圖表", "图表"],
    PagePlanner => ["Planner", "整合規劃", "整合规划"],
    PageDisputes => ["Disputes", "糾紛", "纠纷"],
    // Status bar
    StatusSaved => ["Saved", "已儲存", "已保存"],
    StatusUnsaved => ["Unsaved changes", "有未儲存的變更", "有未保存的更改"],
    StatusNoFile => ["Not saved to a file yet", "尚未儲存為檔案", "尚未保存为文件"],
    StatusWarnings => ["{n} validation warnings", "{n} 個驗證警告", "{n} 个验证警告"],
    StatusNoWarnings => ["No validation warnings", "沒有驗證警告", "没有验证警告"],
    StatusWarningsHint => ["Click to list them", "按一下以列出", "单击以列出"],
    // Messages
    MsgOpened => ["Opened {path}", "已開啟 {path}", "已打开 {path}"],
    MsgMigrated => [
        "Opened {path}, written in format version {from}; it will be saved in version {to}.",
        "已開啟 {path}（格式版本 {from}），儲存時將使用版本 {to}。",
        "已打开 {path}（格式版本 {from}），保存时将使用版本 {to}。",
    ],
    MsgSaved => ["Saved {path}", "已儲存 {path}", "已保存 {path}"],
    MsgOpenCancelled => [
        "Opening {path} was cancelled. The open scenario is unchanged.",
        "已取消開啟 {path}。目前的情境方案未受影響。",
        "已取消打开 {path}。当前情景方案未受影响。",
    ],
    MsgJobLost => [
        "The work stopped unexpectedly. Nothing was changed.",
        "工作意外中止，未變更任何內容。",
        "工作意外中止，未更改任何内容。",
    ],
    JobOpening => ["Opening {path}…", "正在開啟 {path}…", "正在打开 {path}…"],
    JobCancelHint => [
        "Cancel leaves everything as it was.",
        "取消後一切維持原狀。",
        "取消后一切保持原样。",
    ],
    MsgImported => [
        "Imported {added} new and {updated} updated customers; {skipped} rows skipped. Ctrl+Z undoes the whole import.",
        "已匯入：新增 {added} 位、更新 {updated} 位客戶；略過 {skipped} 列。按 Ctrl+Z 可復原整次匯入。",
        "已导入：新增 {added} 位、更新 {updated} 位客户；跳过 {skipped} 行。按 Ctrl+Z 可撤销整次导入。",
    ],
    MsgExported => ["Exported {path}", "已匯出 {path}", "已导出 {path}"],
    MsgExportFailed => [
        "Could not export. Nothing was written.",
        "無法匯出，未寫入任何內容。",
        "无法导出，未写入任何内容。",
    ],
    MsgNewScenario => ["New empty scenario", "新的空白情境方案", "新的空白情景方案"],
    MsgOpenFailed => [
        "Could not open the file. The open scenario is unchanged.",
        "無法開啟檔案。目前的情境方案未受影響。",
        "无法打开文件。当前情景方案未受影响。",
    ],
    MsgSaveFailed => [
        "Could not save. Your changes are still here, unsaved; the file on disk is unchanged.",
        "無法儲存。您的變更仍保留在此（尚未儲存）；磁碟上的檔案未變更。",
        "无法保存。您的更改仍保留在此（尚未保存）；磁盘上的文件未更改。",
    ],
    MsgNothingToUndo => ["Nothing to undo", "沒有可復原的操作", "没有可撤销的操作"],
    MsgNothingToRedo => ["Nothing to redo", "沒有可重做的操作", "没有可重做的操作"],
    MsgNotRon => [
        "Only scenario files (.ron) can be opened this way: {path}",
        "只能以此方式開啟情境方案檔（.ron）：{path}",
        "只能以此方式打开情景方案文件（.ron）：{path}",
    ],
    Dismiss => ["Dismiss", "關閉", "关闭"],
    // Comparison and what-if files
    MsgComparing => ["Comparing with {name}", "正在與 {name} 比較", "正在与 {name} 比较"],
    MsgCompareFailed => [
        "Could not open the file to compare. The open scenario is unchanged.",
        "無法開啟要比較的檔案。目前的情境方案未受影響。",
        "无法打开要比较的文件。当前情景方案未受影响。",
    ],
    PathCompareTitle => ["Compare with a scenario file", "與情境方案檔比較", "与情景方案文件比较"],
    PathWhatIfTitle => ["Save the what-if as a new scenario", "將假設分析另存為新情境方案", "将假设分析另存为新情景方案"],
    MsgWhatIfNotOverOpen => [
        "Choose another file: the what-if is saved as a new scenario, never over the open one: {path}",
        "請選擇其他檔案：假設分析會另存為新情境方案，不會覆寫目前開啟的檔案：{path}",
        "请选择其他文件：假设分析会另存为新情景方案，不会覆盖当前打开的文件：{path}",
    ],
    MsgNoBackup => [
        "This file has no backup yet; it is made by the next save: {path}",
        "此檔案尚無備份；下次儲存時會建立：{path}",
        "此文件尚无备份；下次保存时会创建：{path}",
    ],
    NavComparison => ["Comparison", "比較", "比较"],
    MsgWhatIfSaved => [
        "Saved the what-if as {path}. The open scenario is unchanged.",
        "已將假設分析儲存為 {path}。目前的情境方案未變更。",
        "已将假设分析保存为 {path}。当前情景方案未更改。",
    ],
    MsgWhatIfSaveFailed => [
        "Could not save the what-if. The open scenario is unchanged.",
        "無法儲存假設分析。目前的情境方案未變更。",
        "无法保存假设分析。当前情景方案未更改。",
    ],
    // Store errors: {path} is always last.
    ErrRead => ["Cannot read the file ({detail}): {path}", "無法讀取檔案（{detail}）：{path}", "无法读取文件（{detail}）：{path}"],
    ErrWrite => ["Cannot write the file ({detail}): {path}", "無法寫入檔案（{detail}）：{path}", "无法写入文件（{detail}）：{path}"],
    ErrNoFolder => ["The folder does not exist: {path}", "資料夾不存在：{path}", "文件夹不存在：{path}"],
    ErrTooLarge => [
        "The file is {size} MiB; files over {limit} MiB are not opened: {path}",
        "檔案大小為 {size} MiB；超過 {limit} MiB 的檔案不予開啟：{path}",
        "文件大小为 {size} MiB；超过 {limit} MiB 的文件不予打开：{path}",
    ],
    ErrTooLargeToSave => [
        "The scenario would make a file over {limit} MiB, which the app could not open again; nothing was saved: {path}",
        "此情境方案存檔會超過 {limit} MiB，存檔後將無法再開啟；未儲存任何內容：{path}",
        "此情景方案保存后会超过 {limit} MiB，保存后将无法再打开；未保存任何内容：{path}",
    ],
    ErrNotUtf8 => [
        "Line {line}, column {col}: the file is not UTF-8 text: {path}",
        "第 {line} 行，第 {col} 欄：檔案不是 UTF-8 文字：{path}",
        "第 {line} 行，第 {col} 列：文件不是 UTF-8 文本：{path}",
    ],
    ErrParse => [
        "Line {line}, column {col}: {detail}: {path}",
        "第 {line} 行，第 {col} 欄：{detail}：{path}",
        "第 {line} 行，第 {col} 列：{detail}：{path}",
    ],
    ErrNewer => [
        "The file has format version {found}, newer than this app reads (up to {supported}). Update the app to open it: {path}",
        "檔案格式版本為 {found}，比本程式可讀取的版本（最高 {supported}）更新。請更新程式後再開啟：{path}",
        "文件格式版本为 {found}，比本程序可读取的版本（最高 {supported}）更新。请更新程序后再打开：{path}",
    ],
    ErrMissingVersion => [
        "No format_version: this is not a scenario file: {path}",
        "缺少 format_version：這不是情境方案檔：{path}",
        "缺少 format_version：这不是情景方案文件：{path}",
    ],
    ErrSerialize => ["Cannot write the scenario as RON: {detail}", "無法將情境方案寫成 RON：{detail}", "无法将情景方案写成 RON：{detail}"],
    // Parse details we can word better than the parser does.
    DetailBadDate => [
        "not a valid date (expected YYYY-MM-DD, a real calendar day)",
        "不是有效日期（應為 YYYY-MM-DD，且須為實際存在的日期）",
        "不是有效日期（应为 YYYY-MM-DD，且须为实际存在的日期）",
    ],
    DetailNotUtf8 => ["the file is not UTF-8 text", "檔案不是 UTF-8 文字", "文件不是 UTF-8 文本"],
    DetailEmpty => ["the file is empty", "檔案是空的", "文件是空的"],
    DetailTooDeep => ["nested too deeply", "巢狀層次過深", "嵌套层次过深"],
    DetailNumberTooLarge => ["number too large", "數字過大", "数字过大"],
    // Dialogs
    UnsavedTitle => ["Unsaved changes", "未儲存的變更", "未保存的更改"],
    UnsavedQuestion => [
        "Save the changes to “{name}” first?",
        "是否先儲存「{name}」的變更？",
        "是否先保存“{name}”的更改？",
    ],
    UnsavedExplain => [
        "If you discard them, they are lost.",
        "若選擇捨棄，這些變更將會遺失。",
        "如果选择放弃，这些更改将会丢失。",
    ],
    ButtonSave => ["Save", "儲存", "保存"],
    ButtonDiscard => ["Discard", "捨棄", "放弃"],
    ButtonCancel => ["Cancel", "取消", "取消"],
    ButtonOk => ["OK", "確定", "确定"],
    PathOpenTitle => ["Open a scenario file", "開啟情境方案檔", "打开情景方案文件"],
    PathSaveTitle => ["Save the scenario as", "將情境方案另存為", "将情景方案另存为"],
    PathExportTitle => ["Export to file", "匯出至檔案", "导出到文件"],
    PathPrompt => ["File path:", "檔案路徑：", "文件路径："],
    PathNoDialog => [
        "No file dialog is available on this system, so type the path.",
        "此系統沒有可用的檔案對話框，請直接輸入路徑。",
        "此系统没有可用的文件对话框，请直接输入路径。",
    ],
    PathFolderHint => ["Relative paths start in {dir}", "相對路徑從 {dir} 開始", "相对路径从 {dir} 开始"],
    // Properties
    PropTitle => ["Title", "標題", "标题"],
    PropDescription => ["Description", "說明", "说明"],
    PropAuthor => ["Author", "作者", "作者"],
    PropCreated => ["Created", "建立日期", "创建日期"],
    PropModified => ["Modified", "修改日期", "修改日期"],
    PropCurrency => ["Currency code", "貨幣代碼", "货币代码"],
    PropCurrencySymbol => ["Currency symbol", "貨幣符號", "货币符号"],
    PropAThreshold => ["Class A reaches (% of profit)", "A 類累計達（利潤 %）", "A 类累计达（利润 %）"],
    PropBThreshold => ["Class B reaches (% of profit)", "B 類累計達（利潤 %）", "B 类累计达（利润 %）"],
    PropGrowthThreshold => ["Key from growth potential", "成長潛力達此值即為關鍵", "成长潜力达此值即为关键"],
    PropSegmentation => ["Segmentation", "客戶分級", "客户分级"],
    PropGeneral => ["General", "一般", "常规"],
    // Validation
    WarningsTitle => ["Validation warnings", "驗證警告", "验证警告"],
    WarningsNone => ["The scenario has no validation warnings.", "此情境方案沒有驗證警告。", "此情景方案没有验证警告。"],
    PlaceSettings => ["Settings", "設定", "设置"],
    PlaceCustomer => ["Customer row {row} ({id})", "客戶第 {row} 列（{id}）", "客户第 {row} 行（{id}）"],
    PlaceStep => ["Step {n}", "第 {n} 步", "第 {n} 步"],
    PlacePlan => ["Plan {list}, row {row}", "規劃 {list}，第 {row} 列", "规划 {list}，第 {row} 行"],
    PlaceDispute => ["Dispute row {row} ({id})", "糾紛第 {row} 列（{id}）", "纠纷第 {row} 行（{id}）"],
    ProbNegative => ["{field} is negative", "{field} 為負數", "{field} 为负数"],
    ProbImplausible => ["{field} is implausibly large", "{field} 大得不合理", "{field} 大得不合理"],
    ProbNotFinite => ["{field} is not a number", "{field} 不是數字", "{field} 不是数字"],
    ProbOutOfRange => [
        "{field} is {value}, outside {min}–{max}",
        "{field} 為 {value}，超出 {min}–{max}",
        "{field} 为 {value}，超出 {min}–{max}",
    ],
    ProbEndBeforeStart => ["{end} is before {start}", "{end} 早於 {start}", "{end} 早于 {start}"],
    ProbUnknownCustomer => ["names customer {id}, which is not in the scenario", "指向客戶 {id}，但情境方案中沒有此客戶", "指向客户 {id}，但情景方案中没有此客户"],
    ProbDuplicateId => ["id {id} is used more than once", "編號 {id} 重複", "编号 {id} 重复"],
    ProbEmptyId => ["has no id", "沒有編號", "没有编号"],
    ProbOverrideNoReason => ["tier override has no reason", "分級覆寫沒有說明原因", "分级覆盖没有说明原因"],
    ProbThresholdOrder => ["class A threshold is above class B threshold", "A 類門檻高於 B 類門檻", "A 类门槛高于 B 类门槛"],
    ProbUnknownReference => ["{field} names {id}, which does not exist", "{field} 指向不存在的 {id}", "{field} 指向不存在的 {id}"],
    // Domain terms
    TierKey => ["Key", "關鍵客戶", "关键客户"],
    TierGeneral => ["General", "一般客戶", "一般客户"],
    TierLoss => ["Loss-making", "虧損客戶", "亏损客户"],
    ReasonClassA => [
        "class A: the top {n} customers make {pct}% of profit",
        "A 類：前 {n} 名客戶貢獻 {pct}% 的利潤",
        "A 类：前 {n} 名客户贡献 {pct}% 的利润",
    ],
    ReasonGrowth => [
        "growth potential {growth} of 5 (key from {threshold})",
        "成長潛力 {growth}/5（{threshold} 以上為關鍵）",
        "成长潜力 {growth}/5（{threshold} 以上为关键）",
    ],
    ReasonGeneral => [
        "profitable, class {class}, growth potential {growth} (below {threshold})",
        "有利潤，{class} 類，成長潛力 {growth}（低於 {threshold}）",
        "有利润，{class} 类，成长潜力 {growth}（低于 {threshold}）",
    ],
    ReasonLoss => ["profit below zero", "利潤為負", "利润为负"],
    ReasonOverride => ["set by hand: {reason} (rules give: {computed})", "手動設定：{reason}（規則結果：{computed}）", "手动设置：{reason}（规则结果：{computed}）"],
    ColId => ["ID", "編號", "编号"],
    ColName => ["Name", "名稱", "名称"],
    ColIndustry => ["Industry", "行業", "行业"],
    ColRegion => ["Region", "地區", "地区"],
    ColRevenue => ["Revenue", "營業額", "营业额"],
    ColCostOfGoods => ["Cost of goods", "貨品成本", "货品成本"],
    ColCostToServe => ["Cost to serve", "服務成本", "服务成本"],
    ColProfit => ["Profit", "利潤", "利润"],
    ColMargin => ["Margin", "利潤率", "利润率"],
    ColClass => ["ABC", "ABC", "ABC"],
    ColTier => ["Tier", "分級", "分级"],
    SumCustomers => ["Customers", "客戶數", "客户数"],
    SumRevenue => ["Revenue", "營業額", "营业额"],
    SumProfit => ["Profit", "利潤", "利润"],
    StepSurvey => ["Survey marketing and the supply chain", "進行營銷和供應鏈的調查", "进行营销和供应链的调查"],
    StepGoals => ["Decide the integration goals", "決定一體化管理的目標", "决定一体化管理的目标"],
    StepGaps => ["Analyse and confirm the gaps", "分析和確認差異", "分析和确认差异"],
    StepStrategy => ["Formulate the integration strategy", "確切闡述整合戰略", "确切阐述整合战略"],
    StepPlanTrain => ["Plan initial integration and training", "計劃初步一體化和培訓", "计划初步一体化和培训"],
    StepSequence => ["Decide the implementation order", "決定實施順序", "决定实施顺序"],
    StepMetrics => ["Set evaluation metrics", "設立評估指標", "设立评估指标"],
    StepTrack => ["Track results and revise goals", "跟蹤結果和修正目標", "跟踪结果和修正目标"],
    StatusNotStarted => ["Not started", "未開始", "未开始"],
    StatusInProgress => ["In progress", "進行中", "进行中"],
    StatusDone => ["Done", "已完成", "已完成"],
    StatusBlocked => ["Blocked", "受阻", "受阻"],
    KindQualityContractor => ["Quality: contractor at fault", "品質：承包人過錯", "质量：承包人过错"],
    KindQualityEmployer => ["Quality: employer at fault", "品質：發包人過錯", "质量：发包人过错"],
    KindQualityUsed => ["Quality: used before acceptance", "品質：發包人擅自使用", "质量：发包人擅自使用"],
    KindCompletionDate => ["Completion date", "竣工日期", "竣工日期"],
    KindPricing => ["Pricing method", "計價方法", "计价方法"],
    KindQuantity => ["Quantity of work", "工程量", "工程量"],
    KindOther => ["Other", "其他", "其他"],
    RouteNegotiation => ["Negotiation", "協商", "协商"],
    RouteMediation => ["Mediation", "調解", "调解"],
    RouteArbitration => ["Arbitration", "仲裁", "仲裁"],
    RouteLitigation => ["Litigation", "訴訟", "诉讼"],
    RouteUndecided => ["Not decided", "未決定", "未决定"],
    DStatusOpen => ["Open", "待處理", "待处理"],
    DStatusInProgress => ["In progress", "處理中", "处理中"],
    DStatusSettled => ["Settled", "已和解", "已和解"],
    DStatusClosed => ["Closed", "已結案", "已结案"],
    ColCustomer => ["Customer", "客戶", "客户"],
    ColKind => ["Kind", "類型", "类型"],
    ColAmount => ["Amount claimed", "請求金額", "请求金额"],
    ColRoute => ["Route", "處理途徑", "处理途径"],
    ColStatus => ["Status", "狀態", "状态"],
    NoCustomers => ["No customers yet.", "尚無客戶。", "尚无客户。"],
    NoDisputes => ["No disputes recorded.", "尚無糾紛紀錄。", "尚无纠纷记录。"],
    CycleLabel => ["Cycle {n}", "第 {n} 輪", "第 {n} 轮"],
    // Recovery copies, files changed on disk, files open elsewhere
    RecoverTitle => ["Recover unsaved work?", "要復原未儲存的工作嗎？", "要恢复未保存的工作吗？"],
    RecoverIntro => [
        "{name}: a recovery copy taken at {time} holds changes that were never saved.",
        "{name}：{time} 的復原副本中有從未儲存的變更。",
        "{name}：{time} 的恢复副本中有从未保存的更改。",
    ],
    RecoverEmergency => [
        "The app stopped unexpectedly; this copy was written as it closed.",
        "程式意外終止；此副本是在關閉時寫入的。",
        "程序意外终止；此副本是在关闭时写入的。",
    ],
    RecoverCopyCounts => [
        "Recovery copy: {customers} customers, {steps} of 8 steps done, {disputes} disputes",
        "復原副本：{customers} 位客戶，8 個步驟中已完成 {steps} 個，{disputes} 件糾紛",
        "恢复副本：{customers} 位客户，8 个步骤中已完成 {steps} 个，{disputes} 件纠纷",
    ],
    RecoverSavedCounts => [
        "Saved file: {customers} customers, {steps} of 8 steps done, {disputes} disputes",
        "已儲存的檔案：{customers} 位客戶，8 個步驟中已完成 {steps} 個，{disputes} 件糾紛",
        "已保存的文件：{customers} 位客户，8 个步骤中已完成 {steps} 个，{disputes} 件纠纷",
    ],
    RecoverNoSavedFile => [
        "Saved file: none (never saved, or the file is gone)",
        "已儲存的檔案：無（從未儲存，或檔案已不存在）",
        "已保存的文件：无（从未保存，或文件已不存在）",
    ],
    RecoverRestore => ["Restore", "復原", "恢复"],
    RecoverCompare => [
        "Restore and compare with the saved file",
        "復原並與已儲存的檔案比較",
        "恢复并与已保存的文件比较",
    ],
    RecoverOpenSaved => ["Open the saved file", "開啟已儲存的檔案", "打开已保存的文件"],
    RecoverDiscard => ["Discard the copy", "捨棄副本", "丢弃副本"],
    RecoverKeepHint => [
        "Closing this asks again at the next start.",
        "關閉此視窗，下次啟動時會再詢問。",
        "关闭此窗口，下次启动时会再询问。",
    ],
    MsgRestored => [
        "Restored the recovery copy of {name}. Save to keep it.",
        "已復原 {name} 的復原副本。請儲存以保留。",
        "已恢复 {name} 的恢复副本。请保存以保留。",
    ],
    ConflictTitle => ["The file changed on disk", "檔案已在磁碟上變更", "文件已在磁盘上更改"],
    ConflictText => [
        "Another program changed {path} since it was opened or saved here. Saving now would overwrite that version.",
        "自從在此開啟或儲存後，另一個程式已變更 {path}。現在儲存將覆寫該版本。",
        "自从在此打开或保存后，另一个程序已更改 {path}。现在保存将覆盖该版本。",
    ],
    ConflictOverwrite => ["Overwrite", "覆寫", "覆盖"],
    ConflictSaveAs => ["Save as…", "另存新檔…", "另存为…"],
    ConflictReload => ["Reload (losing my changes)", "重新載入（捨棄我的變更）", "重新加载（丢弃我的更改）"],
    LockTitle => ["Already open elsewhere", "已在別處開啟", "已在别处打开"],
    LockText => [
        "{path} is open in another SCM-CRM Studio window (process {pid}). If both save, one overwrites the other's work.",
        "{path} 已在另一個 SCM-CRM 工作室視窗中開啟（處理程序 {pid}）。若兩邊都儲存，其中一方的工作會被覆寫。",
        "{path} 已在另一个 SCM-CRM 工作室窗口中打开（进程 {pid}）。若两边都保存，其中一方的工作会被覆盖。",
    ],
    LockReadOnly => ["Open read-only", "以唯讀方式開啟", "以只读方式打开"],
    LockAnyway => ["Open anyway", "仍要開啟", "仍要打开"],
    StatusReadOnly => [
        "Read-only: Save asks for another file",
        "唯讀：儲存時會要求另選檔案",
        "只读：保存时会要求另选文件",
    ],
    // Start-up failures, printed on the terminal: what is missing and what to do.
    StartNoDisplay => [
        "Could not open a window because no display was found: run the app in a desktop session, or on a server under xvfb-run with the packages listed in the README.",
        "找不到顯示器，無法開啟視窗：請在桌面環境中執行本程式，或在伺服器上安裝 README 所列的套件後以 xvfb-run 執行。",
        "找不到显示器，无法打开窗口：请在桌面环境中运行本程序，或在服务器上安装 README 所列的软件包后用 xvfb-run 运行。",
    ],
    StartNoGraphics => [
        "Could not open a window because no graphics driver can draw it: install Mesa (apt-get install libegl1 libgl1-mesa-dri) or use a desktop session, as the README explains.",
        "沒有可繪製視窗的圖形驅動程式，無法開啟視窗：請安裝 Mesa（apt-get install libegl1 libgl1-mesa-dri）或改用桌面環境，詳見 README。",
        "没有可绘制窗口的图形驱动程序，无法打开窗口：请安装 Mesa（apt-get install libegl1 libgl1-mesa-dri）或改用桌面环境，详见 README。",
    ],
    StartFailed => [
        "Could not open a window because the graphics stack refused to start: use a desktop session, or xvfb-run with the packages listed in the README (RUST_LOG=info shows the detail).",
        "圖形系統無法啟動，無法開啟視窗：請改用桌面環境，或安裝 README 所列的套件後以 xvfb-run 執行（設定 RUST_LOG=info 可查看詳情）。",
        "图形系统无法启动，无法打开窗口：请改用桌面环境，或安装 README 所列的软件包后用 xvfb-run 运行（设置 RUST_LOG=info 可查看详情）。",
    ],
    StepsDoneLabel => ["{done} of 8 steps done", "8 個步驟中已完成 {done} 個", "8 个步骤中已完成 {done} 个"],
}
}

/// The text of `key` in `lang`.
#[must_use]
pub fn tr<K: Texts>(lang: Language, key: K) -> &'static str {
    key.texts()[lang.index()]
}

/// The text of `key` with each `{name}` replaced by its value.
#[must_use]
pub fn trf<K: Texts>(lang: Language, key: K, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut text = tr(lang, key).to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    text
}

#[must_use]
pub fn tier_name(lang: Language, tier: Tier) -> &'static str {
    tr(
        lang,
        match tier {
            Tier::Key => Key::TierKey,
            Tier::General => Key::TierGeneral,
            Tier::LossMaking => Key::TierLoss,
        },
    )
}

#[must_use]
pub fn class_name(class: AbcClass) -> &'static str {
    match class {
        AbcClass::A => "A",
        AbcClass::B => "B",
        AbcClass::C => "C",
    }
}

/// Why a customer is in its computed tier, as a sentence.
#[must_use]
pub fn tier_reason(lang: Language, reason: &TierReason) -> String {
    match *reason {
        TierReason::ClassA { a_count, a_share_pct } => trf(
            lang,
            Key::ReasonClassA,
            &[("n", &a_count), ("pct", &format!("{a_share_pct:.0}"))],
        ),
        TierReason::Growth { growth, threshold } => trf(
            lang,
            Key::ReasonGrowth,
            &[("growth", &growth), ("threshold", &threshold)],
        ),
        TierReason::General {
            class,
            growth,
            threshold,
        } => trf(
            lang,
            Key::ReasonGeneral,
            &[
                ("class", &class_name(class)),
                ("growth", &growth),
                ("threshold", &threshold),
            ],
        ),
        TierReason::Loss => tr(lang, Key::ReasonLoss).to_owned(),
    }
}

#[must_use]
pub fn step_name(lang: Language, step: StepKind) -> &'static str {
    tr(
        lang,
        match step {
            StepKind::Survey => Key::StepSurvey,
            StepKind::Goals => Key::StepGoals,
            StepKind::Gaps => Key::StepGaps,
            StepKind::Strategy => Key::StepStrategy,
            StepKind::PlanAndTrain => Key::StepPlanTrain,
            StepKind::Sequence => Key::StepSequence,
            StepKind::Metrics => Key::StepMetrics,
            StepKind::TrackAndRevise => Key::StepTrack,
        },
    )
}

#[must_use]
pub fn step_status_name(lang: Language, status: StepStatus) -> &'static str {
    tr(
        lang,
        match status {
            StepStatus::NotStarted => Key::StatusNotStarted,
            StepStatus::InProgress => Key::StatusInProgress,
            StepStatus::Done => Key::StatusDone,
            StepStatus::Blocked => Key::StatusBlocked,
        },
    )
}

#[must_use]
pub fn dispute_kind_name(lang: Language, kind: DisputeKind) -> &'static str {
    tr(
        lang,
        match kind {
            DisputeKind::QualityContractor => Key::KindQualityContractor,
            DisputeKind::QualityEmployer => Key::KindQualityEmployer,
            DisputeKind::QualityUsedBeforeAcceptance => Key::KindQualityUsed,
            DisputeKind::CompletionDate => Key::KindCompletionDate,
            DisputeKind::PricingMethod => Key::KindPricing,
            DisputeKind::QuantityOfWork => Key::KindQuantity,
            DisputeKind::Other => Key::KindOther,
        },
    )
}

#[must_use]
pub fn route_name(lang: Language, route: Option<Route>) -> &'static str {
    tr(
        lang,
        match route {
            Some(Route::Negotiation) => Key::RouteNegotiation,
            Some(Route::Mediation) => Key::RouteMediation,
            Some(Route::Arbitration) => Key::RouteArbitration,
            Some(Route::Litigation) => Key::RouteLitigation,
            None => Key::RouteUndecided,
        },
    )
}

#[must_use]
pub fn dispute_status_name(lang: Language, status: DisputeStatus) -> &'static str {
    tr(
        lang,
        match status {
            DisputeStatus::Open => Key::DStatusOpen,
            DisputeStatus::InProgress => Key::DStatusInProgress,
            DisputeStatus::Settled => Key::DStatusSettled,
            DisputeStatus::Closed => Key::DStatusClosed,
        },
    )
}

/// A validation warning as one line, e.g. `Customer row 3 (C003): cost_to_serve is negative`.
#[must_use]
pub fn warning_text(lang: Language, w: &Warning) -> String {
    let place = match &w.place {
        Place::Settings => tr(lang, Key::PlaceSettings).to_owned(),
        Place::Customer { row, id } => trf(lang, Key::PlaceCustomer, &[("row", row), ("id", id)]),
        Place::Step(step) => trf(lang, Key::PlaceStep, &[("n", &step.number())]),
        Place::Plan { list, row } => trf(lang, Key::PlacePlan, &[("list", list), ("row", row)]),
        Place::Dispute { row, id } => trf(lang, Key::PlaceDispute, &[("row", row), ("id", id)]),
    };
    let problem = match &w.problem {
        Problem::NegativeAmount { field } => trf(lang, Key::ProbNegative, &[("field", field)]),
        Problem::ImplausibleAmount { field } => trf(lang, Key::ProbImplausible, &[("field", field)]),
        Problem::NotFinite { field } => trf(lang, Key::ProbNotFinite, &[("field", field)]),
        Problem::OutOfRange {
            field,
            value,
            min,
            max,
        } => trf(
            lang,
            Key::ProbOutOfRange,
            &[("field", field), ("value", value), ("min", min), ("max", max)],
        ),
        Problem::EndBeforeStart { start, end } => {
            trf(lang, Key::ProbEndBeforeStart, &[("start", start), ("end", end)])
        }
        Problem::UnknownCustomer { id } => trf(lang, Key::ProbUnknownCustomer, &[("id", id)]),
        Problem::DuplicateId { id } => trf(lang, Key::ProbDuplicateId, &[("id", id)]),
        Problem::EmptyId => tr(lang, Key::ProbEmptyId).to_owned(),
        Problem::OverrideWithoutReason => tr(lang, Key::ProbOverrideNoReason).to_owned(),
        Problem::ThresholdOrder => tr(lang, Key::ProbThresholdOrder).to_owned(),
        Problem::UnknownReference { field, id } => {
            trf(lang, Key::ProbUnknownReference, &[("field", field), ("id", id)])
        }
        Problem::LitigationUnderArbitrationClause => {
            tr(lang, disputes::DisputeKey::ProbLitigationUnderClause).to_owned()
        }
    };
    format!("{place}: {problem}")
}

/// Words a parse problem in the user's language where the app knows the case; the parser's own
/// words otherwise.
fn parse_detail(lang: Language, problem: &crate::store::ParseProblem) -> String {
    use crate::store::ParseProblem as P;
    match problem {
        P::Empty => tr(lang, Key::DetailEmpty).to_owned(),
        P::BadDate => tr(lang, Key::DetailBadDate).to_owned(),
        P::TooDeep => tr(lang, Key::DetailTooDeep).to_owned(),
        P::NumberTooLarge => tr(lang, Key::DetailNumberTooLarge).to_owned(),
        P::Other(detail) => detail.clone(),
    }
}

/// What is wrong, without the path and position (for `file:line:col: error: …` output).
#[must_use]
pub fn store_error_detail(lang: Language, e: &StoreError) -> String {
    match e {
        StoreError::Parse { problem, .. } => parse_detail(lang, problem),
        StoreError::NotUtf8 { .. } => tr(lang, Key::DetailNotUtf8).to_owned(),
        other => store_error_text(lang, other),
    }
}

/// A store error as the user reads it, path last.
#[must_use]
pub fn store_error_text(lang: Language, e: &StoreError) -> String {
    match e {
        StoreError::Read { path, source } => trf(
            lang,
            Key::ErrRead,
            &[("detail", source), ("path", &path.display())],
        ),
        StoreError::Write { path, source } => trf(
            lang,
            Key::ErrWrite,
            &[("detail", source), ("path", &path.display())],
        ),
        StoreError::NoFolder { path } => trf(lang, Key::ErrNoFolder, &[("path", &path.display())]),
        StoreError::TooLarge { path, bytes, limit } => trf(
            lang,
            Key::ErrTooLarge,
            &[
                ("size", &format!("{:.1}", *bytes as f64 / 1_048_576.0)),
                ("limit", &(limit / 1_048_576)),
                ("path", &path.display()),
            ],
        ),
        StoreError::TooLargeToSave { path, limit } => trf(
            lang,
            Key::ErrTooLargeToSave,
            &[("limit", &(limit / 1_048_576)), ("path", &path.display())],
        ),
        StoreError::NotUtf8 { path, line, col } => trf(
            lang,
            Key::ErrNotUtf8,
            &[("line", line), ("col", col), ("path", &path.display())],
        ),
        StoreError::Parse {
            path,
            line,
            col,
            problem,
        } => trf(
            lang,
            Key::ErrParse,
            &[
                ("line", line),
                ("col", col),
                ("detail", &parse_detail(lang, problem)),
                ("path", &path.display()),
            ],
        ),
        StoreError::NewerVersion {
            path,
            found,
            supported,
        } => trf(
            lang,
            Key::ErrNewer,
            &[
                ("found", found),
                ("supported", supported),
                ("path", &path.display()),
            ],
        ),
        StoreError::MissingVersion { path } => {
            trf(lang, Key::ErrMissingVersion, &[("path", &path.display())])
        }
        StoreError::Serialize { detail } => trf(lang, Key::ErrSerialize, &[("detail", detail)]),
    }
}

/// Checks a whole string table: every key has three non-empty texts, the same `{placeholders}`
/// in each, and Chinese texts that are not plain ASCII (an untranslated copy of the English).
/// Keys in `same_everywhere` may be ASCII in every language (e.g. "ABC").
///
/// # Panics
/// On the first key that breaks a rule, naming it.
pub fn check_table<K: Texts + PartialEq>(same_everywhere: &[K]) {
    fn placeholders(text: &str) -> Vec<String> {
        let mut out: Vec<String> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .collect();
        out.sort();
        out
    }
    for key in K::ALL {
        let [english, traditional, simplified] = key.texts();
        for (lang, text) in [("en", english), ("zh-Hant", traditional), ("zh-Hans", simplified)] {
            assert!(!text.trim().is_empty(), "{key:?} is empty in {lang}");
        }
        assert_eq!(
            placeholders(english),
            placeholders(traditional),
            "{key:?}: placeholders differ in zh-Hant"
        );
        assert_eq!(
            placeholders(english),
            placeholders(simplified),
            "{key:?}: placeholders differ in zh-Hans"
        );
        if !same_everywhere.contains(key) {
            for text in [traditional, simplified] {
                assert!(!text.is_ascii(), "{key:?} is not translated: {text:?}");
            }
        }
        check_regional_words(*key, traditional, simplified);
    }
}

/// Words that read wrongly in one region. On the Mainland 检讨 is self-criticism (a review is
/// 评估, 复核 or 复盘). In Taiwan 質量 is physical mass: Traditional UI text says 品質, and keeps
/// 質量 only inside a quotation 「…」 or the title of a PRC law or regulation 《…》.
///
/// # Panics
/// When a text uses one of them, naming the key.
fn check_regional_words<K: std::fmt::Debug>(key: K, traditional: &str, simplified: &str) {
    assert!(
        !simplified.contains("检讨"),
        "{key:?}: 检讨 reads as self-criticism in zh-Hans; use 评估, 复核 or 复盘: {simplified:?}"
    );
    assert!(
        !outside_quotations(traditional).contains("質量"),
        "{key:?}: 質量 means mass in Taiwan; zh-Hant UI text says 品質: {traditional:?}"
    );
}

/// `text` without what stands inside 「…」 and 《…》.
fn outside_quotations(text: &str) -> String {
    let mut depth = 0_usize;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '「' | '《' => depth += 1,
            '」' | '》' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shell_table_is_complete() {
        check_table(&[Key::ColClass]);
    }

    #[test]
    fn regional_words_are_caught_outside_quotations_only() {
        check_regional_words("law title", "《建設工程質量管理條例》第 40 條", "须持续评估");
        check_regional_words("quotation", "文章原文：「質量不符合約定」", "复核");
        let mass = std::panic::catch_unwind(|| check_regional_words("ui", "質量：承包人過錯", "质量"));
        assert!(mass.is_err(), "質量 in zh-Hant UI text must fail the table check");
        let review = std::panic::catch_unwind(|| check_regional_words("ui", "品質", "须持续检讨"));
        assert!(review.is_err(), "检讨 in zh-Hans must fail the table check");
        assert_eq!(outside_quotations("a「b」c《d》e"), "ace");
    }

    #[test]
    fn a_refused_save_says_nothing_was_saved() {
        let err = StoreError::TooLargeToSave {
            path: "big.ron".into(),
            limit: 10_000,
        };
        let text = store_error_text(Language::English, &err);
        assert!(text.contains("could not open again; nothing was saved"), "{text}");
    }

    #[test]
    fn substitution() {
        assert_eq!(
            trf(Language::TraditionalChinese, Key::PlaceStep, &[("n", &3)]),
            "第 3 步"
        );
        assert_eq!(
            trf(Language::English, Key::MsgSaved, &[("path", &"a.ron")]),
            "Saved a.ron"
        );
    }

    #[test]
    #[should_panic(expected = "is not translated")]
    fn an_untranslated_text_fails_the_check() {
        crate::string_table! {
            Broken {
                Hello => ["Hello", "Hello", "你好"],
            }
        }
        check_table::<Broken>(&[]);
    }
}
