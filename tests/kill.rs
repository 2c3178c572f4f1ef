//! SIGKILL during a save, 200 times: the file on disk is always the complete old version or
//! the complete new one, and the next good save leaves no temp file behind.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure here is a test failure"
)]

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use scm_crm_studio::store;

const KILLS: usize = 200;

/// A transaction log that adds `customers` customers: enough that writing the file takes
/// a while, so the kills land before, during and after the write.
fn transaction_log(customers: usize) -> String {
    let mut csv = String::from("customer_id,date,amount\n");
    for i in 0..customers {
        let _ = writeln!(
            csv,
            "K{i:06},2026-{:02}-{:02},{}.50",
            i % 11 + 1,
            i % 25 + 1,
            1000 + i % 9000
        );
    }
    csv
}

fn import(log: &Path, into: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_scm-crm-studio"));
    command
        .args(["import", "transactions"])
        .arg(log)
        .arg("--into")
        .arg(into)
        .args(["--reference-date", "2026-11-26"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// A repeatable stream of numbers in 0..1 (splitmix64), so a failing kill can be replayed.
struct Moments(u64);

impl Moments {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1_u64 << 53) as f64
    }
}

fn temp_files(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            Path::new(name)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("tmp"))
        })
        .collect()
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.csv");
    std::fs::write(&log, transaction_log(8_000)).unwrap();
    let file = dir.path().join("harbor.ron");
    let old =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/harbor-logistics.ron"))
            .unwrap();

    // One uninterrupted run: what the new version looks like and how long a run takes.
    std::fs::write(&file, &old).unwrap();
    let started = Instant::now();
    assert!(import(&log, &file).status().unwrap().success());
    let full_run = started.elapsed();
    let new = std::fs::read(&file).unwrap();
    assert_ne!(old, new);
    assert_eq!(store::load(&file).unwrap().scenario.customers.len(), 30 + 8_000);

    let mut moments = Moments(20_261_201);
    let (mut kept_old, mut got_new) = (0, 0);
    for kill in 0..KILLS {
        std::fs::write(&file, &old).unwrap();
        let mut child = import(&log, &file).spawn().unwrap();
        // Anywhere from at once to a little past a full run.
        std::thread::sleep(full_run.mul_f64(1.1 * moments.next()));
        let _ = child.kill();
        child.wait().unwrap();
        let now = std::fs::read(&file).unwrap();
        if now == old {
            kept_old += 1;
        } else if now == new {
            got_new += 1;
        } else {
            panic!(
                "kill {kill}: the file is neither the old version nor the new one ({} bytes)",
                now.len()
            );
        }
        assert!(
            store::load(&file).is_ok(),
            "kill {kill}: the file no longer opens"
        );
    }
    assert_eq!(kept_old + got_new, KILLS);
    // Both outcomes happened, so the kills really landed on both sides of the rename.
    assert!(kept_old > 0 && got_new > 0, "old {kept_old}, new {got_new}");

    // The next good save removes the temp files the killed saves left behind.
    assert!(import(&log, &file).status().unwrap().success());
    assert_eq!(temp_files(dir.path()), Vec::<String>::new());
    assert_eq!(std::fs::read(&file).unwrap(), new);
}
