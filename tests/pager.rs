//! Paging, as a person at a terminal sees it: a fake pager records what it was given (its
//! arguments, its input, the LESS it saw) and passes its input on to the terminal like less.

mod pty;

use pty::{is_shaped, EXPLICIT, IMPLICIT};
use std::path::{Path, PathBuf};

/// OF21 takes several dozen lines at 80 columns; the list of one quiet day a handful.
const TALL: &str = "show OF21";

/// A directory holding a fake pager script named `name`, which writes its arguments, `LESS` and
/// input into files next to it and copies its input to the terminal.
struct FakePager {
    dir: PathBuf,
    name: &'static str,
}

impl FakePager {
    fn new(test: &str, name: &'static str) -> Self {
        let dir = std::env::temp_dir().join(format!("igf-pager-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let script = format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{d}/args'\nprintf '%s' \"${{LESS-(unset)}}\" > '{d}/less'\ntee '{d}/input'\n",
            d = dir.display()
        );
        let path = dir.join(name);
        std::fs::write(&path, script).expect("write fake pager");
        make_executable(&path);
        FakePager { dir, name }
    }

    fn path(&self) -> String {
        self.dir.join(self.name).display().to_string()
    }

    fn ran(&self) -> bool {
        self.dir.join("input").exists()
    }

    fn read(&self, what: &str) -> String {
        std::fs::read_to_string(self.dir.join(what)).unwrap_or_else(|e| panic!("the pager's {what}: {e}"))
    }

    /// `PATH` with this directory first, so a fake `less` is found before the real one.
    fn path_first(&self) -> String {
        format!("{}:{}", self.dir.display(), std::env::var("PATH").unwrap_or_default())
    }
}

impl Drop for FakePager {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[cfg(unix)]
fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

const XTERM: [(&str, &str); 2] = [("TERM", "xterm-256color"), ("XTERM_VERSION", "XTerm(379)")];

fn with<'a>(base: &[(&'a str, &'a str)], more: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    base.iter().chain(more).copied().collect()
}

#[test]
fn taller_than_the_screen_goes_through_the_pager_with_bdsm_kept_out_of_its_input() {
    let pager = FakePager::new("tall", "fake-pager");
    let command = format!("{} --flag", pager.path());
    let paged = pty::igf(TALL, &with(&XTERM, &[("LINES", "20"), ("IGF_PAGER", &command)]));
    assert_eq!(paged.status, 0);
    assert!(pager.ran(), "the pager was not run");
    assert_eq!(pager.read("args"), "--flag\n");
    assert_eq!(pager.read("less"), "FRX", "LESS defaults as git's, when unset");
    let input = pager.read("input");
    assert!(!input.contains('\x1b'), "BDSM goes to the terminal, not into the pager");
    assert!(is_shaped(&input), "visual text for xterm");
    assert!(input.lines().count() >= 20);
    // The terminal sees explicit mode set before the pager shows the text and reset after, so
    // the screen is the same as without the pager.
    assert_eq!(paged.bytes, format!("{EXPLICIT}{input}{IMPLICIT}"));
    let direct = pty::igf(&format!("{TALL} --no-pager"), &with(&XTERM, &[("LINES", "20")]));
    assert_eq!(direct.bytes, paged.bytes);
}

#[test]
fn output_that_fits_is_printed_directly() {
    let pager = FakePager::new("short", "fake-pager");
    let screen = pty::igf(TALL, &with(&XTERM, &[("LINES", "500"), ("IGF_PAGER", &pager.path())]));
    assert!(!pager.ran());
    assert!(screen.bytes.starts_with(EXPLICIT) && is_shaped(&screen.bytes));
}

#[test]
fn the_pty_height_is_used_when_lines_is_not_set() {
    let pager = FakePager::new("stty", "fake-pager");
    let path = pager.path();
    let env = with(&XTERM, &[("IGF_PAGER", &path)]);
    pty::run(&format!("stty rows 200 cols 80; \"$IGF\" {TALL}"), &env);
    assert!(!pager.ran(), "fits on 200 rows");
    pty::run(&format!("stty rows 15 cols 80; \"$IGF\" {TALL}"), &env);
    assert!(pager.ran(), "taller than 15 rows");
}

#[test]
fn no_pager_flag_and_empty_or_cat_pager_turn_it_off() {
    let pager = FakePager::new("off", "fake-pager");
    let path = pager.path();
    let cases: [(&str, Vec<(&str, &str)>); 4] = [
        ("--no-pager", vec![("IGF_PAGER", path.as_str())]),
        ("", vec![("IGF_PAGER", ""), ("PAGER", path.as_str())]),
        ("", vec![("IGF_PAGER", "cat")]),
        ("", vec![("PAGER", "cat")]),
    ];
    for (flag, vars) in cases {
        let mut env = with(&XTERM, &[("LINES", "10")]);
        env.extend(vars.iter().copied());
        let screen = pty::igf(&format!("{TALL} {flag}"), &env);
        assert!(!pager.ran(), "{flag} {vars:?}");
        assert!(screen.bytes.lines().count() > 10, "{flag} {vars:?}: printed in full");
    }
}

#[test]
fn pager_falls_back_to_pager_then_to_less_dash_r() {
    let pager = FakePager::new("pager-var", "fake-pager");
    pty::igf(TALL, &with(&XTERM, &[("LINES", "10"), ("PAGER", &pager.path())]));
    assert!(pager.ran(), "PAGER is used when IGF_PAGER is not set");

    let less = FakePager::new("default", "less");
    let path = less.path_first();
    pty::igf(TALL, &with(&XTERM, &[("LINES", "10"), ("PATH", &path), ("LESS", "-S")]));
    assert!(less.ran(), "less is the default");
    assert_eq!(less.read("args"), "-R\n");
    assert_eq!(less.read("less"), "-S", "the user's LESS is left alone");
}

#[test]
fn a_missing_pager_loses_nothing() {
    let env = with(&XTERM, &[("LINES", "10")]);
    let direct = pty::igf(&format!("{TALL} --no-pager"), &env);
    // Run directly, and through the shell (the quotes need one).
    // Missing, and failing: a pager that ends with an error may have shown nothing.
    for missing in [
        "/nonexistent/pager -x",
        "no-such-pager-program --prompt='a b'",
        "false",
        "sh -c 'exit 3'",
    ] {
        let screen = pty::igf(TALL, &with(&env, &[("IGF_PAGER", missing)]));
        assert_eq!(screen.status, 0, "{missing}");
        // Standard error (the same terminal) says the pager could not be run; apart from that
        // the screen is what it is without a pager.
        let program = missing.split(' ').next().unwrap_or_default();
        let program = if program == "sh" { "exit 3" } else { program };
        let complaint = pty::complaint(&screen.bytes, program);
        assert_eq!(
            screen.bytes.replacen(complaint, "", 1),
            direct.bytes,
            "{missing}: output lost or changed"
        );
    }
}

#[test]
fn a_pager_killed_through_the_shell_is_not_followed_by_the_whole_output() {
    let env = with(&XTERM, &[("LINES", "10")]);
    // The shell reports 137 for the pager it ran being killed: the user stopped it.
    let killed = "sh -c 'head -c 10 >/dev/null; kill -KILL $$'";
    let screen = pty::igf(TALL, &with(&env, &[("IGF_PAGER", killed)]));
    assert_eq!(screen.status, 0);
    assert!(
        !screen.bytes.contains("Sasha") && !screen.bytes.contains("pager"),
        "{}",
        screen.bytes
    );
}

#[test]
fn konsole_pages_logical_text_and_vte_visual_text() {
    let pager = FakePager::new("konsole", "fake-pager");
    let konsole = [
        ("TERM", "xterm-256color"),
        ("KONSOLE_VERSION", "230805"),
        ("LINES", "10"),
    ];
    let screen = pty::igf(TALL, &with(&konsole, &[("IGF_PAGER", &pager.path())]));
    let input = pager.read("input");
    assert!(
        !is_shaped(&input) && input.contains("تعزيز قدرات"),
        "logical text for Konsole"
    );
    assert!(!screen.bytes.contains('\x1b'), "no BDSM for Konsole");

    let pager = FakePager::new("vte", "fake-pager");
    let vte = [("TERM", "xterm-256color"), ("VTE_VERSION", "7600"), ("LINES", "10")];
    let screen = pty::igf(TALL, &with(&vte, &[("IGF_PAGER", &pager.path())]));
    assert!(is_shaped(&pager.read("input")), "visual text for VTE");
    assert!(screen.bytes.starts_with(EXPLICIT) && screen.bytes.ends_with(IMPLICIT));
}

#[test]
fn pipes_are_never_paged_and_stay_logical() {
    let pager = FakePager::new("pipe", "fake-pager");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("igf"))
        .args(["show", "OF21"])
        .env_clear()
        .envs(XTERM)
        .env("LINES", "5")
        .env("IGF_PAGER", pager.path())
        .output()
        .expect("igf runs");
    assert!(!pager.ran());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("تعزيز قدرات") && !text.contains('\x1b'));
}
