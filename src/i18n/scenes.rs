//! Texts of the Scenes panel and presenter mode.

crate::string_table! {
    /// A text about lesson scenes and presenting.
    SceneKey {
    MenuScenes => ["Scenes", "場景", "场景"],
    MenuPresent => ["Present", "簡報模式", "演示模式"],
    Title => ["Scenes", "場景", "场景"],
    Intro => ["Saved views for a lesson. Go to one, or present them all with F5.", "為課堂儲存的檢視。可前往任一場景，或按 F5 依序簡報。", "为课堂保存的视图。可前往任一场景，或按 F5 依次演示。"],
    NoScenes => ["No scenes yet: set up a view, then add it.", "還沒有場景：先調好檢視，再加入。", "还没有场景：先调好视图，再添加。"],
    Add => ["Add from current view", "從目前檢視新增", "从当前视图添加"],
    AddHint => ["Save the page, tab, selection, filter and what-if shown now as a new scene", "把目前的頁面、分頁、選取、篩選和假設分析存成新場景", "把当前的页面、标签、选择、筛选和假设分析保存为新场景"],
    Update => ["Update", "更新", "更新"],
    UpdateHint => ["Replace this scene's view with the current one; the title and note stay", "以目前檢視取代此場景的檢視；標題與備註不變", "以当前视图替换此场景的视图；标题和备注不变"],
    Rename => ["Rename", "改名", "改名"],
    SceneTitle => ["Scene title", "場景標題", "场景标题"],
    SpeakerNote => ["Speaker note", "講者備註", "讲者备注"],
    Done => ["Done", "完成", "完成"],
    MoveUp => ["Move up", "上移", "上移"],
    MoveDown => ["Move down", "下移", "下移"],
    Delete => ["Delete", "刪除", "删除"],
    GoTo => ["Go to", "前往", "前往"],
    GoToHint => ["Show this scene: its page, tab, selection, filter and what-if", "顯示此場景：頁面、分頁、選取、篩選和假設分析", "显示此场景：页面、标签、选择、筛选和假设分析"],
    NewTitle => ["Scene {n}", "場景 {n}", "场景 {n}"],
    Counter => ["{n} / {total}", "{n} / {total}", "{n} / {total}"],
    NotesTitle => ["Speaker notes", "講者備註", "讲者备注"],
    NoNote => ["No note for this scene.", "此場景沒有備註。", "此场景没有备注。"],
    NextUp => ["Next: {title}", "下一個：{title}", "下一个：{title}"],
    LastScene => ["This is the last scene.", "這是最後一個場景。", "这是最后一个场景。"],
    MissingCustomer => ["customer {id}", "客戶 {id}", "客户 {id}"],
    MissingDispute => ["dispute {id}", "糾紛 {id}", "纠纷 {id}"],
    KeyPresent => ["Start presenting", "開始簡報", "开始演示"],
    KeyLeave => ["Stop presenting", "結束簡報", "结束演示"],
    KeyNext => ["Next scene", "下一個場景", "下一个场景"],
    KeyPrevious => ["Previous scene", "上一個場景", "上一个场景"],
    KeyJump => ["Go to scene 1–9", "跳到第 1–9 個場景", "跳到第 1–9 个场景"],
    KeyPointer => ["Show a pointer dot while held", "按住時顯示指示圓點", "按住时显示指示圆点"],
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_is_complete() {
        super::super::check_table::<super::SceneKey>(&[super::SceneKey::Counter]);
    }
}
