//! The texts of the Help menu: the shortcut list, the user guide, About and the first-run tour.

crate::string_table! {
    /// A text of the Help menu, its windows and the tour.
    HelpKey {
    // Menu
    MenuHelp => ["Help", "說明", "帮助"],
    MenuShortcuts => ["Keyboard shortcuts…", "鍵盤快速鍵…", "键盘快捷键…"],
    MenuGuide => ["User guide", "使用指南", "使用指南"],
    MenuAbout => ["About SCM-CRM Studio…", "關於 SCM-CRM 工作室…", "关于 SCM-CRM 工作室…"],
    MenuTour => ["Show the tour again", "再看一次導覽", "再看一次导览"],
    // Keyboard shortcuts window
    ShortcutsTitle => ["Keyboard shortcuts", "鍵盤快速鍵", "键盘快捷键"],
    ShortcutsIntro => [
        "The keys the app listens for, from the same table the key handlers use.",
        "程式實際接收的按鍵，與按鍵處理程序使用同一份對照表。",
        "程序实际接收的按键，与按键处理程序使用同一份对照表。",
    ],
    ColKeys => ["Keys", "按鍵", "按键"],
    ColAction => ["What it does", "功能", "功能"],
    PlaceEverywhere => ["Everywhere", "任何地方", "任何地方"],
    PlacePresenter => [
        "Presenter mode (F5 anywhere)",
        "簡報模式（F5 在任何地方皆可）",
        "演示模式（F5 在任何地方均可）",
    ],
    PlaceCustomersPage => [
        "Customers page (no field being typed into)",
        "「客戶」頁（未在欄位中輸入時）",
        "“客户”页（未在输入框中输入时）",
    ],
    PlaceCustomersCell => [
        "Editing a cell of the Customers table",
        "編輯客戶表格的儲存格時",
        "编辑客户表格的单元格时",
    ],
    PlaceWhatIf => ["Charts: what-if sliders", "圖表：假設分析滑桿", "图表：假设分析滑块"],
    PlaceDialogs => ["Dialogs that ask for a file", "要求輸入檔案的對話方塊", "要求输入文件的对话框"],
    PlaceTour => ["The tour", "導覽", "导览"],
    DoNew => ["New scenario", "新增情境方案", "新建情景方案"],
    DoOpen => ["Open a scenario file…", "開啟情境方案檔…", "打开情景方案文件…"],
    DoSave => ["Save", "儲存", "保存"],
    DoSaveAs => ["Save as…", "另存新檔…", "另存为…"],
    DoUndo => ["Undo the last change", "復原上一個變更", "撤销上一步更改"],
    DoRedo => ["Redo the change undone last", "重做剛才復原的變更", "重做刚才撤销的更改"],
    DoZoomIn => ["Zoom in", "放大", "放大"],
    DoZoomOut => ["Zoom out", "縮小", "缩小"],
    DoZoomReset => ["Reset zoom to 100 %", "將縮放重設為 100 %", "将缩放重置为 100 %"],
    DoClearSelection => [
        "Clear the selection and close the detail panel",
        "取消選取並關閉詳細資料面板",
        "取消选择并关闭详细信息面板",
    ],
    DoDeleteCustomers => ["Delete the selected customers", "刪除選取的客戶", "删除选中的客户"],
    DoCancelCellEdit => [
        "Put the customer's value back in the cell",
        "還原儲存格中客戶原本的值",
        "恢复单元格中客户原来的值",
    ],
    DoConfirmField => ["Confirm the path typed", "確認輸入的路徑", "确认输入的路径"],
    DoSliderStep => [
        "Move the focused slider one step",
        "將目前選取的滑桿移動一格",
        "将当前选中的滑块移动一格",
    ],
    DoSkipTour => ["Skip the tour", "略過導覽", "跳过导览"],
    // User guide
    GuideTitle => ["User guide", "使用指南", "使用指南"],
    TopicCustomers => ["Customers page", "「客戶」頁", "“客户”页"],
    TopicCharts => ["Charts page", "「圖表」頁", "“图表”页"],
    TopicPlanner => ["Planner page", "「整合規劃」頁", "“整合规划”页"],
    TopicDisputes => ["Disputes page", "「糾紛」頁", "“纠纷”页"],
    TopicCompare => ["Comparison view", "比較檢視", "比较视图"],
    GuideCustomers1 => [
        "The Customers page is the customer base of the scenario: one row per customer with its revenue, cost of goods, cost to serve, profit, margin, growth potential, delivered value, ABC class, tier and RFM segment.",
        "「客戶」頁是情境方案的客戶資料：每位客戶一列，列出營收、銷貨成本、服務成本、利潤、利潤率、成長潛力、讓渡價值、ABC 等級、分級與 RFM 區隔。",
        "“客户”页是情景方案的客户数据：每位客户一行，列出营收、销货成本、服务成本、利润、利润率、成长潜力、让渡价值、ABC 等级、分级与 RFM 细分。",
    ],
    GuideCustomers2 => [
        "Two kinds of value are kept apart. Value to the customer (delivered value) is what the customer feels it gets minus what it gives up; you estimate its parts as scores from 0 to 10 in the detail panel. Value to the firm is profit: revenue minus cost of goods minus cost to serve. Cost to serve (handling, special deliveries, account management) is why a large customer can still lose money.",
        "這裡分開看兩種價值。對客戶的價值（讓渡價值）是客戶感受到的所得減去付出，各項由您在詳細資料面板中以 0 到 10 分估計。對公司的價值則是利潤：營收減銷貨成本再減服務成本。服務成本（裝卸、特別配送、客戶管理）正是大客戶也可能虧損的原因。",
        "这里分开看两种价值。对客户的价值（让渡价值）是客户感受到的所得减去付出，各项由您在详细信息面板中以 0 到 10 分估计。对公司的价值则是利润：营收减销货成本再减服务成本。服务成本（装卸、特别配送、客户管理）正是大客户也可能亏损的原因。",
    ],
    GuideCustomers3 => [
        "Each customer gets a tier, because a logistics firm should not treat every customer alike. Key customers are profitable and either in ABC class A or high in growth potential; general customers are profitable but not key; loss-making customers have a profit below zero. Hover over a tier to read the rule that put the customer there; Thresholds on the toolbar changes the rules live.",
        "物流公司不應一視同仁地對待所有客戶，所以每位客戶都有分級。關鍵客戶有獲利，且屬於 ABC 的 A 級或成長潛力高；一般客戶有獲利但不屬於關鍵客戶；虧損客戶的利潤低於零。將滑鼠移到分級上，即可看到歸類的規則；工具列上的「分級門檻」可即時調整規則。",
        "物流公司不应一视同仁地对待所有客户，所以每位客户都有分级。关键客户有盈利，且属于 ABC 的 A 类或成长潜力高；一般客户有盈利但不属于关键客户；亏损客户的利润低于零。将鼠标移到分级上，即可看到归类的规则；工具栏上的“分级门槛”可实时调整规则。",
    ],
    GuideCustomers4 => [
        "Click a row to edit its cells; Escape puts the value back. Ctrl+click and Shift+click select several rows for Duplicate or Delete. Filter by text, tier, class, segment or tag. Import… reads CSV and spreadsheet files, or a transaction log from which the app works out RFM scores. Every change is one undo step.",
        "按一下某列即可編輯其儲存格；按 Esc 可還原。按住 Ctrl 或 Shift 再按一下可選取多列，以便複製或刪除。可依文字、分級、等級、區隔或標籤篩選。「匯入…」可讀取 CSV 與試算表檔案，或讀取交易紀錄並據以計算 RFM 分數。每次變更都是一個可復原的步驟。",
        "单击某行即可编辑其单元格；按 Esc 可恢复。按住 Ctrl 或 Shift 再单击可选择多行，以便复制或删除。可按文本、分级、类别、细分或标签筛选。“导入…”可读取 CSV 与电子表格文件，或读取交易记录并据此计算 RFM 分数。每次更改都是一个可撤销的步骤。",
    ],
    GuideCharts1 => [
        "The Charts page shows where the firm's profit comes from, one chart at a time, large enough for a projector. Pick a chart with the tabs. Hover over a mark to see the customer; click it to select that customer on the Customers page.",
        "「圖表」頁呈現公司的利潤從哪裡來，一次一張圖，大小適合投影。以分頁選擇圖表。將滑鼠移到圖上的點即可看到客戶；按一下即可在「客戶」頁選取該客戶。",
        "“图表”页呈现公司的利润从哪里来，一次一张图，大小适合投影。用选项卡选择图表。将鼠标移到图上的点即可看到客户；单击即可在“客户”页选中该客户。",
    ],
    GuideCharts2 => [
        "The whale curve ranks customers by profit and adds up their share of it. When some customers lose money, the curve climbs above 100 % and falls back: the height of the peak is the profit the loss-makers destroy. The value matrix sets profit against growth potential, so you see whom to invest in and whom to maintain.",
        "鯨魚曲線依利潤排列客戶，並累加各自所占的利潤比例。若有客戶虧損，曲線會升到 100 % 以上再回落：高峰超出的部分就是虧損客戶吃掉的利潤。價值矩陣將利潤與成長潛力對照，看出該投資誰、該維持誰。",
        "鲸鱼曲线按利润排列客户，并累加各自所占的利润比例。若有客户亏损，曲线会升到 100 % 以上再回落：高峰超出的部分就是亏损客户吃掉的利润。价值矩阵将利润与成长潜力对照，看出该投资谁、该维持谁。",
    ],
    GuideCharts3 => [
        "The what-if panel on the right tries changes on a copy: cost to serve, price and the tier thresholds. The charts and tier counts follow at once. Nothing changes in the scenario until Apply to scenario, which is one undo step; Save what-if as a new scenario… writes it to a file of its own.",
        "右側的假設分析面板在副本上試算變動：服務成本、價格與分級門檻。圖表與各分級人數會立即更新。按下「套用到情境方案」之前，情境方案不會改變（套用是一個可復原的步驟）；「將假設分析另存為新情境方案…」則會寫成獨立的檔案。",
        "右侧的假设分析面板在副本上试算变动：服务成本、价格与分级阈值。图表与各分级人数会立即更新。按下“应用到情景方案”之前，情景方案不会改变（应用是一个可撤销的步骤）；“将假设分析另存为新情景方案…”则会写成单独的文件。",
    ],
    GuidePlanner1 => [
        "The Planner runs the eight-step project that integrates supply-chain management with customer relationship management. The point of it: a chain that pushes products out becomes one that the customers' demand pulls.",
        "「整合規劃」頁管理將供應鏈管理與客戶關係管理整合的八個步驟。其用意在於：把「推」出產品的供應鏈，轉變為由客戶需求「拉」動的供應鏈。",
        "“整合规划”页管理将供应链管理与客户关系管理整合的八个步骤。其用意在于：把“推”出产品的供应链，转变为由客户需求“拉”动的供应链。",
    ],
    GuidePlanner2 => [
        "The steps run in order: survey marketing and the supply chain, decide the goals, analyse the gaps, formulate the strategy, plan the first integration and the training, decide the order of the work, set the evaluation metrics, then track the results and revise the goals, which starts a new cycle.",
        "各步驟依序進行：調查行銷與供應鏈、決定目標、分析差異、擬定整合策略、規劃初步整合與培訓、決定實施順序、設立評估指標，最後追蹤結果並修正目標，進入下一個循環。",
        "各步骤依序进行：调查营销与供应链、决定目标、分析差异、制定整合战略、规划初步整合与培训、决定实施顺序、设立评估指标，最后跟踪结果并修正目标，进入下一个循环。",
    ],
    GuidePlanner3 => [
        "Steps shows each step with its status, owner, dates, progress and its own tables. Gantt sets the plan against what happened, with a line for today and overdue items marked; drag a bar to move it. KPIs charts each metric against its target and a competitor.",
        "「步驟」檢視列出每個步驟的狀態、負責人、日期、進度與其專屬表格。「甘特圖」對照計畫與實際，標出今天與逾期項目；拖曳橫條即可調整日期。「評估指標」以圖表呈現每項指標相對於目標與競爭對手的表現。",
        "“步骤”视图列出每个步骤的状态、负责人、日期、进度与其专属表格。“甘特图”对照计划与实际，标出今天与逾期项目；拖动横条即可调整日期。“评估指标”以图表呈现每项指标相对于目标与竞争对手的表现。",
    ],
    GuideDisputes1 => [
        "The Disputes page keeps the log of construction-contract disputes with customers, and a wizard that advises how to handle a new one.",
        "「糾紛」頁保存與客戶之間的建設工程合約糾紛紀錄，並提供精靈，建議如何處理新的糾紛。",
        "“纠纷”页保存与客户之间的建设工程合同纠纷记录，并提供向导，建议如何处理新的纠纷。",
    ],
    GuideDisputes2 => [
        "The right route depends on the customer. With a general customer, settle by the formal route: arbitration when the contract has a valid arbitration clause, otherwise a lawsuit. With a key customer, think long term: negotiate first, then mediate, and go formal only last, because a lawsuit costs money, time and the relationship. The wizard puts numbers on this: each route's expected result after its cost and the relationship value at risk, against settling now.",
        "合適的途徑取決於客戶。對一般客戶，依正式途徑解決：合約有有效仲裁條款時仲裁，否則訴訟。對關鍵客戶則要從長遠著眼：先協商、再調解，最後才走正式途徑，因為訴訟耗費金錢、時間，也會傷害關係。精靈把這些量化：每種途徑扣除成本與可能失去的關係價值後的預期結果，並與立即和解比較。",
        "合适的途径取决于客户。对一般客户，按正式途径解决：合同有有效仲裁条款时仲裁，否则诉讼。对关键客户则要从长远着眼：先协商、再调解，最后才走正式途径，因为诉讼耗费金钱、时间，也会伤害关系。向导把这些量化：每种途径扣除成本与可能失去的关系价值后的预期结果，并与立即和解比较。",
    ],
    GuideDisputes3 => [
        "Go through the wizard with Back and Next: parties, kind of dispute, facts, relationship, advice, prevention and decision. Deadlines count the days left under the Civil Code. The legal references are for orientation, not legal advice.",
        "以「上一步」與「下一步」走完精靈：當事人、糾紛類型、事實、客戶關係、建議、預防與決定。期限依《民法典》計算剩餘天數。法律依據僅供參考，並非法律意見。",
        "用“上一步”与“下一步”走完向导：当事人、纠纷类型、事实、客户关系、建议、预防与决定。期限依《民法典》计算剩余天数。法律依据仅供参考，并非法律意见。",
    ],
    GuideCompare1 => [
        "File → Compare with… opens a second scenario (B) beside the open one (A), read-only: another file, the backup from before the last save, a recent file, or the what-if from the Charts page.",
        "「檔案 → 比較…」會在目前的情境方案（A）旁以唯讀方式開啟第二個情境方案（B）：另一個檔案、上次儲存前的備份、最近的檔案，或「圖表」頁的假設分析。",
        "“文件 → 比较…”会在当前情景方案（A）旁以只读方式打开第二个情景方案（B）：另一个文件、上次保存前的备份、最近的文件，或“图表”页的假设分析。",
    ],
    GuideCompare2 => [
        "Overview shows the totals and tier counts of A, B and B − A, and both whale curves; green is better for the firm, red worse. Tier migration shows how customers moved between tiers. Customer differences lists added, removed and changed customers field by field. Plan and disputes lists what changed in the plan and the dispute log.",
        "「概覽」列出 A、B 與 B − A 的合計與各分級人數，並畫出兩條鯨魚曲線；綠色對公司較有利，紅色較不利。「分級移動」呈現客戶在分級之間的移動。「客戶差異」逐欄列出新增、移除與變更的客戶。「規劃與糾紛」列出整合規劃與糾紛紀錄的變動。",
        "“概览”列出 A、B 与 B − A 的合计与各分级人数，并画出两条鲸鱼曲线；绿色对公司较有利，红色较不利。“分级移动”呈现客户在分级之间的移动。“客户差异”逐字段列出新增、删除与更改的客户。“规划与纠纷”列出整合规划与纠纷记录的变动。",
    ],
    GuideCompare3 => [
        "← Back to the scenario returns to the pages; the Comparison button under the pages brings the comparison back, and Close comparison ends it.",
        "「← 返回情境方案」回到各頁面；頁面按鈕下方的「比較」按鈕可再次顯示比較，「關閉比較」則結束比較。",
        "“← 返回情景方案”回到各页面；页面按钮下方的“比较”按钮可再次显示比较，“关闭比较”则结束比较。",
    ],
    // About
    AboutTitle => ["About SCM-CRM Studio", "關於 SCM-CRM 工作室", "关于 SCM-CRM 工作室"],
    AboutVersion => ["Version {version}", "版本 {version}", "版本 {version}"],
    AboutWhat => [
        "A desktop workbench for supply-chain CRM: customer value, the eight-step SCM/CRM integration plan and construction-contract disputes.",
        "供應鏈客戶關係管理的桌面工作台：客戶價值、SCM/CRM 整合的八個步驟，以及建設工程合約糾紛。",
        "供应链客户关系管理的桌面工作台：客户价值、SCM/CRM 整合的八个步骤，以及建设工程合同纠纷。",
    ],
    AboutLicence => [
        "Licensed under the MIT licence or the Apache License 2.0, at your option.",
        "採用 MIT 授權或 Apache 2.0 授權，任您選擇。",
        "采用 MIT 许可证或 Apache 2.0 许可证，由您选择。",
    ],
    AboutLibraries => ["Main libraries", "主要函式庫", "主要库"],
    ColLibrary => ["Library", "函式庫", "库"],
    ColLicence => ["Licence", "授權", "许可证"],
    AboutFonts => ["Fonts", "字型", "字体"],
    AboutEguiFonts => [
        "egui's own fonts: Ubuntu Light (Ubuntu Font Licence 1.0), Hack (MIT and Bitstream Vera licences), Noto Emoji (SIL Open Font License 1.1) and emoji-icon-font (MIT).",
        "egui 內建字型：Ubuntu Light（Ubuntu 字型授權 1.0）、Hack（MIT 與 Bitstream Vera 授權）、Noto Emoji（SIL Open Font License 1.1）及 emoji-icon-font（MIT）。",
        "egui 内置字体：Ubuntu Light（Ubuntu 字体许可证 1.0）、Hack（MIT 与 Bitstream Vera 许可证）、Noto Emoji（SIL Open Font License 1.1）及 emoji-icon-font（MIT）。",
    ],
    AboutNoto => [
        "Chinese text uses Noto Sans CJK, bundled with the app under the SIL Open Font License 1.1, given in full here:",
        "中文使用隨程式附上的 Noto Sans CJK 字型，採用 SIL Open Font License 1.1 授權，全文如下：",
        "中文使用随程序附带的 Noto Sans CJK 字体，采用 SIL Open Font License 1.1 许可，全文如下：",
    ],
    Close => ["Close", "關閉", "关闭"],
    // Tour
    TourStepOf => ["{n} of {total}", "第 {n} 步，共 {total} 步", "第 {n} 步，共 {total} 步"],
    TourBack => ["Back", "上一步", "上一步"],
    TourNext => ["Next", "下一步", "下一步"],
    TourDone => ["Done", "完成", "完成"],
    TourSkip => ["Skip tour", "略過導覽", "跳过导览"],
    TourPagesTitle => ["Pages", "頁面", "页面"],
    TourPages => [
        "Move between the four pages here: Customers, Charts, Planner and Disputes. An open comparison gets a button below them.",
        "在這裡切換四個頁面：客戶、圖表、整合規劃與糾紛。開啟比較時，下方會多一個按鈕。",
        "在这里切换四个页面：客户、图表、整合规划与纠纷。打开比较时，下方会多一个按钮。",
    ],
    TourFileTitle => ["File menu", "「檔案」選單", "“文件”菜单"],
    TourFile => [
        "Open, save and compare scenario files here. Open sample loads the bundled Harbor Link scenario, a safe place to try things out.",
        "在這裡開啟、儲存與比較情境方案檔。「開啟範例」會載入內附的 Harbor Link 情境方案，可放心試用。",
        "在这里打开、保存与比较情景方案文件。“打开示例”会载入内附的 Harbor Link 情景方案，可放心试用。",
    ],
    TourTableTitle => ["Customers table", "客戶表格", "客户表格"],
    TourTable => [
        "Every customer with its profit, tier and ABC class. Click a header to sort, click a row to edit it. Every change re-tiers the customers at once, and Ctrl+Z takes it back.",
        "列出每位客戶的利潤、分級與 ABC 等級。按一下欄位標題可排序，按一下某列可編輯。每次變更都會立即重新分級，按 Ctrl+Z 可復原。",
        "列出每位客户的利润、分级与 ABC 等级。单击列标题可排序，单击某行可编辑。每次更改都会立即重新分级，按 Ctrl+Z 可撤销。",
    ],
    TourWhatIfTitle => ["What-if panel", "假設分析面板", "假设分析面板"],
    TourWhatIf => [
        "Try a lower cost to serve, another price or other thresholds on a copy. The charts and tier counts follow at once; the scenario changes only with Apply to scenario.",
        "在副本上試算較低的服務成本、不同的價格或門檻。圖表與各分級人數會立即更新；只有按下「套用到情境方案」才會變更情境方案。",
        "在副本上试算较低的服务成本、不同的价格或阈值。图表与各分级人数会立即更新；只有按下“应用到情景方案”才会更改情景方案。",
    ],
    TourStatusTitle => ["Status bar", "狀態列", "状态栏"],
    TourStatus => [
        "Shows the file, whether it is saved, and how many validation warnings the scenario has. Click the count to list them.",
        "顯示檔案、是否已儲存，以及情境方案有幾個驗證警告。按一下警告數即可列出。",
        "显示文件、是否已保存，以及情景方案有几个验证警告。单击警告数即可列出。",
    ],
    TourHelpTitle => ["Help menu", "「說明」選單", "“帮助”菜单"],
    TourHelp => [
        "Keyboard shortcuts, a user guide for each page, About, and this tour again.",
        "鍵盤快速鍵、各頁面的使用指南、關於本程式，以及再看一次這個導覽。",
        "键盘快捷键、各页面的使用指南、关于本程序，以及再看一次这个导览。",
    ],
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_help_table_is_complete() {
        super::super::check_table::<super::HelpKey>(&[]);
    }
}
