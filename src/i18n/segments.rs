//! The texts of RFM segments, groups of similar customers and promotions sent to a group.

use super::{tr, trf};
use crate::model::Language;
use crate::model::groups::{Feature, Level};
use crate::model::rfm_segments::{RfmSegment, SuggestedAction};

crate::string_table! {
    /// A text of segments, groups and campaigns.
    SegmentKey {
    // Segments (DOMAIN.md §4)
    Champion => ["Champion", "冠軍客戶", "冠军客户"],
    Loyal => ["Loyal", "忠誠客戶", "忠诚客户"],
    PotentialLoyalist => ["Potential loyalist", "潛在忠誠客戶", "潜在忠诚客户"],
    New => ["New", "新客戶", "新客户"],
    Promising => ["Promising", "有潛力客戶", "有潜力客户"],
    NeedsAttention => ["Needs attention", "需要關注", "需要关注"],
    AboutToSleep => ["About to sleep", "即將沉睡", "即将沉睡"],
    AtRisk => ["At risk", "有流失風險", "有流失风险"],
    CannotLose => ["Cannot lose", "不能失去", "不能失去"],
    Hibernating => ["Hibernating", "休眠客戶", "休眠客户"],
    Lost => ["Lost", "已流失", "已流失"],
    NoSegment => ["No RFM data", "無 RFM 資料", "无 RFM 数据"],
    // Suggested actions
    ActReward => [
        "Reward them and ask for referrals.",
        "給予回饋，並請他們推薦新客戶。",
        "给予回馈，并请他们推荐新客户。",
    ],
    ActUpsell => [
        "Offer more services and a loyalty programme.",
        "提供更多服務與忠誠計畫。",
        "提供更多服务与忠诚计划。",
    ],
    ActBundle => [
        "Offer a service bundle or a contract to raise how often they order.",
        "提供服務組合或合約，提高下單頻率。",
        "提供服务组合或合同，提高下单频率。",
    ],
    ActOnboard => [
        "Welcome them and help them through the first months.",
        "歡迎新客戶，並協助他們度過最初幾個月。",
        "欢迎新客户，并协助他们度过最初几个月。",
    ],
    ActTrial => [
        "Build awareness with a small trial shipment.",
        "以小量試運建立認識。",
        "以小量试运建立认识。",
    ],
    ActOffer => [
        "Make a limited-time offer based on what they used before.",
        "依其過去使用的服務，提出限時優惠。",
        "依其过去使用的服务，提出限时优惠。",
    ],
    ActReconnect => [
        "Reconnect: share useful news and give them a reason to order again.",
        "重新聯繫：分享有用資訊，給他們再次下單的理由。",
        "重新联系：分享有用信息，给他们再次下单的理由。",
    ],
    ActPersonal => [
        "Contact them personally to learn what went wrong.",
        "親自聯繫，了解問題所在。",
        "亲自联系，了解问题所在。",
    ],
    ActWinBack => [
        "Win them back: a senior manager calls; do not lose them to a competitor.",
        "設法挽回：由高階主管致電，別讓他們流向競爭對手。",
        "设法挽回：由高层经理致电，别让他们流向竞争对手。",
    ],
    ActReactivate => [
        "Try a low-cost reactivation offer.",
        "嘗試低成本的喚回優惠。",
        "尝试低成本的唤回优惠。",
    ],
    ActStop => [
        "Stop spending on them; at most one last, cheap attempt.",
        "停止投入；最多再做一次低成本嘗試。",
        "停止投入；最多再做一次低成本尝试。",
    ],
    // Features
    FeatProfit => ["profit", "利潤", "利润"],
    FeatMargin => ["margin", "利潤率", "利润率"],
    FeatGrowth => ["growth potential", "成長潛力", "成长潜力"],
    FeatRecency => ["recency", "近期購買", "近期购买"],
    FeatFrequency => ["frequency", "購買頻率", "购买频率"],
    FeatMonetary => ["monetary value", "消費金額", "消费金额"],
    FeatSatisfaction => ["satisfaction", "滿意度", "满意度"],
    FeatInteractions => ["interactions per month", "每月互動次數", "每月交互次数"],
    // Group descriptions
    HighFeature => ["high {feature}", "{feature}高", "{feature}高"],
    LowFeature => ["low {feature}", "{feature}低", "{feature}低"],
    LowInteractions => ["rarely contacted", "很少聯繫", "很少联系"],
    HighInteractions => ["often contacted", "經常聯繫", "经常联系"],
    LowRecency => ["not bought lately", "近期未購買", "近期未购买"],
    HighRecency => ["bought lately", "近期有購買", "近期有购买"],
    Average => ["close to the average", "接近平均", "接近平均"],
    DescriptionJoin => [", ", "、", "、"],
    DefaultGroupName => ["Group {n}", "第 {n} 組", "第 {n} 组"],
    // Customers page
    ColSegment => ["Segment", "RFM 區隔", "RFM 细分"],
    SegmentHint => [
        "RFM segment, from the recency score and the mean of the frequency and monetary scores",
        "RFM 區隔：依近期購買分數，以及購買頻率與消費金額分數的平均",
        "RFM 细分：依近期购买分数，以及购买频率与消费金额分数的平均",
    ],
    SegmentFilter => ["Show one RFM segment only", "只顯示一個 RFM 區隔", "只显示一个 RFM 细分"],
    CellFilter => ["Segment map cell R {r}, FM {fm}", "區隔圖方格 R {r}、FM {fm}", "细分图方格 R {r}、FM {fm}"],
    DetailSegment => ["Segment: {segment}", "RFM 區隔：{segment}", "RFM 细分：{segment}"],
    DetailAction => ["Suggested action: {action}", "建議做法：{action}", "建议做法：{action}"],
    // Segment map chart
    TabSegments => ["Segment map", "區隔圖", "细分图"],
    MapTitle => [
        "RFM segment map: customers, revenue and profit per cell",
        "RFM 區隔圖：每格的客戶數、營收與利潤",
        "RFM 细分图：每格的客户数、营收与利润",
    ],
    MapAxisR => ["R: recency score (5 = bought most recently)", "R：近期購買分數（5 = 最近購買）", "R：近期购买分数（5 = 最近购买）"],
    MapAxisFm => [
        "FM: mean of frequency and monetary scores (5 = best)",
        "FM：購買頻率與消費金額分數的平均（5 = 最好）",
        "FM：购买频率与消费金额分数的平均（5 = 最好）",
    ],
    MapClickHint => [
        "Click a cell to list its customers on the Customers page.",
        "按一下方格，即可在「客戶」頁列出該格客戶。",
        "单击方格，即可在“客户”页列出该格客户。",
    ],
    MapNoRfm => [
        "No customer has RFM scores. Import a transaction log (Import… on the Customers page) to see the segment map.",
        "沒有客戶具有 RFM 分數。請匯入交易紀錄（「客戶」頁的「匯入…」）以查看區隔圖。",
        "没有客户具有 RFM 分数。请导入交易记录（“客户”页的“导入…”）以查看细分图。",
    ],
    MapWithout => ["{n} customers without RFM data are not on the map.", "{n} 位客戶沒有 RFM 資料，不在圖上。", "{n} 位客户没有 RFM 数据，不在图上。"],
    CellCustomers => ["Customers: {n}", "客戶：{n} 位", "客户：{n} 位"],
    CellRevenue => ["Revenue {value}", "營收 {value}", "营收 {value}"],
    CellProfit => ["Profit {value}", "利潤 {value}", "利润 {value}"],
    CrossTitle => [
        "Segment × tier: customers (profit)",
        "區隔 × 分級：客戶數（利潤）",
        "细分 × 分级：客户数（利润）",
    ],
    CrossHint => [
        "Champions that lose money are in the first row, loss-making column.",
        "虧損的冠軍客戶位於第一列的虧損欄。",
        "亏损的冠军客户位于第一行的亏损列。",
    ],
    Total => ["Total", "合計", "合计"],
    // Groups
    TabGroups => ["Groups", "客戶群組", "客户群组"],
    GroupsTitle => ["Groups of similar customers", "相似客戶群組", "相似客户群组"],
    GroupsIntro => [
        "k-means on the features you pick, each scaled to its standard deviation. The same data always gives the same groups.",
        "依您選取的特徵進行 k-means 分群，各特徵先依標準差標準化。相同資料一定得到相同群組。",
        "依您选择的特征进行 k-means 聚类，各特征先按标准差标准化。相同数据一定得到相同群组。",
    ],
    Features => ["Features", "特徵", "特征"],
    GroupsK => ["Groups (k)", "群組數（k）", "群组数（k）"],
    RunGrouping => ["Find groups", "尋找群組", "寻找群组"],
    Running => ["Grouping {done} of {total}…", "分群中：{done}/{total}…", "聚类中：{done}/{total}…"],
    Silhouette => ["Silhouette score by k (higher = better separated)", "各 k 的輪廓係數（越高分得越開）", "各 k 的轮廓系数（越高分得越开）"],
    SilhouetteSample => [
        "computed on {n} evenly spaced customers",
        "以 {n} 位平均間隔的客戶計算",
        "以 {n} 位均匀间隔的客户计算",
    ],
    GroupName => ["Name of group {n}", "第 {n} 組名稱", "第 {n} 组名称"],
    GroupSize => ["Customers: {n}", "客戶：{n} 位", "客户：{n} 位"],
    SaveGroups => ["Save groups as tags", "將群組存為標籤", "将群组存为标签"],
    SaveGroupsHint => [
        "Tag each customer with its group's name, so the groups are saved with the scenario and can be filtered. Replaces groups saved before.",
        "以群組名稱標記每位客戶，群組隨情境方案儲存並可篩選。會取代先前儲存的群組。",
        "以群组名称标记每位客户，群组随情景方案保存并可筛选。会替换先前保存的群组。",
    ],
    GroupsSaved => ["Saved {n} groups as tags.", "已將 {n} 個群組存為標籤。", "已将 {n} 个群组存为标签。"],
    GroupsChart => ["Groups on {x} and {y}", "群組分布：{x} 與 {y}", "群组分布：{x} 与 {y}"],
    GroupsChartHint => [
        "The two features that separate the groups best; one point per customer (thinned above 3,000).",
        "最能區分群組的兩個特徵；每點一位客戶（超過 3,000 位時抽樣顯示）。",
        "最能区分群组的两个特征；每点一位客户（超过 3,000 位时抽样显示）。",
    ],
    GroupsError => ["Cannot group: {reason}", "無法分群：{reason}", "无法聚类：{reason}"],
    NoFeatures => ["pick at least one feature", "請至少選取一個特徵", "请至少选择一个特征"],
    TooFew => ["too few customers for {k} groups", "客戶數不足以分成 {k} 組", "客户数不足以分成 {k} 组"],
    SavedGroups => ["Saved groups", "已儲存的群組", "已保存的群组"],
    ShowGroup => ["Show", "顯示", "显示"],
    // Promotions
    SendPromotion => ["Send promotion…", "發送促銷…", "发送促销…"],
    SendPromotionHint => [
        "Add one promotion-log row to every customer the table shows (its filter, segment or group). One Ctrl+Z takes it back.",
        "為表格顯示的每位客戶（依篩選、區隔或群組）新增一筆促銷紀錄。按一次 Ctrl+Z 即可復原。",
        "为表格显示的每位客户（依筛选、细分或群组）添加一条促销记录。按一次 Ctrl+Z 即可撤销。",
    ],
    SendTitle => ["Send promotion", "發送促銷", "发送促销"],
    SendTo => ["To the {n} customers the table shows", "發送給表格顯示的 {n} 位客戶", "发送给表格显示的 {n} 位客户"],
    Campaign => ["Campaign", "活動", "活动"],
    Channel => ["Channel", "管道", "渠道"],
    Date => ["Date", "日期", "日期"],
    Send => ["Send", "發送", "发送"],
    Cancel => ["Cancel", "取消", "取消"],
    NeedCampaign => ["Name the campaign.", "請輸入活動名稱。", "请输入活动名称。"],
    Sent => ["Sent “{campaign}” to {n} customers.", "已向 {n} 位客戶發送「{campaign}」。", "已向 {n} 位客户发送“{campaign}”。"],
    MarkResponses => ["Mark responses…", "標記回應…", "标记回应…"],
    MarkTitle => ["Mark responses", "標記回應", "标记回应"],
    MarkIds => ["Customer ids who responded", "已回應的客戶編號", "已回应的客户编号"],
    MarkIdsHint => [
        "Paste ids separated by spaces, commas or new lines, e.g. a column copied from a spreadsheet.",
        "貼上以空格、逗號或換行分隔的編號，例如從試算表複製的一欄。",
        "粘贴以空格、逗号或换行分隔的编号，例如从电子表格复制的一列。",
    ],
    Mark => ["Mark", "標記", "标记"],
    Marked => [
        "Marked {marked} responses ({already} already marked, {not_reached} not reached, {unknown} unknown ids).",
        "已標記 {marked} 筆回應（{already} 筆先前已標記，{not_reached} 位未收到此活動，{unknown} 個編號不存在）。",
        "已标记 {marked} 条回应（{already} 条先前已标记，{not_reached} 位未收到此活动，{unknown} 个编号不存在）。",
    ],
    // Campaign results
    ResultsTitle => ["Campaign results", "活動成效", "活动成效"],
    Trends => ["Trends", "趨勢", "趋势"],
    ResultsCampaign => ["Campaign", "活動", "活动"],
    ResultsDays => ["Revenue window (days)", "營收計算期間（天）", "营收计算期间（天）"],
    ResultsBy => ["By", "依", "依"],
    BySegment => ["Segment", "RFM 區隔", "RFM 细分"],
    ByTier => ["Tier", "分級", "分级"],
    ColReach => ["Reach", "觸及", "触达"],
    ColResponded => ["Responded", "回應", "回应"],
    ColRate => ["Response rate", "回應率", "回应率"],
    ColRevenue => ["Responders' revenue", "回應者營收", "回应者营收"],
    RevenueNeedsLog => [
        "Responders' revenue needs the purchases: import a transaction log in this session (Import… on the Customers page).",
        "回應者營收需要購買紀錄：請在本次工作階段匯入交易紀錄（「客戶」頁的「匯入…」）。",
        "回应者营收需要购买记录：请在本次会话中导入交易记录（“客户”页的“导入…”）。",
    ],
    RevenueFromLog => [
        "Purchases from {n} log rows imported in this session, {days} days from the promotion date.",
        "依本次工作階段匯入的 {n} 筆交易，自促銷日起 {days} 天內。",
        "依本次会话导入的 {n} 条交易，自促销日起 {days} 天内。",
    ],
    NoCampaigns => ["No promotion has been sent yet.", "尚未發送任何促銷。", "尚未发送任何促销。"],
    RateChart => ["Response rate (%)", "回應率（%）", "回应率（%）"],
    }
}

/// The segment's name.
#[must_use]
pub fn segment_name(lang: Language, segment: RfmSegment) -> &'static str {
    use SegmentKey as K;
    let key = match segment {
        RfmSegment::Champion => K::Champion,
        RfmSegment::Loyal => K::Loyal,
        RfmSegment::PotentialLoyalist => K::PotentialLoyalist,
        RfmSegment::New => K::New,
        RfmSegment::Promising => K::Promising,
        RfmSegment::NeedsAttention => K::NeedsAttention,
        RfmSegment::AboutToSleep => K::AboutToSleep,
        RfmSegment::AtRisk => K::AtRisk,
        RfmSegment::CannotLose => K::CannotLose,
        RfmSegment::Hibernating => K::Hibernating,
        RfmSegment::Lost => K::Lost,
    };
    tr(lang, key)
}

/// The segment's suggested action, one sentence.
#[must_use]
pub fn action_text(lang: Language, segment: RfmSegment) -> &'static str {
    use SegmentKey as K;
    let key = match segment.action() {
        SuggestedAction::RewardAndAskReferrals => K::ActReward,
        SuggestedAction::UpsellAndLoyalty => K::ActUpsell,
        SuggestedAction::OfferBundle => K::ActBundle,
        SuggestedAction::Onboard => K::ActOnboard,
        SuggestedAction::FreeTrial => K::ActTrial,
        SuggestedAction::LimitedOffer => K::ActOffer,
        SuggestedAction::Reconnect => K::ActReconnect,
        SuggestedAction::PersonalContact => K::ActPersonal,
        SuggestedAction::WinBack => K::ActWinBack,
        SuggestedAction::LowCostReactivation => K::ActReactivate,
        SuggestedAction::StopSpending => K::ActStop,
    };
    tr(lang, key)
}

/// The feature's name, lower case in English.
#[must_use]
pub fn feature_name(lang: Language, feature: Feature) -> &'static str {
    use SegmentKey as K;
    let key = match feature {
        Feature::Profit => K::FeatProfit,
        Feature::Margin => K::FeatMargin,
        Feature::Growth => K::FeatGrowth,
        Feature::Recency => K::FeatRecency,
        Feature::Frequency => K::FeatFrequency,
        Feature::Monetary => K::FeatMonetary,
        Feature::Satisfaction => K::FeatSatisfaction,
        Feature::InteractionsPerMonth => K::FeatInteractions,
    };
    tr(lang, key)
}

/// A group's description from what sets it apart: "high margin, rarely contacted".
#[must_use]
pub fn group_description(lang: Language, traits: &[(Feature, Level)]) -> String {
    use SegmentKey as K;
    if traits.is_empty() {
        return tr(lang, K::Average).to_owned();
    }
    traits
        .iter()
        .map(|&(feature, level)| match (feature, level) {
            (Feature::InteractionsPerMonth, Level::Low) => tr(lang, K::LowInteractions).to_owned(),
            (Feature::InteractionsPerMonth, Level::High) => tr(lang, K::HighInteractions).to_owned(),
            (Feature::Recency, Level::Low) => tr(lang, K::LowRecency).to_owned(),
            (Feature::Recency, Level::High) => tr(lang, K::HighRecency).to_owned(),
            (f, Level::High) => trf(lang, K::HighFeature, &[("feature", &feature_name(lang, f))]),
            (f, Level::Low) => trf(lang, K::LowFeature, &[("feature", &feature_name(lang, f))]),
        })
        .collect::<Vec<_>>()
        .join(tr(lang, K::DescriptionJoin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_segments_table_is_complete() {
        super::super::check_table::<SegmentKey>(&[]);
    }

    #[test]
    fn descriptions_read_naturally() {
        let traits = [
            (Feature::Margin, Level::High),
            (Feature::InteractionsPerMonth, Level::Low),
        ];
        assert_eq!(
            group_description(Language::English, &traits),
            "high margin, rarely contacted"
        );
        assert_eq!(
            group_description(Language::TraditionalChinese, &traits),
            "利潤率高、很少聯繫"
        );
        assert_eq!(group_description(Language::SimplifiedChinese, &[]), "接近平均");
    }
}
