//! Work that may take a while (opening a big file, reading a big import) on its own thread,
//! with a progress bar and a Cancel button once it takes longer than [`SHOW_AFTER`].
//!
//! Short work still feels synchronous: [`Job::start`] waits up to [`SHOW_AFTER`] for the
//! result, so a small file opens within the same frame, as before. Longer work keeps running
//! on its thread while the window repaints, and its result is taken by [`Job::poll`] — or
//! dropped, when the user cancels, so nothing it would have changed changes.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::Duration;

use crate::i18n::{Key, tr};
use crate::model::Language;
use crate::store::Progress;

/// Work shorter than this finishes before the frame goes on; longer work shows progress.
pub const SHOW_AFTER: Duration = Duration::from_millis(300);

/// Work running on its own thread.
pub struct Job<T> {
    progress: Arc<Progress>,
    result: Receiver<T>,
}

/// What [`Job::start`] or [`Job::poll`] found.
pub enum Poll<T> {
    /// The work is done.
    Done(T),
    /// Still running.
    Running(Job<T>),
    /// The thread ended without a result (it panicked); nothing was changed.
    Lost,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread and waits up to `wait` for it.
    pub fn start(wait: Duration, work: impl FnOnce(&Progress) -> T + Send + 'static) -> Poll<T> {
        Self::spawn(work).map_or(Poll::Lost, |job| job.wait(wait))
    }

    /// Starts `work` on a thread without waiting; `None` when no thread could be made.
    pub fn spawn(work: impl FnOnce(&Progress) -> T + Send + 'static) -> Option<Self> {
        let progress = Arc::new(Progress::default());
        let (send, result) = mpsc::channel();
        let shared = Arc::clone(&progress);
        std::thread::Builder::new()
            .name("scm-crm-job".to_owned())
            .spawn(move || {
                // The receiver is gone when the job was cancelled: the result is not wanted.
                let _ = send.send(work(&shared));
            })
            .ok()?;
        Some(Self { progress, result })
    }

    /// Waits up to `wait` for the result.
    pub fn wait(self, wait: Duration) -> Poll<T> {
        match self.result.recv_timeout(wait) {
            Ok(done) => Poll::Done(done),
            Err(RecvTimeoutError::Timeout) => Poll::Running(self),
            Err(RecvTimeoutError::Disconnected) => Poll::Lost,
        }
    }

    /// Takes the result if it is there.
    #[must_use]
    pub fn poll(self) -> Poll<T> {
        match self.result.try_recv() {
            Ok(done) => Poll::Done(done),
            Err(TryRecvError::Empty) => Poll::Running(self),
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }

    /// How far the work has come, from 0 to 1.
    #[must_use]
    pub fn fraction(&self) -> f32 {
        self.progress.fraction()
    }

    /// Asks the work to stop; its result, if it still comes, is dropped with the job.
    pub fn cancel(self) {
        self.progress.cancel();
    }
}

/// The modal progress window over the app while a job runs; true when Cancel is clicked.
/// `what` says what is being done ("Opening big.ron").
pub fn progress_ui(ctx: &egui::Context, lang: Language, what: &str, fraction: f32) -> bool {
    // Keep the bar moving while the work runs on its own thread.
    ctx.request_repaint_after(Duration::from_millis(100));
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("job_progress")).show(ctx, |ui| {
        ui.set_width(360.0);
        ui.label(what);
        ui.add(egui::ProgressBar::new(fraction).show_percentage().animate(true));
        ui.horizontal(|ui| {
            if ui.button(tr(lang, Key::ButtonCancel)).clicked() {
                cancel = true;
            }
            ui.weak(tr(lang, Key::JobCancelHint));
        });
    });
    cancel
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_work_is_done_at_once_and_slow_work_can_be_cancelled() {
        let Poll::Done(n) = Job::start(Duration::from_secs(5), |_| 42) else {
            panic!("quick work finishes within the wait");
        };
        assert_eq!(n, 42);
        let (release, gate) = mpsc::channel::<()>();
        let Poll::Running(job) = Job::start(Duration::from_millis(10), move |p| {
            let _ = gate.recv();
            p.is_cancelled()
        }) else {
            panic!("blocked work is still running");
        };
        let Poll::Running(job) = job.poll() else {
            panic!("still blocked");
        };
        job.cancel();
        release.send(()).unwrap();
    }
}
