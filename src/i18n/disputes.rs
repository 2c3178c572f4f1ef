//! The texts of the disputes page, the decision wizard and the decision report.
//!
//! Reasons, references and deadlines come from the advice as data; the functions here word
//! them as sentences a manager can read aloud.

use chrono::NaiveDate;

use super::{route_name, tr, trf};
use crate::model::advice::{CompletionRule, DeadlineKind, LegalRef, Reason, WarrantyPart};
use crate::model::{
    DisputeKind, DraftProblem, Evidence, Fault, Language, Party, PreventionItem, Route, WizardStep,
};

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
    NeedKind => ["Choose the kind of dispute to go on.", "請選擇糾紛類型後繼續。", "请选择纠纷类型后继续。"],
    NeedReason => [
        "The route differs from the advice: say why.",
        "所選途徑與建議不同：請說明原因。",
        "所选途径与建议不同：请说明原因。",
    ],
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
    FirmRole => ["The firm's role in this contract", "本公司在此合同中的身分", "本公司在此合同中的身份"],
    PartyContractor => ["Contractor", "承包人", "承包人"],
    PartyEmployer => ["Employer (project owner)", "發包人", "发包人"],
    RoleContractor => ["contractor", "承包人", "承包人"],
    RoleEmployer => ["employer", "發包人", "发包人"],
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
    QPossessionDate => ["Took possession on", "轉移占有日期", "转移占有日期"],
    QSiteVisas => ["Are there site visas signed by the employer's representative?", "是否有發包人代表簽字的現場簽證？", "是否有发包人代表签字的现场签证？"],
    QWrittenRecords => ["Are there other written records (daily logs, minutes, emails)?", "是否有其他書面紀錄（施工日誌、會議紀要、電郵）？", "是否有其他书面记录（施工日志、会议纪要、电邮）？"],
    QEmployerAgreed => ["Did the employer agree to the work being done?", "發包人是否同意施工？", "发包人是否同意施工？"],
    QDisputedCovered => [
        "Do those visas or records cover the quantities in dispute?",
        "上述簽證或紀錄是否涵蓋有爭議的工程量？",
        "上述签证或记录是否涵盖有争议的工程量？",
    ],
    QDefectKnown => ["Defect became known on", "發現瑕疵的日期", "发现瑕疵的日期"],
    QDefectPart => ["Which part of the works is defective?", "瑕疵在工程的哪一部分？", "瑕疵在工程的哪一部分？"],
    PartNotSure => ["Not sure", "不確定", "不确定"],
    PartWaterproofing => [
        "roof and wet-room waterproofing, exterior-wall leak-proofing",
        "屋面防水、有防水要求的房間及外牆防滲漏",
        "屋面防水、有防水要求的房间及外墙防渗漏",
    ],
    PartHeating => ["heating and cooling", "供熱與供冷系統", "供热与供冷系统"],
    PartInstallation => [
        "electrical, plumbing, equipment installation and decoration",
        "電氣管線、給排水管道、設備安裝和裝修",
        "电气管线、给排水管道、设备安装和装修",
    ],
    QFault => ["Whose fault is alleged?", "主張是哪一方的過錯？", "主张是哪一方的过错？"],
    FaultUnclear => ["Not clear yet", "尚不明確", "尚不明确"],
    FaultContractor => ["The contractor's", "承包人", "承包人"],
    FaultEmployer => ["The employer's", "發包人", "发包人"],
    QEmployerFailedToSupply => [
        "Did the employer fail to supply materials, equipment, site, funds or technical data on time?",
        "發包人是否未按時提供原材料、設備、場地、資金或技術資料？",
        "发包人是否未按时提供原材料、设备、场地、资金或技术资料？",
    ],
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
    DamageOccurred => ["Date the damage occurred (optional)", "損害發生的日期（選填）", "损害发生的日期（选填）"],
    DamageOccurredHint => [
        "Protection ends 20 years after the damage, however late it became known (Civil Code art. 188).",
        "自權利受到損害之日起超過二十年的，不再保護，無論何時才知道（《民法典》第 188 條）。",
        "自权利受到损害之日起超过二十年的，不予保护，无论何时才知道（《民法典》第 188 条）。",
    ],
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
    EvHandoverRecord => ["Handover or possession record", "移交或占有紀錄", "移交或占有记录"],
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
    NegativeProfit => [
        "The customer loses the firm money, so the relationship puts nothing at risk.",
        "此客戶令公司虧損，因此關係價值不計入風險。",
        "此客户令公司亏损，因此关系价值不计入风险。",
    ],
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
    ColVsSettle => ["vs. settling now", "相對於立即和解", "相对于立即和解"],
    SettleNow => ["Settle now / concede", "立即和解／讓步", "立即和解／让步"],
    SettlementAmount => [
        "Settle now: what the customer would pay (0 = concede)",
        "立即和解：客戶願支付的金額（0 表示讓步）",
        "立即和解：客户愿支付的金额（0 表示让步）",
    ],
    DefenceChance => [
        "Chance the limitation defence is raised",
        "對方提出時效抗辯的機率",
        "对方提出时效抗辩的概率",
    ],
    RouteMonths => ["{route}: months", "{route}：月數", "{route}：月数"],
    CalendarUnknownNote => [
        "{year} is not in the holiday calendar: weekends only",
        "節假日曆未收錄 {year} 年：僅計週末",
        "节假日历未收录 {year} 年：仅计周末",
    ],
    ExtendedNote => ["moved from {date} (art. 203)", "由 {date} 順延（第 203 條）", "由 {date} 顺延（第 203 条）"],
    CoversDefect => ["covers the defect", "涵蓋此瑕疵", "涵盖此瑕疵"],
    MissesDefect => ["ended before the defect was known", "發現瑕疵前已屆滿", "发现瑕疵前已届满"],
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
        "This is a general customer, whose relationship rests on price and benefit: settle by {route}, the one formal route, if the case warrants it. An award or judgment ends the matter, so nothing is tried after it; settlement talks may stay open alongside.",
        "這是一般客戶，關係重在價格與利益的平衡：可視案情以{route}這一正式途徑解決。裁決或判決即終結爭議，之後沒有其他途徑可試；期間仍可同時保持和解磋商。",
        "这是一般客户，关系重在价格与利益的平衡：可视案情以{route}这一正式途径解决。裁决或判决即终结争议，之后没有其他途径可试；期间仍可同时保持和解磋商。",
    ],
    ReasonLoss => [
        "This customer loses the firm money: pursue the claim by {route}, and review whether to keep serving the account.",
        "此客戶令公司虧損：應以{route}追討，並檢討是否繼續服務此客戶。",
        "此客户令公司亏损：应以{route}追讨，并重新评估是否继续服务此客户。",
    ],
    ReasonClause => [
        "The contract has an arbitration clause, so the formal route is arbitration; a court will not accept the case unless the clause is invalid (Arbitration Law).",
        "合同訂有仲裁條款，正式途徑為仲裁；除仲裁協議無效外，法院不予受理（《仲裁法》）。",
        "合同订有仲裁条款，正式途径为仲裁；除仲裁协议无效外，法院不予受理（《仲裁法》）。",
    ],
    ReasonNoClause => [
        "The contract has no arbitration clause, so the formal route is a lawsuit in court.",
        "合同沒有仲裁條款，正式途徑為向法院起訴。",
        "合同没有仲裁条款，正式途径为向法院起诉。",
    ],
    ReasonLimitationExpired => [
        "Warning: the limitation period ended on {date}. The claim still exists, but the customer may refuse to pay on that ground (Civil Code art. 192); a court or tribunal will not raise it for them (art. 193). Negotiate for a voluntary settlement first. A formal route counts only {keep}% of its expected recovery, since the defence is raised with a chance of {pct}%. Ask counsel whether anything interrupted the period.",
        "注意：訴訟時效已於 {date} 屆滿。請求權並未消滅，但客戶可據此提出不履行義務的抗辯（《民法典》第 192 條）；法院或仲裁庭不會主動適用時效（第 193 條）。請先協商爭取自願履行。正式途徑的預期收回只按 {keep}% 計算，因對方提出時效抗辯的機率為 {pct}%。請向律師確認時效是否曾中斷。",
        "注意：诉讼时效已于 {date} 届满。请求权并未消灭，但客户可据此提出不履行义务的抗辩（《民法典》第 192 条）；法院或仲裁庭不会主动适用诉讼时效（第 193 条）。请先协商争取自愿履行。正式途径的预期收回只按 {keep}% 计算，因对方提出时效抗辩的概率为 {pct}%。请向律师确认时效是否曾中断。",
    ],
    ReasonLimitationExpiredForThem => [
        "The other side's claim ran out of time on {date}. Raise the limitation defence yourself: a court or tribunal will not raise it (Civil Code arts. 192, 193).",
        "對方的請求已於 {date} 超過訴訟時效。請自行提出時效抗辯：法院或仲裁庭不會主動適用（《民法典》第 192、193 條）。",
        "对方的请求已于 {date} 超过诉讼时效。请自行提出时效抗辩：法院或仲裁庭不会主动适用（《民法典》第 192、193 条）。",
    ],
    ReasonLimitationExtended => [
        "The period's last day, {from}, is a rest day or holiday, so it runs to {to}, the next working day (Civil Code art. 203).",
        "期間的最後一日 {from} 為休息日或法定休假日，因此順延至次一工作日 {to}（《民法典》第 203 條）。",
        "期间的最后一日 {from} 为休息日或法定休假日，因此顺延至次一工作日 {to}（《民法典》第 203 条）。",
    ],
    ReasonCalendarUnknown => [
        "The holiday calendar does not know {year}, so only weekends were counted as rest days. Check the State Council's notice for {year}, or add the year in Scenario properties.",
        "節假日曆未收錄 {year} 年，因此只把週末視為休息日。請查閱國務院辦公廳 {year} 年的放假通知，或在情境方案屬性中加入該年。",
        "节假日历未收录 {year} 年，因此只把周末视为休息日。请查阅国务院办公厅 {year} 年的放假通知，或在情景方案属性中加入该年。",
    ],
    ReasonLongStop => [
        "The damage occurred long ago: protection ends on {date}, twenty years after it, before three years from knowing would (Civil Code art. 188).",
        "損害發生已久：自損害發生起滿二十年即 {date} 不再保護，早於知道後三年（《民法典》第 188 條）。",
        "损害发生已久：自损害发生起满二十年即 {date} 不予保护，早于知道后三年（《民法典》第 188 条）。",
    ],
    ReasonClaimantFirm => [
        "The firm is the {role} here and brings the claim, so it must prove it.",
        "本公司在此為{role}，是提出請求的一方，須舉證證明。",
        "本公司在此为{role}，是提出请求的一方，须举证证明。",
    ],
    ReasonClaimantOther => [
        "The firm is the {role} here; the {claimant} brings the claim and must prove it. Keep the evidence that answers it.",
        "本公司在此為{role}；由{claimant}提出請求並負舉證責任。請保存足以反駁的證據。",
        "本公司在此为{role}；由{claimant}提出请求并负举证责任。请保存足以反驳的证据。",
    ],
    ReasonWarrantyCovers => [
        "The defect became known within the minimum warranty for {part}, which runs to {date}, counted from the day acceptance passed (Regulation art. 40).",
        "瑕疵在{part}的最低保修期內發現；保修期自竣工驗收合格之日起算，至 {date}（《條例》第 40 條）。",
        "瑕疵在{part}的最低保修期内发现；保修期自竣工验收合格之日起算，至 {date}（《条例》第 40 条）。",
    ],
    ReasonWarrantyEnded => [
        "The defect became known after the minimum warranty for {part} ended on {date}, counted from the day acceptance passed (Regulation art. 40).",
        "瑕疵在{part}的最低保修期於 {date} 屆滿後才發現；保修期自竣工驗收合格之日起算（《條例》第 40 條）。",
        "瑕疵在{part}的最低保修期于 {date} 届满后才发现；保修期自竣工验收合格之日起算（《条例》第 40 条）。",
    ],
    ReasonWarrantyUnknown => [
        "The minimum warranty runs from the day completion acceptance passed; without that day it cannot be counted (Regulation art. 40).",
        "最低保修期自竣工驗收合格之日起算；缺少該日期便無法計算（《條例》第 40 條）。",
        "最低保修期自竣工验收合格之日起算；缺少该日期便无法计算（《条例》第 40 条）。",
    ],
    ReasonSettleNowBest => [
        "Settling now for the amount entered beats every route's expected net result.",
        "以所填金額立即和解，優於各途徑的預期淨結果。",
        "以所填金额立即和解，优于各途径的预期净结果。",
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
        "即發包人轉移占有之日，因為其未經驗收擅自使用",
        "即发包人转移占有之日，因为其未经验收擅自使用",
    ],
    ReasonCompletionUnknown => [
        "The answers do not yet fix a completion date under art. 9: record when acceptance passed, when the report was submitted, or when the employer took possession.",
        "目前的回答尚不能依第 9 條確定竣工日期：請記錄驗收合格日期、報告提交日期或發包人轉移占有的日期。",
        "目前的回答尚不能依第 9 条确定竣工日期：请记录验收合格日期、报告提交日期或发包人转移占有的日期。",
    ],
    ReasonUsed => [
        "The employer used the works before acceptance, so it generally cannot claim that the used part falls short of the agreed quality (art. 14).",
        "發包人在驗收前擅自使用，一般不能再主張已使用部分的品質不符合約定（第 14 條）。",
        "发包人在验收前擅自使用，一般不能再主张已使用部分的质量不符合约定（第 14 条）。",
    ],
    ReasonUsedStructural => [
        "The employer used the works before acceptance, which generally bars quality claims on the used part (art. 14); but this defect touches the foundation or main structure, for which the contractor stays liable within their reasonable service life.",
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
        "Site visas or written records cover the quantities in dispute; they are the main proof of quantity (art. 20), so the position is strong.",
        "現場簽證或書面紀錄涵蓋有爭議的工程量；這是證明工程量的主要依據（第 20 條），立場有利。",
        "现场签证或书面记录涵盖有争议的工程量；这是证明工程量的主要依据（第 20 条），立场有利。",
    ],
    ReasonQuantityMiss => [
        "Site visas or records exist, but not for the quantities in dispute, so for those they prove nothing.",
        "雖有現場簽證或紀錄，但未涵蓋有爭議的工程量，對此不能作為證明。",
        "虽有现场签证或记录，但未涵盖有争议的工程量，对此不能作为证明。",
    ],
    ReasonQuantityAgreed => [
        "No visa or record covers the disputed quantities, but the employer agreed to the work, so other evidence may prove them (art. 20).",
        "沒有簽證或紀錄涵蓋有爭議的工程量，但發包人同意施工，可用其他證據證明（第 20 條）。",
        "没有签证或记录涵盖有争议的工程量，但发包人同意施工，可用其他证据证明（第 20 条）。",
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
        "Design changes were made without an agreed price; the pricing standard the local construction authority published for the time of signing may be referred to (art. 19).",
        "設計變更未能協商一致價款，可以參照簽約時當地建設主管部門發布的計價標準（第 19 條）。",
        "设计变更未能协商一致价款，可以参照签约时当地建设主管部门发布的计价标准（第 19 条）。",
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
        "The limitation period is three years from when the holder of the right knew or should have known of the damage and of the obligor; in no case is a right protected more than twenty years after the damage.",
        "訴訟時效期間為三年，自權利人知道或應當知道權利受到損害以及義務人之日起計算；自權利受到損害之日起超過二十年的，不予保護。",
        "诉讼时效期间为三年，自权利人知道或者应当知道权利受到损害以及义务人之日起计算；自权利受到损害之日起超过二十年的，不予保护。",
    ],
    RefCc192 => ["Civil Code art. 192", "《民法典》第 192 條", "《民法典》第 192 条"],
    RefCc192Text => [
        "Once the limitation period has run out, the obligor may refuse to perform; a claim is not extinguished by it.",
        "訴訟時效期間屆滿後，義務人可以提出不履行義務的抗辯；請求權並不因此消滅。",
        "诉讼时效期间届满后，义务人可以提出不履行义务的抗辩；请求权并不因此消灭。",
    ],
    RefCc193 => ["Civil Code art. 193", "《民法典》第 193 條", "《民法典》第 193 条"],
    RefCc193Text => [
        "A court does not apply the limitation period of its own motion.",
        "人民法院不得主動適用訴訟時效的規定。",
        "人民法院不得主动适用诉讼时效的规定。",
    ],
    RefCc201 => ["Civil Code art. 201", "《民法典》第 201 條", "《民法典》第 201 条"],
    RefCc201Text => [
        "A period counted in years, months or days starts on the day after the event; the day itself is not counted.",
        "按照年、月、日計算期間的，開始的當日不計入，自下一日開始計算。",
        "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。",
    ],
    RefCc203 => ["Civil Code art. 203", "《民法典》第 203 條", "《民法典》第 203 条"],
    RefCc203Text => [
        "If the last day of a period is a statutory holiday, the period ends on the day after the holiday.",
        "期間的最後一日是法定休假日的，以法定休假日結束的次日為期間的最後一日。",
        "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。",
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
        "If the employer does not provide materials, equipment, site, funds or technical data on time as agreed, the contractor may postpone the completion date and claim its losses.",
        "發包人未按照約定的時間和要求提供原材料、設備、場地、資金、技術資料的，承包人可以順延工程日期，並有權請求賠償停工、窩工等損失。",
        "发包人未按照约定的时间和要求提供原材料、设备、场地、资金、技术资料的，承包人可以顺延工程日期，并有权请求赔偿停工、窝工等损失。",
    ],
    RefSpc9 => [
        "SPC Interpretation (I) on construction contract disputes (Fa Shi [2020] No. 25), art. 9",
        "《最高人民法院關於審理建設工程施工合同糾紛案件適用法律問題的解釋（一）》（法釋〔2020〕25號）第 9 條",
        "《最高人民法院关于审理建设工程施工合同纠纷案件适用法律问题的解释（一）》（法释〔2020〕25号）第 9 条",
    ],
    RefSpc9Text => [
        "Completion date: acceptance passed, that day; report submitted and acceptance delayed by the employer, the submission day; used without acceptance, the day possession passed.",
        "竣工日期：驗收合格的，以驗收合格之日；承包人已提交驗收報告而發包人拖延驗收的，以提交報告之日；未經驗收擅自使用的，以轉移占有之日。",
        "竣工日期：验收合格的，以验收合格之日；承包人已提交验收报告而发包人拖延验收的，以提交报告之日；未经验收擅自使用的，以转移占有之日。",
    ],
    RefSpc12 => ["SPC Interpretation (I) (Fa Shi [2020] No. 25), art. 12", "法釋〔2020〕25號第 12 條", "法释〔2020〕25号第 12 条"],
    RefSpc12Text => [
        "If the contractor refuses to repair, rework or rebuild, the employer may ask for a lower price.",
        "承包人拒絕修理、返工或改建的，發包人可請求減少支付工程價款。",
        "承包人拒绝修理、返工或改建的，发包人可请求减少支付工程价款。",
    ],
    RefSpc13 => ["SPC Interpretation (I) (Fa Shi [2020] No. 25), art. 13", "法釋〔2020〕25號第 13 條", "法释〔2020〕25号第 13 条"],
    RefSpc13Text => [
        "Where a defect comes from the employer's fault (a defective design, supplied or designated materials or equipment below mandatory standards, or a subcontractor it designated directly), the employer bears liability for that fault.",
        "發包人提供的設計有缺陷、提供或指定的材料不符合強制性標準、或直接指定分包人的，應承擔過錯責任。",
        "发包人提供的设计有缺陷、提供或指定的材料不符合强制性标准、或直接指定分包人的，应承担过错责任。",
    ],
    RefSpc14 => ["SPC Interpretation (I) (Fa Shi [2020] No. 25), art. 14", "法釋〔2020〕25號第 14 條", "法释〔2020〕25号第 14 条"],
    RefSpc14Text => [
        "An employer that used the works without acceptance generally cannot then claim that the used part falls short of the agreed quality; the contractor stays liable for the foundation and main structure within their reasonable service life.",
        "建設工程未經竣工驗收，發包人擅自使用後，又以使用部分品質不符合約定為由主張權利的，一般不予支持；但承包人應當在建設工程的合理使用壽命內對地基基礎工程和主體結構品質承擔民事責任。",
        "建设工程未经竣工验收，发包人擅自使用后，又以使用部分质量不符合约定为由主张权利的，一般不予支持；但承包人应当在建设工程的合理使用寿命内对地基基础工程和主体结构质量承担民事责任。",
    ],
    RefSpc19 => ["SPC Interpretation (I) (Fa Shi [2020] No. 25), art. 19", "法釋〔2020〕25號第 19 條", "法释〔2020〕25号第 19 条"],
    RefSpc19Text => [
        "The price is settled by the agreed method; where design changes alter the quantity or quality and the parties cannot agree on the price, the pricing standard or method the local construction authority published for the time of signing may be referred to.",
        "依約定的計價方法結算；設計變更未能協商一致的，參照簽約時當地建設主管部門發布的計價標準。",
        "依约定的计价方法结算；设计变更未能协商一致的，参照签约时当地建设主管部门发布的计价标准。",
    ],
    RefSpc20 => ["SPC Interpretation (I) (Fa Shi [2020] No. 25), art. 20", "法釋〔2020〕25號第 20 條", "法释〔2020〕25号第 20 条"],
    RefSpc20Text => [
        "The quantity follows site visas and other written records; without them, other evidence counts if the employer agreed to the work.",
        "工程量依現場簽證等書面文件確認；沒有簽證但發包人同意施工的，可依其他證據確認。",
        "工程量依现场签证等书面文件确认；没有签证但发包人同意施工的，可依其他证据确认。",
    ],
    RefQr40 => [
        "Regulation on the Quality Management of Construction Projects, art. 40",
        "《建設工程質量管理條例》第 40 條",
        "《建设工程质量管理条例》第 40 条",
    ],
    RefQr40Text => [
        "Minimum warranty, counted from the day completion acceptance passed: foundation and main structure, the reasonable service life in the design; roof waterproofing, waterproofing of rooms with water and exterior-wall leak-proofing, 5 years; heating and cooling, 2 heating or cooling seasons; electrical, plumbing, equipment installation and decoration, 2 years.",
        "最低保修期自竣工驗收合格之日起計算：基礎設施工程、房屋建築的地基基礎工程和主體結構工程，為設計文件規定的合理使用年限；屋面防水工程、有防水要求的衛生間、房間和外牆面的防滲漏，為 5 年；供熱與供冷系統，為 2 個採暖期、供冷期；電氣管線、給排水管道、設備安裝和裝修工程，為 2 年。",
        "最低保修期自竣工验收合格之日起计算：基础设施工程、房屋建筑的地基基础工程和主体结构工程，为设计文件规定的合理使用年限；屋面防水工程、有防水要求的卫生间、房间和外墙面的防渗漏，为 5 年；供热与供冷系统，为 2 个采暖期、供冷期；电气管线、给排水管道、设备安装和装修工程，为 2 年。",
    ],
    RefAl5 => [
        "Arbitration Law (2017 amendment), art. 5",
        "《仲裁法》（2017 年修正）第 5 條",
        "《仲裁法》（2017 年修正）第 5 条",
    ],
    RefAl2025 => [
        "Arbitration Law (revised 2025-09-12, in force 2026-03-01)",
        "《仲裁法》（2025 年 9 月 12 日修訂，2026 年 3 月 1 日施行）",
        "《仲裁法》（2025 年 9 月 12 日修订，2026 年 3 月 1 日施行）",
    ],
    RefAl2025Text => [
        "A valid arbitration agreement sends the dispute to arbitration and keeps it out of court. The revised law renumbers its articles; the article is not cited here until checked against the official text.",
        "有效的仲裁協議使爭議交付仲裁，法院不予受理。修訂後的條文已重新編號；在與官方文本核對前，此處不引用條號。",
        "有效的仲裁协议使争议交付仲裁，法院不予受理。修订后的条文已重新编号；在与官方文本核对前，此处不引用条号。",
    ],
    RefAl5Text => [
        "Where the parties agreed to arbitrate, a court does not accept a lawsuit, unless the arbitration agreement is invalid.",
        "當事人達成仲裁協議，一方向法院起訴的，法院不予受理，但仲裁協議無效的除外。",
        "当事人达成仲裁协议，一方向法院起诉的，法院不予受理，但仲裁协议无效的除外。",
    ],
    VerCivilCode => ["adopted 2020-05-28, in force 2021-01-01", "2020 年 5 月 28 日通過，2021 年 1 月 1 日施行", "2020 年 5 月 28 日通过，2021 年 1 月 1 日施行"],
    VerSpc => ["issued 2020-12-29, in force 2021-01-01", "2020 年 12 月 29 日發布，2021 年 1 月 1 日施行", "2020 年 12 月 29 日发布，2021 年 1 月 1 日施行"],
    VerQr40 => ["2000, as last amended 2019-04-23", "2000 年公布，2019 年 4 月 23 日最近修訂", "2000 年公布，2019 年 4 月 23 日最近修订"],
    VerAl2017 => [
        "2017 amendment (in force 2018-01-01 until 2026-02-28)",
        "2017 年修正（2018 年 1 月 1 日至 2026 年 2 月 28 日施行）",
        "2017 年修正（2018 年 1 月 1 日至 2026 年 2 月 28 日施行）",
    ],
    VerAl2025 => [
        "revised 2025-09-12, in force 2026-03-01",
        "2025 年 9 月 12 日修訂，2026 年 3 月 1 日施行",
        "2025 年 9 月 12 日修订，2026 年 3 月 1 日施行",
    ],
    // Deadlines
    DlLimitation => ["Limitation period ends", "訴訟時效屆滿", "诉讼时效届满"],
    DlCompletionAcceptance => ["Completion date (acceptance passed)", "竣工日期（驗收合格）", "竣工日期（验收合格）"],
    DlCompletionReport => ["Completion date (report submitted)", "竣工日期（提交報告）", "竣工日期（提交报告）"],
    DlCompletionPossession => ["Completion date (possession)", "竣工日期（轉移占有）", "竣工日期（转移占有）"],
    DlWaterproofing => [
        "Warranty ends: waterproofing, exterior-wall leak-proofing (5 years)",
        "保修期屆滿：防水及外牆防滲漏（5 年）",
        "保修期届满：防水及外墙防渗漏（5 年）",
    ],
    DlHeating => ["Warranty ends: heating and cooling (2 seasons, taken as 2 years)", "保修期屆滿：供熱與供冷（2 個採暖或供冷期，按 2 年計）", "保修期届满：供热与供冷（2 个采暖或供冷期，按 2 年计）"],
    DlInstallation => ["Warranty ends: electrical, plumbing, installation, decoration (2 years)", "保修期屆滿：電氣、給排水、設備安裝、裝修（2 年）", "保修期届满：电气、给排水、设备安装、装修（2 年）"],
    // Prevention
    PreventionIntro => [
        "How well was this contract prepared and run? Score each item; the gaps this dispute reveals are marked.",
        "此合同的準備與執行做得如何？請為每項評分；此糾紛揭示的不足會被標示。",
        "此合同的准备与执行做得如何？请为每项评分；此纠纷揭示的不足会被标示。",
    ],
    PrevFacilities => ["Contractor's facilities and equipment assessed before signing", "簽約前評估承包人的設施與設備", "签约前评估承包人的设施与设备"],
    PrevCapacity => ["Contractor's operating capacity assessed", "評估承包人的施工能力", "评估承包人的施工能力"],
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
    ReportAssumptions => ["Assumptions in force", "採用的假設", "采用的假设"],
    ReportAssumption => ["Assumption", "假設", "假设"],
    ReportValue => ["Value", "數值", "数值"],
    ReportDefault => ["Scenario default", "情境方案預設值", "情景方案默认值"],
    ReportChanged => ["changed", "已變更", "已变更"],
    ReportChart => ["Expected net result per route (chart)", "各途徑的預期淨結果（圖表）", "各途径的预期净结果（图表）"],
    ReportLaw => [
        "Law as in force on {date}; each source with its version:",
        "依 {date} 施行的法律；各法源及其版本：",
        "依 {date} 施行的法律；各法源及其版本：",
    ],
    ReportFirmRole => ["The firm's role", "本公司身分", "本公司身份"],
    ReportDiscount => ["Discount rate (% a year)", "折現率（每年 %）", "折现率（每年 %）"],
    ReportRecoveryPct => ["{route}: share recovered (%)", "{route}：收回比例（%）", "{route}：收回比例（%）"],
    ReportLossPct => ["{route}: chance of losing the customer (%)", "{route}：失去客戶的機率（%）", "{route}：失去客户的概率（%）"],
    ReportDefencePct => ["Chance the limitation defence is raised (%)", "對方提出時效抗辯的機率（%）", "对方提出时效抗辩的概率（%）"],
    // Scenario properties
    PropDisputes => ["Dispute assumptions", "糾紛假設", "纠纷假设"],
    PropDisputesHint => [
        "The wizard starts from these; a dispute logged without its own uses them.",
        "決策精靈以此為起點；未自訂假設的糾紛即採用此處數值。",
        "决策向导以此为起点；未自定假设的纠纷即采用此处数值。",
    ],
    PropDiscount => ["Discount rate (% a year)", "折現率（每年 %）", "折现率（每年 %）"],
    PropHolidays => ["Holiday calendar (art. 203)", "節假日曆（第 203 條）", "节假日历（第 203 条）"],
    PropHolidaysHint => [
        "Built-in years come from the State Council's notices. Add or correct a year: one holiday break per line as YYYY-MM-DD..YYYY-MM-DD, and the weekend days made working days as dates.",
        "內建年份取自國務院辦公廳的放假通知。可新增或更正年份：每行一段假期，格式為 YYYY-MM-DD..YYYY-MM-DD；調休上班的週末日期另列。",
        "内置年份取自国务院办公厅的放假通知。可新增或更正年份：每行一段假期，格式为 YYYY-MM-DD..YYYY-MM-DD；调休上班的周末日期另列。",
    ],
    PropHolidayYear => ["Year", "年份", "年份"],
    PropHolidaySource => ["Source", "來源", "来源"],
    PropHolidayBreaks => ["Holiday breaks", "放假日期", "放假日期"],
    PropHolidayWorkdays => ["Working weekend days", "調休上班日", "调休上班日"],
    PropHolidayBuiltIn => ["built in", "內建", "内置"],
    PropHolidayYours => ["yours", "自訂", "自定"],
    PropHolidayEdit => ["Add or correct year", "新增或更正年份", "新增或更正年份"],
    PropHolidaySave => ["Save year", "儲存年份", "保存年份"],
    PropHolidayRemove => ["Remove your entry", "移除自訂項目", "移除自定项目"],
    PropHolidayBad => [
        "Not saved: {what}",
        "未儲存：{what}",
        "未保存：{what}",
    ],
    PropHolidayBadLine => ["line {line} is not a date or a date range", "第 {line} 行不是日期或日期範圍", "第 {line} 行不是日期或日期范围"],
    PropHolidayOutside => ["a date lies outside the year", "有日期不在該年內", "有日期不在该年内"],
    PropHolidayReversed => ["a break ends before it starts", "有假期的結束日早於開始日", "有假期的结束日早于开始日"],
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
            DraftProblem::NoKind => DisputeKey::NeedKind,
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
        LegalRef::CivilCode192 => (K::RefCc192, K::RefCc192Text),
        LegalRef::CivilCode193 => (K::RefCc193, K::RefCc193Text),
        LegalRef::CivilCode201 => (K::RefCc201, K::RefCc201Text),
        LegalRef::CivilCode203 => (K::RefCc203, K::RefCc203Text),
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
        LegalRef::ArbitrationLaw2017Art5 => (K::RefAl5, K::RefAl5Text),
        LegalRef::ArbitrationLaw2025 => (K::RefAl2025, K::RefAl2025Text),
    };
    (t(lang, title), t(lang, text))
}

/// The version of a legal source, worded in `lang` (the same facts as `LegalRef::citation`).
#[must_use]
pub fn version_text(lang: Language, r: LegalRef) -> &'static str {
    use DisputeKey as K;
    t(
        lang,
        match r {
            LegalRef::CivilCode188
            | LegalRef::CivilCode192
            | LegalRef::CivilCode193
            | LegalRef::CivilCode201
            | LegalRef::CivilCode203
            | LegalRef::CivilCode799
            | LegalRef::CivilCode801
            | LegalRef::CivilCode803 => K::VerCivilCode,
            LegalRef::Spc9
            | LegalRef::Spc12
            | LegalRef::Spc13
            | LegalRef::Spc14
            | LegalRef::Spc19
            | LegalRef::Spc20 => K::VerSpc,
            LegalRef::QualityRegulation40 => K::VerQr40,
            LegalRef::ArbitrationLaw2017Art5 => K::VerAl2017,
            LegalRef::ArbitrationLaw2025 => K::VerAl2025,
        },
    )
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
        Reason::LimitationExpired { on, defence_pct } => trf(
            lang,
            K::ReasonLimitationExpired,
            &[
                ("date", &date(on)),
                ("pct", &format!("{defence_pct:.0}")),
                ("keep", &format!("{:.0}", 100.0 - defence_pct)),
            ],
        ),
        Reason::LimitationExpiredForThem { on } => {
            trf(lang, K::ReasonLimitationExpiredForThem, &[("date", &date(on))])
        }
        Reason::LimitationExtended { from, to } => trf(
            lang,
            K::ReasonLimitationExtended,
            &[("from", &date(from)), ("to", &date(to))],
        ),
        Reason::CalendarYearUnknown { year } => trf(lang, K::ReasonCalendarUnknown, &[("year", &year)]),
        Reason::LongStop { on } => trf(lang, K::ReasonLongStop, &[("date", &date(on))]),
        Reason::Claimant { firm, claimant } if firm == claimant => trf(
            lang,
            K::ReasonClaimantFirm,
            &[("role", &role_in_sentence(lang, firm))],
        ),
        Reason::Claimant { firm, claimant } => trf(
            lang,
            K::ReasonClaimantOther,
            &[
                ("role", &role_in_sentence(lang, firm)),
                ("claimant", &role_in_sentence(lang, claimant)),
            ],
        ),
        Reason::WarrantyCovers { part, ends } => trf(
            lang,
            K::ReasonWarrantyCovers,
            &[("part", &warranty_part_name(lang, part)), ("date", &date(ends))],
        ),
        Reason::WarrantyEnded { part, ended } => trf(
            lang,
            K::ReasonWarrantyEnded,
            &[("part", &warranty_part_name(lang, part)), ("date", &date(ended))],
        ),
        Reason::WarrantyUnknown => t(lang, K::ReasonWarrantyUnknown).to_owned(),
        Reason::QuantityRecordsMissTheDispute => t(lang, K::ReasonQuantityMiss).to_owned(),
        Reason::SettleNowBest => t(lang, K::ReasonSettleNowBest).to_owned(),
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

/// A party's name: contractor or employer.
#[must_use]
pub fn party_name(lang: Language, party: Party) -> &'static str {
    t(
        lang,
        match party {
            Party::Contractor => DisputeKey::PartyContractor,
            Party::Employer => DisputeKey::PartyEmployer,
        },
    )
}

/// A party's name inside a sentence ("the contractor").
fn role_in_sentence(lang: Language, party: Party) -> &'static str {
    t(
        lang,
        match party {
            Party::Contractor => DisputeKey::RoleContractor,
            Party::Employer => DisputeKey::RoleEmployer,
        },
    )
}

/// The name of a part of the works with a minimum warranty.
#[must_use]
pub fn warranty_part_name(lang: Language, part: WarrantyPart) -> &'static str {
    t(
        lang,
        match part {
            WarrantyPart::Waterproofing => DisputeKey::PartWaterproofing,
            WarrantyPart::HeatingCooling => DisputeKey::PartHeating,
            WarrantyPart::Installation => DisputeKey::PartInstallation,
        },
    )
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
        assert_eq!(
            reason_text(
                Language::English,
                &Reason::Claimant {
                    firm: Party::Employer,
                    claimant: Party::Contractor
                }
            ),
            "The firm is the employer here; the contractor brings the claim and must prove it. Keep the evidence that answers it."
        );
    }

    #[test]
    fn the_english_versions_are_the_citations() {
        use crate::model::advice::LegalRef;
        for r in [
            LegalRef::CivilCode188,
            LegalRef::Spc20,
            LegalRef::QualityRegulation40,
            LegalRef::ArbitrationLaw2017Art5,
            LegalRef::ArbitrationLaw2025,
        ] {
            assert_eq!(version_text(Language::English, r), r.citation().version, "{r:?}");
        }
    }

    #[test]
    fn legal_texts_say_what_the_law_says() {
        use crate::model::advice::LegalRef;
        let en = |r| reference(Language::English, r).1;
        assert!(
            en(LegalRef::CivilCode188).contains("obligor")
                && en(LegalRef::CivilCode188).contains("twenty years")
        );
        assert!(!en(LegalRef::CivilCode188).contains("who caused it"));
        assert!(en(LegalRef::Spc19).contains("may be referred to"));
        assert!(
            en(LegalRef::Spc14).contains("reasonable service life")
                && en(LegalRef::Spc14).contains("generally")
        );
        assert!(!en(LegalRef::Spc14).contains("design life"));
        assert!(en(LegalRef::QualityRegulation40).contains("exterior-wall leak-proofing"));
        assert!(en(LegalRef::QualityRegulation40).contains("from the day completion acceptance passed"));
        assert!(en(LegalRef::CivilCode803).contains("postpone the completion date"));
        for lang in Language::ALL {
            let (title, _) = reference(lang, LegalRef::Spc9);
            assert!(
                title.contains("2020") && title.contains("25"),
                "{lang:?}: {title}"
            );
            let (title, _) = reference(lang, LegalRef::ArbitrationLaw2025);
            assert!(
                title.contains("2025") && title.contains("2026"),
                "{lang:?}: {title}"
            );
        }
        // zh-Hant: 占有 (the legal term), and 品質 for quality outside law titles.
        for &key in <DisputeKey as super::super::Texts>::ALL {
            let [_, traditional, simplified] = super::super::Texts::texts(key);
            assert!(!traditional.contains("佔有"), "{key:?}: {traditional}");
            assert!(
                !traditional.replace("建設工程質量管理條例", "").contains("質量"),
                "{key:?}: {traditional}"
            );
            assert!(!simplified.contains("检讨"), "{key:?}: {simplified}");
            assert!(
                !traditional.contains("經營能力") && !simplified.contains("经营能力"),
                "{key:?}"
            );
        }
        assert_eq!(days_from_today_text(Language::SimplifiedChinese, -3), "3 天前");
    }
}
