//! How far a long read or import has come, and a way to stop it, shared between the thread
//! doing the work and the window showing a progress bar.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Bytes done out of a total, and whether the user asked to stop. The worker updates it and
/// checks [`Self::is_cancelled`] between pieces of work; the window only reads it.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    cancelled: AtomicBool,
}

impl Progress {
    /// Sets the amount of work, in bytes.
    pub fn set_total(&self, bytes: u64) {
        self.total.store(bytes, Ordering::Relaxed);
    }

    /// Records that the first `bytes` bytes are done.
    pub fn set_done(&self, bytes: u64) {
        self.done.store(bytes, Ordering::Relaxed);
    }

    /// From 0 to 1; 0 while the total is unknown.
    #[must_use]
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        (self.done.load(Ordering::Relaxed) as f64 / total as f64).clamp(0.0, 1.0) as f32
    }

    /// Asks the work to stop at its next check.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// True once [`Self::cancel`] was called.
    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fraction_stays_between_zero_and_one() {
        let p = Progress::default();
        assert!(p.fraction().abs() < f32::EPSILON, "no total yet");
        p.set_total(200);
        p.set_done(50);
        assert!((p.fraction() - 0.25).abs() < 1e-6);
        p.set_done(400);
        assert!((p.fraction() - 1.0).abs() < 1e-6);
        assert!(!p.is_cancelled());
        p.cancel();
        assert!(p.is_cancelled());
    }
}
