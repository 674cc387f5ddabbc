//! Output written while it is laid out: a table much taller than the screen goes to the pager
//! (or to a pipe) a row at a time, and whatever ends the reading early ends igf quietly.

mod common;
mod pty;

use common::documents::{context, documents};
use igf::data;
use igf::present::layout::{self, Layout};
use igf::present::Lang;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Every session of the programme, one table: hundreds of lines at 80 columns.
const TALL_TABLE: &str = "list";
const XTERM: [(&str, &str); 3] = [
    ("TERM", "xterm-256color"),
    ("XTERM_VERSION", "XTerm(379)"),
    ("LINES", "20"),
];

fn with<'a>(more: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    XTERM.iter().chain(more).copied().collect()
}

/// A directory of its own for a test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("igf-streaming-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn a_table_taller_than_the_screen_reaches_the_pager_whole_and_as_printed_directly() {
    let dir = scratch("whole");
    let input = dir.join("input");
    let pager = format!("tee '{}'", input.display());
    let paged = pty::igf(TALL_TABLE, &with(&[("IGF_PAGER", &pager)]));
    let direct = pty::igf(&format!("{TALL_TABLE} --no-pager"), &with(&[]));
    assert_eq!(paged.status, 0);
    let input = std::fs::read_to_string(&input).expect("the pager ran");
    assert!(input.lines().count() > 10 * 20, "{} lines", input.lines().count());
    assert_eq!(
        paged.bytes, direct.bytes,
        "the pager passed on what igf prints without it"
    );
    assert_eq!(
        format!("{}{input}{}", pty::EXPLICIT, pty::IMPLICIT),
        direct.bytes,
        "the pager was given every line, in order, without the terminal's requests"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_pager_quit_after_the_first_screen_ends_igf_quietly() {
    // `head` reads the first lines and exits, as less does when the user quits: igf is then
    // writing the rest of the table into a closed pipe.
    let screen = pty::igf(TALL_TABLE, &with(&[("IGF_PAGER", "head -n 3")]));
    assert_eq!(screen.status, 0);
    let shown = screen.bytes.replace(pty::EXPLICIT, "").replace(pty::IMPLICIT, "");
    assert_eq!(shown.lines().count(), 3, "{shown}");
    assert!(!shown.contains("igf:"), "nothing to complain about: {shown}");
}

#[test]
fn a_pager_that_fails_after_reading_part_of_the_table_loses_nothing() {
    let direct = pty::igf(&format!("{TALL_TABLE} --no-pager"), &with(&[]));
    let screen = pty::igf(
        TALL_TABLE,
        &with(&[("IGF_PAGER", "sh -c 'head -n 30 > /dev/null; exit 4'")]),
    );
    assert_eq!(screen.status, 0);
    let complaint = pty::complaint(&screen.bytes, "exit 4");
    assert_eq!(screen.bytes.replacen(complaint, "", 1), direct.bytes);
}

#[test]
fn a_pipe_closed_in_the_middle_of_a_table_ends_igf_with_success_and_no_message() {
    let igf = || {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("igf"));
        command.arg(TALL_TABLE).env_clear().env("COLUMNS", "300");
        command
    };
    // The whole table is more than a pipe holds, so igf is still writing when it is closed.
    let whole = igf().output().expect("igf runs").stdout;
    assert!(whole.len() > 2 * 64 * 1024, "{} bytes", whole.len());
    let mut child = igf()
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("igf runs");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    stdout.read_line(&mut first).expect("a first line");
    assert!(first.starts_with('┌'), "{first}");
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr");
    let status = child.wait().expect("igf ends");
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn lines_are_handed_over_as_they_are_laid_out_and_the_first_error_stops_the_layout() {
    let data = data::bundled();
    for lang in [Lang::Ar, Lang::En] {
        let ctx = context(lang);
        for (name, _, doc) in documents(&ctx, &data) {
            for visual in [true, false] {
                let layout = Layout {
                    rtl: lang == Lang::Ar,
                    visual,
                    width: 80,
                    colour: true,
                };
                let whole = layout::lines(&doc, &layout);
                let mut written = Vec::new();
                layout::write(&doc, &layout, &mut |line| {
                    written.push(line.to_owned());
                    Ok(())
                })
                .expect("no error");
                assert_eq!(written, whole, "{name}");
                if whole.len() < 3 {
                    continue;
                }
                let mut taken = 0;
                let stopped = layout::write(&doc, &layout, &mut |_| {
                    taken += 1;
                    if taken == 2 {
                        Err(std::io::ErrorKind::BrokenPipe.into())
                    } else {
                        Ok(())
                    }
                });
                assert_eq!(stopped.map_err(|e| e.kind()), Err(std::io::ErrorKind::BrokenPipe));
                assert_eq!(taken, 2, "{name}: lines after the error");
            }
        }
    }
}
