//! An empty eframe window that closes after its first frame: the floor `benches/startup.sh`
//! measures the app's start against (the window, the renderer and egui's default fonts, on the
//! same machine, with nothing of the app).

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_ui_native("empty window", options, |ui, _frame| {
        ui.label("An empty window");
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    })
}
