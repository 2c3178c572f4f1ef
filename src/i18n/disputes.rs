//! The texts of the disputes page, the decision wizard and the decision report.
//!
//! Reasons, references and deadlines come from the advice as data; the functions here word
//! them as sentences a manager can read aloud.

use chrono::NaiveDate;

use super::{route_name, tr, trf};
use crate::model::advice::{CompletionRule, DeadlineKind, LegalRef, Reason, WarrantyPart};
use crate::model::{DisputeKind, DraftProblem, Evidence, Fault, Language, PreventionItem, Route, WizardStep};

crate::string_table! {
    /// A text of the disputes page, wizard and report.
    DisputeKey {
    Intro => [
        "The dispute log, and a wizard that recommends how to handle a dispute from the customer's tier, the contract and the current law.",
        "糾紛紀錄，以及依客戶分級、合同與現行法規建議處理方式的決策精靈。",
        "纠纷记录，以及依客户分级、合同与现行法规建议处理方式的决策向导。",
    ],
    TabLog => ["Dispute log", "糾紛紀錄", "纠纷记录"],
    TabWizard => ["Decision wizard", "決策精靈", "决策向导"],
    TabWizardDraft => ["Decision wizard (draft)", "決策精靈（草稿）", "决策向导（草稿）"],
    NewDispute => ["New dispute", "新增糾紛", "新建纠纷"],
    ResumeDraft => ["Resume the wizard", "繼續決策精靈", "继续决策向导"],
    DiscardDraft => ["Discard draft", "捨棄草稿", "放弃草稿"],
    DraftInProgress => [
        "A wizard run is in progress for {customer}. Resume it, or discard it to start another.",
        "{customer} 的決策精靈尚未完成。請繼續，或捨棄草稿後再開始新的。",
        "{customer} 的决策向导尚未完成。请继续，或放弃草稿后再开始新的。",
    ],
    NoDraft => [
        "No wizard run in progress. Start one with New dispute, or open a logged dispute and re-run it.",
        "目前沒有進行中的決策精靈。請按「新增糾紛」開始，或開啟已記錄的糾紛重新執行。",
        "当前没有进行中的决策向导。请点击“新建纠纷”开始，或打开已记录的纠纷重新运行。",
    ],
    Search => ["Search", "搜尋", "搜索"],
    FilterKind => ["Kind filter", "類型篩選", "类型筛选"],
    FilterStatus => ["Status filter", "狀態篩選", "状态筛选"],
    All => ["All", "全部", "全部"],
    Shown => ["{shown} of {total} disputes", "共 {total} 件糾紛，顯示 {shown} 件", "共 {total} 件纠纷，显示 {shown} 件"],
    ColNextDeadline => ["Next deadline", "下一期限", "下一期限"],
    ColDaysLeft => ["Days left", "剩餘天數", "剩余天数"],
    Open => ["Open", "開啟", "打开"],
    DaysLeft => ["{n} days left", "剩 {n} 天", "剩 {n} 天"],
    DaysOverdue => ["{n} days overdue", "已逾期 {n} 天", "已逾期 {n} 天"],
    DaysAgo => ["{n} days ago", "{n} 天前", "{n} 天前"],
    DueToday => ["today", "今天", "今天"],
    InDays => ["in {n} days", "{n} 天後", "{n} 天后"],
    Expired => ["expired", "已屆滿", "已届满"],
    NoDeadline => ["—", "—", "—"],
    SummaryByKind => ["Disputes by kind", "各類型糾紛數", "各类型纠纷数"],
    SummaryByRoute => ["Disputes by route", "各處理途徑糾紛數", "各处理途径纠纷数"],
    // Detail
    DetailTitle => ["Dispute {id}", "糾紛 {id}", "纠纷 {id}"],
    CloseDetail => ["Close", "關閉", "关闭"],
    ReRun => ["Re-run the wizard", "重新執行決策精靈", "重新运行决策向导"],
    ExportHtml => ["Export report (HTML)…", "匯出報告（HTML）…", "导出报告（HTML）…"],
    ExportMarkdown => ["Export report (Markdown)…", "匯出報告（Markdown）…", "导出报告（Markdown）…"],
    Status => ["Status", "狀態", "状态"],
    DecidedOn => [
        "Decided on {date}: {route} (the advice was {advice}).",
        "{date} 決定：{route}（建議為{advice}）。",
        "{date} 决定：{route}（建议为{advice}）。",
    ],
    NotDecided => [
        "No decision recorded by the wizard yet.",
        "尚未以決策精靈記錄決定。",
        "尚未以决策向导记录决定。",
    ],
    ReplaceWarning => [
        "Re-running replaces the draft in progress.",
        "重新執行將取代進行中的草稿。",
        "重新运行将取代进行中的草稿。",
    ],
    // Wizard frame
    StepParties => ["Parties", "當事人", "当事人"],
    StepKind => ["Dispute kind", "糾紛類型", "纠纷类型"],
    StepFacts => ["Facts", "事實", "事实"],
    StepRelationship => ["Relationship", "客戶關係", "客户关系"],
    StepAdvice => ["Advice", "建議", "建议"],
    StepPrevention => ["Prevention", "預防", "预防"],
    StepDecide => ["Decide", "決定", "决定"],
    StepOf => ["Step {n} of {total}: {name}", "第 {n} 步，共 {total} 步：{name}", "第 {n} 步，共 {total} 步：{name}"],
    Back => ["Back", "上一步", "上一步"],
    Next => ["Next", "下一步", "下一步"],
    Rerunning => ["Re-running the wizard for dispute {id}.", "正在為糾紛 {id} 重新執行決策精靈。", "正在为纠纷 {id} 重新运行决策向导。"],
    NeedCustomer => ["Choose a customer to go on.", "請選擇客戶後繼續。", "请选择客户后继续。"],
    NeedContract => ["Enter the contract's name to go on.", "請輸入合同名稱後繼續。", "请输入合同名称后继续。"],
    NeedRoute => ["Choose the route.", "請選擇處理途徑。", "请选择处理途径。"],
    NeedReason => [
        "The route differs from the advice: say why.",
        "所選途徑與建議不同：請說明原因。",
        "所选途径与建议不同：请说明原因。",
    ],
    DateHint => ["YYYY-MM-DD", "YYYY-MM-DD 格式", "YYYY-MM-DD 格式"],
    BadDate => ["Not a date; use YYYY-MM-DD.", "不是有效日期；請用 YYYY-MM-DD。", "不是有效日期；请用 YYYY-MM-DD。"],
    BadAmount => ["Not an amount.", "不是有效金額。", "不是有效金额。"],
    Yes => ["Yes", "是", "是"],
    No => ["No", "否", "否"],
    // Parties
    Customer => ["Customer", "客戶", "客户"],
    ChooseCustomer => ["Choose a customer…", "選擇客戶…", "选择客户…"],
    TierWhy => ["Tier: {tier}, because {why}", "分級：{tier}，原因：{why}", "分级：{tier}，原因：{why}"],
    EarlierContract => ["Earlier contract", "過往合同", "过往合同"],
    EarlierContractHint => ["Copy a contract from an earlier dispute", "沿用過往糾紛中的合同", "沿用过往纠纷中的合同"],
    ContractName => ["Contract name", "合同名稱", "合同名称"],
    ContractValue => ["Contract value", "合同金額", "合同金额"],
    Signed => ["Signed on", "簽訂日期", "签订日期"],
    Start => ["Works start", "開工日期", "开工日期"],
    End => ["Works end", "完工日期", "完工日期"],
    ArbitrationClause => ["The contract has an arbitration clause", "合同訂有仲裁條款", "合同订有仲裁条款"],
    // Kind
    KindQuestion => ["What is the dispute about?", "糾紛的內容是什麼？", "纠纷的内容是什么？"],
    ExplainQualityContractor => [
        "The works do not meet the agreed quality, and the contractor is said to have caused it.",
        "工程品質不符合約定，且據稱由承包人造成。",
        "工程质量不符合约定，且据称由承包人造成。",
    ],
    ExplainQualityEmployer => [
        "The works do not meet the agreed quality because of the employer's design, materials or chosen subcontractor.",
        "因發包人的設計、材料或指定分包人，工程品質不符合約定。",
        "因发包人的设计、材料或指定分包人，工程质量不符合约定。",
    ],
    ExplainQualityUsed => [
        "The employer moved in before completion acceptance, and now complains about quality.",
        "發包人在竣工驗收前擅自使用，之後主張品質問題。",
        "发包人在竣工验收前擅自使用，之后主张质量问题。",
    ],
    ExplainCompletion => [
        "The parties disagree on when the works were completed, and so on delay penalties.",
        "雙方對竣工日期有爭議，進而影響逾期違約金。",
        "双方对竣工日期有争议，进而影响逾期违约金。",
    ],
    ExplainPricing => [
        "The parties disagree on how the price is calculated, for example after design changes.",
        "雙方對計價方法有爭議，例如設計變更後的計價。",
        "双方对计价方法有争议，例如设计变更后的计价。",
    ],
    ExplainQuantity => [
        "The parties disagree on how much work was done.",
        "雙方對實際完成的工程量有爭議。",
        "双方对实际完成的工程量有争议。",
    ],
    ExplainOther => [
        "Anything else arising under the contract.",
        "合同履行中的其他爭議。",
        "合同履行中的其他争议。",
    ],
    KindQuestions => ["Questions for this kind", "此類型的問題", "此类型的问题"],
    QAcceptancePassed => ["Did the works pass completion acceptance?", "工程是否已通過竣工驗收？", "工程是否已通过竣工验收？"],
    QAcceptanceDate => ["Acceptance passed on", "竣工驗收合格日期", "竣工验收合格日期"],
    QReportSubmitted => ["Did the contractor submit the acceptance report?", "承包人是否已提交竣工驗收報告？", "承包人是否已提交竣工验收报告？"],
    QReportDate => ["Report submitted on", "報告提交日期", "报告提交日期"],
    QEmployerDelayed => ["Did the employer put off the acceptance?", "發包人是否拖延驗收？", "发包人是否拖延验收？"],
    QUsedBeforeAcceptance => ["Did the employer use the works before acceptance?", "發包人是否在驗收前擅自使用？", "发包人是否在验收前擅自使用？"],
    QPossessionDate => ["Took possession on", "轉移佔有日期", "转移占有日期"],
    QSiteVisas => ["Are there site visas signed by the employer's representative?", "是否有發包人代表簽字的現場簽證？", "是否有发包人代表签字的现场签证？"],
    QWrittenRecords => ["Are there other written records (daily logs, minutes, emails)?", "是否有其他書面紀錄（施工日誌、會議紀要、電郵）？", "是否有其他书面记录（施工日志、会议纪要、电邮）？"],
    QEmployerAgreed => ["Did the employer agree to the work being done?", "發包人是否同意施工？", "发包人是否同意施工？"],
    QFault => ["Whose fault is alleged?", "主張是哪一方的過錯？", "主张是哪一方的过错？"],
    FaultUnclear => ["Not clear yet", "尚不明確", "尚不明确"],
    FaultContractor => ["The contractor's", "承包人", "承包人"],
    FaultEmployer => ["The employer's", "發包人", "发包人"],
    QStructural => ["Does the defect touch the foundation or main structure?", "瑕疵是否涉及地基基礎或主體結構？", "瑕疵是否涉及地基基础或主体结构？"],
    QPricingAgreed => ["Does the contract fix the pricing method?", "合同是否約定計價方法？", "合同是否约定计价方法？"],
    QDesignChanges => ["Were there design changes with no agreed price?", "是否有未約定價款的設計變更？", "是否有未约定价款的设计变更？"],
    NoQuestions => [
        "This kind asks no further questions; describe it in the facts.",
        "此類型沒有其他問題；請在事實中說明。",
        "此类型没有其他问题；请在事实中说明。",
    ],
    CompletionPreview => ["Completion date under art. 9: {date}", "依第 9 條的竣工日期：{date}", "依第 9 条的竣工日期：{date}"],
    CompletionPreviewNone => [
        "The answers do not fix a completion date yet.",
        "目前的回答尚不能確定竣工日期。",
        "目前的回答尚不能确定竣工日期。",
    ],
    // Facts
    AmountClaimed => ["Amount claimed", "請求金額", "请求金额"],
    AmountDisputed => ["Amount disputed", "爭議金額", "争议金额"],
    DamageKnown => ["Date the damage was known", "知道損害的日期", "知道损害的日期"],
    FactsText => ["What happened", "事實經過", "事实经过"],
    EvidenceTitle => ["Evidence held ({held} of {total})", "已有證據（{held}/{total}）", "已有证据（{held}/{total}）"],
    LimitationPreview => ["The limitation period ends on {date} ({days}).", "訴訟時效於 {date} 屆滿（{days}）。", "诉讼时效于 {date} 届满（{days}）。"],
    EvSignedContract => ["The signed contract and its annexes", "已簽訂的合同及附件", "已签订的合同及附件"],
    EvSiteVisas => ["Site visas", "現場簽證", "现场签证"],
    EvDailyRecords => ["Site daily logs", "施工日誌", "施工日志"],
    EvMeasurementRecords => ["Measurement records", "計量紀錄", "计量记录"],
    EvPhotos => ["Dated photos or video", "標有日期的照片或影片", "标有日期的照片或视频"],
    EvAcceptanceReport => ["The completion-acceptance report and its receipt", "竣工驗收報告及簽收證明", "竣工验收报告及签收证明"],
    EvAcceptanceMinutes => ["Acceptance minutes", "驗收紀要", "验收纪要"],
    EvHandoverRecord => ["Handover or possession record", "移交或佔有紀錄", "移交或占有记录"],
    EvScheduleRecords => ["Schedule and delay records", "工期及延誤紀錄", "工期及延误记录"],
    EvInspectionReport => ["Independent inspection report", "第三方檢測報告", "第三方检测报告"],
    EvMaterialCertificates => ["Material certificates", "材料合格證明", "材料合格证明"],
    EvDesignDocuments => ["Design documents", "設計文件", "设计文件"],
    EvSubcontractorDesignation => ["The employer's designation of a subcontractor", "發包人指定分包人的文件", "发包人指定分包人的文件"],
    EvRepairRequests => ["Repair requests and replies", "維修要求及回覆", "维修要求及回复"],
    EvPriceAgreement => ["The agreed pricing terms", "約定的計價條款", "约定的计价条款"],
    EvDesignChangeOrders => ["Design change orders", "設計變更單", "设计变更单"],
    EvLocalPricingStandard => ["The local pricing standard at signing", "簽約時的地方計價標準", "签约时的地方计价标准"],
    EvCorrespondence => ["Letters and emails with the customer", "與客戶的往來函件及電郵", "与客户的往来函件及电邮"],
    // Relationship
    RelationshipIntro => [
        "Prefilled from the customer's figures; change them if you know better.",
        "已依客戶數據預先填入；如有更準確的資料可修改。",
        "已依客户数据预先填入；如有更准确的资料可修改。",
    ],
    AnnualProfit => ["Annual profit from the customer", "客戶年利潤", "客户年利润"],
    RemainingYears => ["Expected remaining years", "預計剩餘合作年數", "预计剩余合作年数"],
    DiscountRate => ["Discount rate (scenario setting): {pct}% a year", "折現率（情境方案設定）：每年 {pct}%", "折现率（情景方案设置）：每年 {pct}%"],
    ValueAtRisk => ["Relationship value at risk: {amount}", "面臨風險的關係價值：{amount}", "面临风险的关系价值：{amount}"],
    ValueAtRiskExplain => [
        "Annual profit × remaining years, discounted; this is what losing the customer would cost.",
        "年利潤 × 剩餘年數（經折現）；即失去此客戶的代價。",
        "年利润 × 剩余年数（经折现）；即失去此客户的代价。",
    ],
    FillFromCustomer => ["Fill in from the customer again", "重新依客戶數據填入", "重新依客户数据填入"],
    // Advice
    Recommended => ["Recommended: {route}", "建議：{route}", "建议：{route}"],
    Order => ["Order to try: {order}", "嘗試順序：{order}", "尝试顺序：{order}"],
    Why => ["Why", "理由", "理由"],
    LegalBasis => ["Legal basis", "法律依據", "法律依据"],
    NotLegalAdvice => ["Reference, not legal advice.", "僅供參考，並非法律意見。", "仅供参考，并非法律意见。"],
    Deadlines => ["Deadlines", "期限", "期限"],
    ColDate => ["Date", "日期", "日期"],
    ColWhat => ["What", "項目", "项目"],
    Numbers => ["Expected net result per route", "各途徑的預期淨結果", "各途径的预期净结果"],
    ColRecovery => ["Expected recovery", "預期收回", "预期收回"],
    ColCost => ["Cost", "成本", "成本"],
    ColMonths => ["Months", "月數", "月数"],
    ColRelationshipLoss => ["Relationship loss", "關係損失", "关系损失"],
    ColNet => ["Net result", "淨結果", "净结果"],
    WhatIf => ["What if: change the assumptions", "假設分析：調整假設", "假设分析：调整假设"],
    LossChance => ["{route}: chance of losing the customer", "{route}：失去客戶的機率", "{route}：失去客户的概率"],
    RouteCost => ["{route}: cost", "{route}：成本", "{route}：成本"],
    RecoveryShare => ["{route}: share recovered", "{route}：收回比例", "{route}：收回比例"],
    ResetAssumptions => ["Reset to the scenario defaults", "重設為情境方案預設值", "重置为情景方案默认值"],
    ReasonKey => [
        "This is a key customer, so protect the long-term relationship: negotiate first, then try mediation, and keep formal proceedings as the last resort.",
        "這是關鍵客戶，應著眼長遠關係：先協商，再調解，正式程序留作最後手段。",
        "这是关键客户，应着眼长远关系：先协商，再调解，正式程序留作最后手段。",
    ],
    ReasonGeneral => [
        "This is a general customer; the relationship is a balance of price and benefit, so settle by {route} if the case warrants it. Settlement talks stay open.",
        "這是一般客戶，關係重在價格與利益的平衡，可視案情以{route}解決，同時保留和解的可能。",
        "这是一般客户，关系重在价格与利益的平衡，可视案情以{route}解决，同时保留和解的可能。",
    ],
    ReasonLoss => [
        "This customer loses the firm money: pursue the claim by {route}, and review whether to keep serving the account.",
        "此客戶令公司虧損：應以{route}追討，並檢討是否繼續服務此客戶。",
        "此客户令公司亏损：应以{route}追讨，并评估是否继续服务此客户。",
    ],
    ReasonClause => [
        "The contract has an arbitration clause, so the formal route is arbitration; a court will not accept the case (Arbitration Law art. 5).",
        "合同訂有仲裁條款，正式途徑為仲裁；法院不予受理（《仲裁法》第 5 條）。",
        "合同订有仲裁条款，正式途径为仲裁；法院不予受理（《仲裁法》第 5 条）。",
    ],
    ReasonNoClause => [
        "The contract has no arbitration clause, so the formal route is a lawsuit in court.",
        "合同沒有仲裁條款，正式途徑為向法院起訴。",
        "合同没有仲裁条款，正式途径为向法院起诉。",
    ],
    ReasonLimitationExpired => [
        "The three-year limitation period ended on {date}. The customer may refuse to pay on that ground, so a formal route is counted as recovering nothing; ask counsel whether anything interrupted the period.",
        "三年訴訟時效已於 {date} 屆滿。客戶可據此拒絕履行，因此正式途徑的預期收回以零計算；請向律師確認時效是否曾中斷。",
        "三年诉讼时效已于 {date} 届满。客户可据此拒绝履行，因此正式途径的预期收回以零计算；请向律师确认时效是否曾中断。",
    ],
    ReasonLimitationSoon => [
        "The limitation period ends on {date}, {days}. Send a written claim or start proceedings before then; a claim interrupts the period.",
        "訴訟時效將於 {date} 屆滿（{days}）。請在此之前發出書面請求或啟動程序；提出請求可中斷時效。",
        "诉讼时效将于 {date} 届满（{days}）。请在此之前发出书面请求或启动程序；提出请求可中断时效。",
    ],
    ReasonLimitationUnknown => [
        "The date the damage was known is missing, so the limitation period cannot be worked out.",
        "缺少知道損害的日期，無法計算訴訟時效。",
        "缺少知道损害的日期，无法计算诉讼时效。",
    ],
    ReasonCompletion => ["Under art. 9 the completion date is {date}: {rule}.", "依第 9 條，竣工日期為 {date}：{rule}。", "依第 9 条，竣工日期为 {date}：{rule}。"],
    RuleAcceptance => [
        "the day the works passed completion acceptance",
        "即竣工驗收合格之日",
        "即竣工验收合格之日",
    ],
    RuleReport => [
        "the day the contractor submitted the acceptance report, because the employer delayed the acceptance",
        "即承包人提交驗收報告之日，因為發包人拖延驗收",
        "即承包人提交验收报告之日，因为发包人拖延验收",
    ],
    RulePossession => [
        "the day the employer took possession, because it used the works without acceptance",
        "即發包人轉移佔有之日，因為其未經驗收擅自使用",
        "即发包人转移占有之日，因为其未经验收擅自使用",
    ],
    ReasonCompletionUnknown => [
        "The answers do not yet fix a completion date under art. 9: record when acceptance passed, when the report was submitted, or when the employer took possession.",
        "目前的回答尚不能依第 9 條確定竣工日期：請記錄驗收合格日期、報告提交日期或發包人轉移佔有的日期。",
        "目前的回答尚不能依第 9 条确定竣工日期：请记录验收合格日期、报告提交日期或发包人转移占有的日期。",
    ],
    ReasonUsed => [
        "The employer used the works before acceptance, so it cannot claim that the used part falls short of the agreed quality (art. 14).",
        "發包人在驗收前擅自使用，不能再主張已使用部分品質不符合約定（第 14 條）。",
        "发包人在验收前擅自使用，不能再主张已使用部分质量不符合约定（第 14 条）。",
    ],
    ReasonUsedStructural => [
        "The employer used the works before acceptance, which normally bars quality claims on the used part (art. 14); but this defect touches the foundation or main structure, for which the contractor stays liable for the design life.",
        "發包人在驗收前擅自使用，一般不能再就已使用部分主張品質問題（第 14 條）；但此瑕疵涉及地基基礎或主體結構，承包人在合理使用壽命內仍須負責。",
        "发包人在验收前擅自使用，一般不能再就已使用部分主张质量问题（第 14 条）；但此瑕疵涉及地基基础或主体结构，承包人在合理使用寿命内仍须负责。",
    ],
    ReasonEmployerFault => [
        "The employer is said to be at fault (defective design, materials it supplied or named, or a subcontractor it chose), and it bears the liability for its own fault (art. 13).",
        "據稱是發包人的過錯（設計缺陷、其提供或指定的材料、或其指定的分包人），發包人應承擔相應的過錯責任（第 13 條）。",
        "据称是发包人的过错（设计缺陷、其提供或指定的材料、或其指定的分包人），发包人应承担相应的过错责任（第 13 条）。",
    ],
    ReasonContractorFault => [
        "The contractor is said to be at fault: the employer may require free repair, rework or rebuilding, and a price reduction if the contractor refuses to repair (Civil Code art. 801; art. 12).",
        "據稱是承包人的過錯：發包人可要求無償修理、返工或改建；承包人拒絕修理的，可請求減少價款（《民法典》第 801 條；第 12 條）。",
        "据称是承包人的过错：发包人可要求无偿修理、返工或改建；承包人拒绝修理的，可请求减少价款（《民法典》第 801 条；第 12 条）。",
    ],
    ReasonFaultUnclear => [
        "Whose fault caused the defect is not settled yet; establish that first, with an independent inspection if needed.",
        "造成瑕疵的過錯方尚未確定；請先釐清，必要時委託第三方檢測。",
        "造成瑕疵的过错方尚未确定；请先厘清，必要时委托第三方检测。",
    ],
    ReasonQuantityRecords => [
        "Site visas and written records are the main proof of the quantity of work (art. 20), so the position is strong.",
        "現場簽證及書面紀錄是證明工程量的主要依據（第 20 條），立場有利。",
        "现场签证及书面记录是证明工程量的主要依据（第 20 条），立场有利。",
    ],
    ReasonQuantityAgreed => [
        "There are no site visas, but the employer agreed to the work, so other evidence may prove the quantity (art. 20).",
        "雖無現場簽證，但發包人同意施工，可用其他證據證明工程量（第 20 條）。",
        "虽无现场签证，但发包人同意施工，可用其他证据证明工程量（第 20 条）。",
    ],
    ReasonQuantityWeak => [
        "There are neither site visas nor proof that the employer agreed to the work, so the quantity will be hard to prove; gather evidence before any formal step.",
        "既無現場簽證，也無發包人同意施工的證明，工程量難以證明；在採取正式步驟前請先蒐集證據。",
        "既无现场签证，也无发包人同意施工的证明，工程量难以证明；在采取正式步骤前请先收集证据。",
    ],
    ReasonPricingAgreed => [
        "The contract fixes the pricing method, so the price follows it (art. 19).",
        "合同已約定計價方法，應依約定計價（第 19 條）。",
        "合同已约定计价方法，应依约定计价（第 19 条）。",
    ],
    ReasonPricingChanges => [
        "Design changes were made without an agreed price, so they are priced by the local authority's standard in force at signing (art. 19).",
        "設計變更未約定價款，應依簽約時當地建設主管部門的計價標準計價（第 19 條）。",
        "设计变更未约定价款，应依签约时当地建设主管部门的计价标准计价（第 19 条）。",
    ],
    ReasonPricingUnclear => [
        "Neither an agreed pricing method nor unpriced design changes are recorded; first establish what the contract says.",
        "既未記錄約定的計價方法，也未記錄未定價的設計變更；請先確認合同的約定。",
        "既未记录约定的计价方法，也未记录未定价的设计变更；请先确认合同的约定。",
    ],
    ReasonEvidence => [
        "You hold {held} of the {total} items of evidence on the checklist; gather the rest before a formal step.",
        "證據清單共 {total} 項，目前已有 {held} 項；採取正式步驟前請補齊其餘證據。",
        "证据清单共 {total} 项，目前已有 {held} 项；采取正式步骤前请补齐其余证据。",
    ],
    ReasonNumbersFavour => [
        "With the assumptions below, {route} has the best expected net result; weigh that against the tier rule.",
        "依下列假設，{route}的預期淨結果最好；請與分級原則一併權衡。",
        "依下列假设，{route}的预期净结果最好；请与分级原则一并权衡。",
    ],
    ReasonNumbersAgree => [
        "The numbers agree: the recommended route also has the best expected net result.",
        "數字也支持此建議：建議的途徑預期淨結果最好。",
        "数字也支持此建议：建议的途径预期净结果最好。",
    ],
    // References
    RefCc188 => ["Civil Code art. 188", "《民法典》第 188 條", "《民法典》第 188 条"],
    RefCc188Text => [
        "The limitation period is three years from when the party knew or should have known of the damage and of who caused it.",
        "訴訟時效期間為三年，自權利人知道或應當知道權利受到損害以及義務人之日起計算。",
        "诉讼时效期间为三年，自权利人知道或者应当知道权利受到损害以及义务人之日起计算。",
    ],
    RefCc799 => ["Civil Code art. 799", "《民法典》第 799 條", "《民法典》第 799 条"],
    RefCc799Text => [
        "The works may be delivered and used only after they pass completion acceptance.",
        "建設工程經竣工驗收合格後，方可交付使用。",
        "建设工程经竣工验收合格后，方可交付使用。",
    ],
    RefCc801 => ["Civil Code art. 801", "《民法典》第 801 條", "《民法典》第 801 条"],
    RefCc801Text => [
        "If the contractor causes a quality failure, the employer may require free repair, rework or rebuilding within a reasonable time; any resulting delay is the contractor's breach.",
        "因承包人原因致使工程品質不符合約定的，發包人有權請求其在合理期限內無償修理、返工或改建；因此逾期交付的，承包人應承擔違約責任。",
        "因承包人原因致使工程质量不符合约定的，发包人有权请求其在合理期限内无偿修理、返工或改建；因此逾期交付的，承包人应承担违约责任。",
    ],
    RefCc803 => ["Civil Code art. 803", "《民法典》第 803 條", "《民法典》第 803 条"],
    RefCc803Text => [
        "If the employer does not provide materials, site, funds or technical data on time, the contractor may extend the schedule and claim its losses.",
        "發包人未按約定提供原材料、場地、資金或技術資料的，承包人可順延工期，並有權請求賠償損失。",
        "发包人未按约定提供原材料、场地、资金或技术资料的，承包人可顺延工期，并有权请求赔偿损失。",
    ],
    RefSpc9 => ["SPC Interpretation (I) on construction contracts, art. 9", "《建設工程施工合同司法解釋（一）》第 9 條", "《建设工程施工合同司法解释（一）》第 9 条"],
    RefSpc9Text => [
        "Completion date: acceptance passed, that day; report submitted and acceptance delayed by the employer, the submission day; used without acceptance, the day possession passed.",
        "竣工日期：驗收合格的，以驗收合格之日；承包人已提交驗收報告而發包人拖延驗收的，以提交報告之日；未經驗收擅自使用的，以轉移佔有之日。",
        "竣工日期：验收合格的，以验收合格之日；承包人已提交验收报告而发包人拖延验收的，以提交报告之日；未经验收擅自使用的，以转移占有之日。",
    ],
    RefSpc12 => ["SPC Interpretation (I), art. 12", "《司法解釋（一）》第 12 條", "《司法解释（一）》第 12 条"],
    RefSpc12Text => [
        "If the contractor refuses to repair, rework or rebuild, the employer may ask for a lower price.",
        "承包人拒絕修理、返工或改建的，發包人可請求減少支付工程價款。",
        "承包人拒绝修理、返工或改建的，发包人可请求减少支付工程价款。",
    ],
    RefSpc13 => ["SPC Interpretation (I), art. 13", "《司法解釋（一）》第 13 條", "《司法解释（一）》第 13 条"],
    RefSpc13Text => [
        "The employer bears liability for its fault: a defective design, supplied or named materials below mandatory standards, or a subcontractor it named directly.",
        "發包人提供的設計有缺陷、提供或指定的材料不符合強制性標準、或直接指定分包人的，應承擔過錯責任。",
        "发包人提供的设计有缺陷、提供或指定的材料不符合强制性标准、或直接指定分包人的，应承担过错责任。",
    ],
    RefSpc14 => ["SPC Interpretation (I), art. 14", "《司法解釋（一）》第 14 條", "《司法解释（一）》第 14 条"],
    RefSpc14Text => [
        "An employer that used the works without acceptance cannot claim the used part falls short of the agreed quality; the contractor stays liable for foundation and main structure for the design life.",
        "發包人未經驗收擅自使用後，不能以使用部分品質不符合約定為由主張權利；但承包人在合理使用壽命內仍應對地基基礎和主體結構負責。",
        "发包人未经验收擅自使用后，不能以使用部分质量不符合约定为由主张权利；但承包人在合理使用寿命内仍应对地基基础和主体结构负责。",
    ],
    RefSpc19 => ["SPC Interpretation (I), art. 19", "《司法解釋（一）》第 19 條", "《司法解释（一）》第 19 条"],
    RefSpc19Text => [
        "The price follows the agreed method; design changes with no agreement are priced by the local authority's standard at the time of signing.",
        "依約定的計價方法結算；設計變更未能協商一致的，參照簽約時當地建設主管部門發布的計價標準。",
        "依约定的计价方法结算；设计变更未能协商一致的，参照签约时当地建设主管部门发布的计价标准。",
    ],
    RefSpc20 => ["SPC Interpretation (I), art. 20", "《司法解釋（一）》第 20 條", "《司法解释（一）》第 20 条"],
    RefSpc20Text => [
        "The quantity follows site visas and other written records; without them, other evidence counts if the employer agreed to the work.",
        "工程量依現場簽證等書面文件確認；沒有簽證但發包人同意施工的，可依其他證據確認。",
        "工程量依现场签证等书面文件确认；没有签证但发包人同意施工的，可依其他证据确认。",
    ],
    RefQr40 => ["Construction Quality Regulation, art. 40", "《建設工程質量管理條例》第 40 條", "《建设工程质量管理条例》第 40 条"],
    RefQr40Text => [
        "Minimum warranty: foundation and main structure, the design life; roof and wet-room waterproofing and walls, 5 years; heating and cooling, 2 seasons; electrical, plumbing, equipment installation and decoration, 2 years.",
        "最低保修期：地基基礎和主體結構為設計使用年限；屋面及有防水要求的房間和外牆為 5 年；供熱與供冷系統為 2 個採暖期或供冷期；電氣、給排水、設備安裝和裝修為 2 年。",
        "最低保修期：地基基础和主体结构为设计使用年限；屋面及有防水要求的房间和外墙为 5 年；供热与供冷系统为 2 个采暖期或供冷期；电气、给排水、设备安装和装修为 2 年。",
    ],
    RefAl5 => ["Arbitration Law, art. 5", "《仲裁法》第 5 條", "《仲裁法》第 5 条"],
    RefAl5Text => [
        "Where the parties agreed to arbitrate, a court does not accept a lawsuit, unless the arbitration agreement is invalid.",
        "當事人達成仲裁協議，一方向法院起訴的，法院不予受理，但仲裁協議無效的除外。",
        "当事人达成仲裁协议，一方向法院起诉的，法院不予受理，但仲裁协议无效的除外。",
    ],
    // Deadlines
    DlLimitation => ["Limitation period ends", "訴訟時效屆滿", "诉讼时效届满"],
    DlCompletionAcceptance => ["Completion date (acceptance passed)", "竣工日期（驗收合格）", "竣工日期（验收合格）"],
    DlCompletionReport => ["Completion date (report submitted)", "竣工日期（提交報告）", "竣工日期（提交报告）"],
    DlCompletionPossession => ["Completion date (possession)", "竣工日期（轉移佔有）", "竣工日期（转移占有）"],
    DlWaterproofing => ["Warranty ends: waterproofing and walls (5 years)", "保修期屆滿：防水及外牆（5 年）", "保修期届满：防水及外墙（5 年）"],
    DlHeating => ["Warranty ends: heating and cooling (2 seasons, taken as 2 years)", "保修期屆滿：供熱與供冷（2 個採暖或供冷期，按 2 年計）", "保修期届满：供热与供冷（2 个采暖或供冷期，按 2 年计）"],
    DlInstallation => ["Warranty ends: electrical, plumbing, installation, decoration (2 years)", "保修期屆滿：電氣、給排水、設備安裝、裝修（2 年）", "保修期届满：电气、给排水、设备安装、装修（2 年）"],
    // Prevention
    PreventionIntro => [
        "How well was this contract prepared and run? Score each item; the gaps this dispute reveals are marked.",
        "此合同的準備與執行做得如何？請為每項評分；此糾紛揭示的不足會被標示。",
        "此合同的准备与执行做得如何？请为每项评分；此纠纷揭示的不足会被标示。",
    ],
    PrevFacilities => ["Contractor's facilities and equipment assessed before signing", "簽約前評估承包人的設施與設備", "签约前评估承包人的设施与设备"],
    PrevCapacity => ["Contractor's operating capacity assessed", "評估承包人的經營能力", "评估承包人的经营能力"],
    PrevSite => ["Site environment assessed", "評估現場環境", "评估现场环境"],
    PrevStaff => ["Contractor's staff assessed", "評估承包人的人員", "评估承包人的人员"],
    PrevGuideline => ["Operating guideline written together with the customer", "與客戶共同制定作業指引", "与客户共同制定作业指引"],
    PrevSupervision => ["Works tracked and supervised during performance", "履約期間追蹤與監督工程", "履约期间追踪与监督工程"],
    ScoreNone => ["Not done", "未做", "未做"],
    ScorePartly => ["Partly", "部分", "部分"],
    ScoreDone => ["Done", "已做", "已做"],
    PreventionScore => ["Prevention score: {pct}%", "預防得分：{pct}%", "预防得分：{pct}%"],
    Gaps => ["Gaps", "不足之處", "不足之处"],
    GapRevealed => ["{item} (revealed by this dispute)", "{item}（此糾紛揭示）", "{item}（此纠纷揭示）"],
    NoGaps => ["No gaps: every item is done.", "沒有不足：各項均已做到。", "没有不足：各项均已做到。"],
    // Decide
    DecideIntro => [
        "Pick the route. It may differ from the advice, but then say why. Recording writes the dispute to the log with its inputs, the advice, the decision and today's date.",
        "選擇處理途徑。可與建議不同，但須說明原因。記錄後，糾紛連同輸入、建議、決定及今日日期寫入紀錄。",
        "选择处理途径。可与建议不同，但须说明原因。记录后，纠纷连同输入、建议、决定及今日日期写入记录。",
    ],
    RouteChosen => ["Route chosen", "選定途徑", "选定途径"],
    AdviceWas => ["The advice: {route}", "建議：{route}", "建议：{route}"],
    ReasonForChoice => ["Reason for the choice", "選擇的理由", "选择的理由"],
    Record => ["Record the decision", "記錄決定", "记录决定"],
    Recorded => ["Recorded dispute {id}.", "已記錄糾紛 {id}。", "已记录纠纷 {id}。"],
    ProbLitigationUnderClause => [
        "route is litigation, but the contract has an arbitration clause (a court will not accept the case)",
        "處理途徑為訴訟，但合同訂有仲裁條款（法院不予受理）",
        "处理途径为诉讼，但合同订有仲裁条款（法院不予受理）",
    ],
    // Report
    ReportTitle => ["Dispute decision report", "糾紛決策報告", "纠纷决策报告"],
    ReportPrepared => ["Prepared on {date} with {app}.", "於 {date} 以 {app} 製作。", "于 {date} 以 {app} 制作。"],
    ReportParties => ["Parties and contract", "當事人與合同", "当事人与合同"],
    ReportDispute => ["The dispute", "糾紛", "纠纷"],
    ReportAdvice => ["Advice", "建議", "建议"],
    ReportDecision => ["Decision", "決定", "决定"],
    ReportPrevention => ["Prevention", "預防", "预防"],
    ReportReferences => ["References (reference, not legal advice)", "參考法規（僅供參考，並非法律意見）", "参考法规（仅供参考，并非法律意见）"],
    ReportRoute => ["Route", "途徑", "途径"],
    ReportReason => ["Reason", "理由", "理由"],
    ReportDate => ["Decided on", "決定日期", "决定日期"],
    ReportRecommended => ["Recommended route", "建議途徑", "建议途径"],
    ReportOrder => ["Order to try", "嘗試順序", "尝试顺序"],
    ReportValueAtRisk => ["Relationship value at risk", "面臨風險的關係價值", "面临风险的关系价值"],
    ReportAdviceAtDecision => ["Advice at the time", "當時的建議", "当时的建议"],
    ReportTier => ["Customer tier", "客戶分級", "客户分级"],
    ReportNoDecision => ["No decision recorded yet.", "尚未記錄決定。", "尚未记录决定。"],
    ReportNone => ["none", "無", "无"],
    }
}

/// The text of `key` in `lang`.
#[must_use]
pub fn t(lang: Language, key: DisputeKey) -> &'static str {
    tr(lang, key)
}

/// A route's name, for an advised route that always exists.
#[must_use]
pub fn route(lang: Language, route: Route) -> &'static str {
    route_name(lang, Some(route))
}

/// "3 days left", "2 days overdue" or "today", for a period that ends.
#[must_use]
pub fn days_left_text(lang: Language, days: i64) -> String {
    match days {
        0 => t(lang, DisputeKey::DueToday).to_owned(),
        d if d > 0 => trf(lang, DisputeKey::DaysLeft, &[("n", &d)]),
        d => trf(lang, DisputeKey::DaysOverdue, &[("n", &-d)]),
    }
}

/// "in 3 days", "today" or "2 days ago", for a date that is not a period.
#[must_use]
pub fn days_from_today_text(lang: Language, days: i64) -> String {
    match days {
        0 => t(lang, DisputeKey::DueToday).to_owned(),
        d if d > 0 => trf(lang, DisputeKey::InDays, &[("n", &d)]),
        d => trf(lang, DisputeKey::DaysAgo, &[("n", &-d)]),
    }
}

#[must_use]
pub fn step_name(lang: Language, step: WizardStep) -> &'static str {
    t(
        lang,
        match step {
            WizardStep::Parties => DisputeKey::StepParties,
            WizardStep::Kind => DisputeKey::StepKind,
            WizardStep::Facts => DisputeKey::StepFacts,
            WizardStep::Relationship => DisputeKey::StepRelationship,
            WizardStep::Advice => DisputeKey::StepAdvice,
            WizardStep::Prevention => DisputeKey::StepPrevention,
            WizardStep::Decide => DisputeKey::StepDecide,
        },
    )
}

/// One line saying what a kind of dispute is.
#[must_use]
pub fn kind_explanation(lang: Language, kind: DisputeKind) -> &'static str {
    t(
        lang,
        match kind {
            DisputeKind::QualityContractor => DisputeKey::ExplainQualityContractor,
            DisputeKind::QualityEmployer => DisputeKey::ExplainQualityEmployer,
            DisputeKind::QualityUsedBeforeAcceptance => DisputeKey::ExplainQualityUsed,
            DisputeKind::CompletionDate => DisputeKey::ExplainCompletion,
            DisputeKind::PricingMethod => DisputeKey::ExplainPricing,
            DisputeKind::QuantityOfWork => DisputeKey::ExplainQuantity,
            DisputeKind::Other => DisputeKey::ExplainOther,
        },
    )
}

#[must_use]
pub fn fault_name(lang: Language, fault: Fault) -> &'static str {
    t(
        lang,
        match fault {
            Fault::Unclear => DisputeKey::FaultUnclear,
            Fault::Contractor => DisputeKey::FaultContractor,
            Fault::Employer => DisputeKey::FaultEmployer,
        },
    )
}

#[must_use]
pub fn evidence_name(lang: Language, evidence: Evidence) -> &'static str {
    use DisputeKey as K;
    t(
        lang,
        match evidence {
            Evidence::SignedContract => K::EvSignedContract,
            Evidence::SiteVisas => K::EvSiteVisas,
            Evidence::DailyRecords => K::EvDailyRecords,
            Evidence::MeasurementRecords => K::EvMeasurementRecords,
            Evidence::Photos => K::EvPhotos,
            Evidence::AcceptanceReport => K::EvAcceptanceReport,
            Evidence::AcceptanceMinutes => K::EvAcceptanceMinutes,
            Evidence::HandoverRecord => K::EvHandoverRecord,
            Evidence::ScheduleRecords => K::EvScheduleRecords,
            Evidence::InspectionReport => K::EvInspectionReport,
            Evidence::MaterialCertificates => K::EvMaterialCertificates,
            Evidence::DesignDocuments => K::EvDesignDocuments,
            Evidence::SubcontractorDesignation => K::EvSubcontractorDesignation,
            Evidence::RepairRequests => K::EvRepairRequests,
            Evidence::PriceAgreement => K::EvPriceAgreement,
            Evidence::DesignChangeOrders => K::EvDesignChangeOrders,
            Evidence::LocalPricingStandard => K::EvLocalPricingStandard,
            Evidence::Correspondence => K::EvCorrespondence,
        },
    )
}

#[must_use]
pub fn prevention_name(lang: Language, item: PreventionItem) -> &'static str {
    use DisputeKey as K;
    t(
        lang,
        match item {
            PreventionItem::Facilities => K::PrevFacilities,
            PreventionItem::Capacity => K::PrevCapacity,
            PreventionItem::Site => K::PrevSite,
            PreventionItem::Staff => K::PrevStaff,
            PreventionItem::JointGuideline => K::PrevGuideline,
            PreventionItem::Supervision => K::PrevSupervision,
        },
    )
}

/// The name of a prevention score: 0 not done, 1 partly, 2 done.
#[must_use]
pub fn score_name(lang: Language, score: u8) -> &'static str {
    t(
        lang,
        match score {
            0 => DisputeKey::ScoreNone,
            1 => DisputeKey::ScorePartly,
            _ => DisputeKey::ScoreDone,
        },
    )
}

#[must_use]
pub fn problem_text(lang: Language, problem: DraftProblem) -> &'static str {
    t(
        lang,
        match problem {
            DraftProblem::NoCustomer => DisputeKey::NeedCustomer,
            DraftProblem::NoContractName => DisputeKey::NeedContract,
            DraftProblem::NoRoute => DisputeKey::NeedRoute,
            DraftProblem::NoReason => DisputeKey::NeedReason,
        },
    )
}

/// The short name of a legal source and what it says.
#[must_use]
pub fn reference(lang: Language, r: LegalRef) -> (&'static str, &'static str) {
    use DisputeKey as K;
    let (title, text) = match r {
        LegalRef::CivilCode188 => (K::RefCc188, K::RefCc188Text),
        LegalRef::CivilCode799 => (K::RefCc799, K::RefCc799Text),
        LegalRef::CivilCode801 => (K::RefCc801, K::RefCc801Text),
        LegalRef::CivilCode803 => (K::RefCc803, K::RefCc803Text),
        LegalRef::Spc9 => (K::RefSpc9, K::RefSpc9Text),
        LegalRef::Spc12 => (K::RefSpc12, K::RefSpc12Text),
        LegalRef::Spc13 => (K::RefSpc13, K::RefSpc13Text),
        LegalRef::Spc14 => (K::RefSpc14, K::RefSpc14Text),
        LegalRef::Spc19 => (K::RefSpc19, K::RefSpc19Text),
        LegalRef::Spc20 => (K::RefSpc20, K::RefSpc20Text),
        LegalRef::QualityRegulation40 => (K::RefQr40, K::RefQr40Text),
        LegalRef::ArbitrationLaw5 => (K::RefAl5, K::RefAl5Text),
    };
    (t(lang, title), t(lang, text))
}

#[must_use]
pub fn deadline_name(lang: Language, kind: DeadlineKind) -> &'static str {
    use DisputeKey as K;
    t(
        lang,
        match kind {
            DeadlineKind::Limitation => K::DlLimitation,
            DeadlineKind::Completion(CompletionRule::AcceptancePassed) => K::DlCompletionAcceptance,
            DeadlineKind::Completion(CompletionRule::ReportSubmitted) => K::DlCompletionReport,
            DeadlineKind::Completion(CompletionRule::Possession) => K::DlCompletionPossession,
            DeadlineKind::Warranty(WarrantyPart::Waterproofing) => K::DlWaterproofing,
            DeadlineKind::Warranty(WarrantyPart::HeatingCooling) => K::DlHeating,
            DeadlineKind::Warranty(WarrantyPart::Installation) => K::DlInstallation,
        },
    )
}

fn rule_text(lang: Language, rule: CompletionRule) -> &'static str {
    t(
        lang,
        match rule {
            CompletionRule::AcceptancePassed => DisputeKey::RuleAcceptance,
            CompletionRule::ReportSubmitted => DisputeKey::RuleReport,
            CompletionRule::Possession => DisputeKey::RulePossession,
        },
    )
}

/// A reason of the advice as a sentence.
#[must_use]
pub fn reason_text(lang: Language, reason: &Reason) -> String {
    use DisputeKey as K;
    let date = |d: NaiveDate| d.to_string();
    match *reason {
        Reason::KeyCustomer => t(lang, K::ReasonKey).to_owned(),
        Reason::GeneralCustomer { formal } => trf(lang, K::ReasonGeneral, &[("route", &route(lang, formal))]),
        Reason::LossMakingCustomer { formal } => trf(lang, K::ReasonLoss, &[("route", &route(lang, formal))]),
        Reason::ArbitrationClause => t(lang, K::ReasonClause).to_owned(),
        Reason::NoArbitrationClause => t(lang, K::ReasonNoClause).to_owned(),
        Reason::LimitationExpired { on } => trf(lang, K::ReasonLimitationExpired, &[("date", &date(on))]),
        Reason::LimitationSoon { on, days_left } => trf(
            lang,
            K::ReasonLimitationSoon,
            &[("date", &date(on)), ("days", &days_left_text(lang, days_left))],
        ),
        Reason::LimitationUnknown => t(lang, K::ReasonLimitationUnknown).to_owned(),
        Reason::Completion(c) => trf(
            lang,
            K::ReasonCompletion,
            &[("date", &date(c.date)), ("rule", &rule_text(lang, c.rule))],
        ),
        Reason::CompletionUnknown => t(lang, K::ReasonCompletionUnknown).to_owned(),
        Reason::UsedBeforeAcceptance { structural: false } => t(lang, K::ReasonUsed).to_owned(),
        Reason::UsedBeforeAcceptance { structural: true } => t(lang, K::ReasonUsedStructural).to_owned(),
        Reason::EmployerFault => t(lang, K::ReasonEmployerFault).to_owned(),
        Reason::ContractorFault => t(lang, K::ReasonContractorFault).to_owned(),
        Reason::FaultUnclear => t(lang, K::ReasonFaultUnclear).to_owned(),
        Reason::QuantityRecords => t(lang, K::ReasonQuantityRecords).to_owned(),
        Reason::QuantityAgreedOnly => t(lang, K::ReasonQuantityAgreed).to_owned(),
        Reason::QuantityWeak => t(lang, K::ReasonQuantityWeak).to_owned(),
        Reason::PricingAgreed => t(lang, K::ReasonPricingAgreed).to_owned(),
        Reason::PricingDesignChanges => t(lang, K::ReasonPricingChanges).to_owned(),
        Reason::PricingUnclear => t(lang, K::ReasonPricingUnclear).to_owned(),
        Reason::EvidenceMissing { held, total } => {
            trf(lang, K::ReasonEvidence, &[("held", &held), ("total", &total)])
        }
        Reason::NumbersFavour { route: r } => {
            trf(lang, K::ReasonNumbersFavour, &[("route", &route(lang, r))])
        }
        Reason::NumbersAgree => t(lang, K::ReasonNumbersAgree).to_owned(),
    }
}

/// Routes joined by arrows: "Negotiation → Mediation → Arbitration".
#[must_use]
pub fn order_text(lang: Language, order: &[Route]) -> String {
    order
        .iter()
        .map(|&r| route(lang, r))
        .collect::<Vec<_>>()
        .join(" → ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_disputes_table_is_complete() {
        super::super::check_table::<DisputeKey>(&[DisputeKey::NoDeadline]);
    }

    #[test]
    fn every_reason_is_worded_in_every_language() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        let reasons = [
            Reason::KeyCustomer,
            Reason::GeneralCustomer {
                formal: Route::Arbitration,
            },
            Reason::LimitationSoon {
                on: day,
                days_left: 12,
            },
            Reason::Completion(crate::model::advice::CompletionDate {
                rule: CompletionRule::ReportSubmitted,
                date: day,
            }),
            Reason::EvidenceMissing { held: 2, total: 6 },
        ];
        for lang in Language::ALL {
            for r in &reasons {
                let text = reason_text(lang, r);
                assert!(!text.contains('{'), "{lang:?} {r:?}: {text}");
            }
        }
        assert_eq!(
            reason_text(Language::English, &reasons[2]),
            "The limitation period ends on 2026-01-02, 12 days left. Send a written claim or start proceedings before then; a claim interrupts the period."
        );
        assert_eq!(days_left_text(Language::English, -3), "3 days overdue");
        assert_eq!(days_from_today_text(Language::SimplifiedChinese, -3), "3 天前");
    }
}
