//! Running igf on a pseudo-terminal (util-linux `script`) in an environment made from scratch,
//! so that what the test machine itself runs in (tmux, a VTE terminal, ...) cannot leak in.
#![allow(dead_code)]

use std::process::Command;

pub const EXPLICIT: &str = "\x1b[8l";
pub const IMPLICIT: &str = "\x1b[8h";

/// What the terminal received, with the pseudo-terminal's CR LF line ends turned back into LF.
pub struct Screen {
    pub bytes: String,
    pub status: i32,
}

/// Runs `igf` with `args` on a pseudo-terminal; see [`run`].
pub fn igf(args: &str, env: &[(&str, &str)]) -> Screen {
    run(&format!("\"$IGF\" {args}"), env)
}

/// Runs the shell command `script_text` (in which `$IGF` is the binary under test) on a
/// pseudo-terminal with only `env` (plus `PATH`, and `COLUMNS=80` unless given) set.
pub fn run(script_text: &str, env: &[(&str, &str)]) -> Screen {
    let mut cmd = Command::new("script");
    cmd.args(["-qec", script_text, "/dev/null"])
        .env_clear()
        .env("SHELL", "/bin/sh")
        .env("IGF", assert_cmd::cargo::cargo_bin("igf"));
    if !env.iter().any(|(k, _)| *k == "PATH") {
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
    }
    if !env.iter().any(|(k, _)| *k == "COLUMNS") {
        cmd.env("COLUMNS", "80");
    }
    cmd.envs(env.iter().copied());
    let out = cmd.output().expect("script (util-linux) runs");
    Screen {
        bytes: String::from_utf8(out.stdout).expect("UTF-8").replace("\r\n", "\n"),
        status: out.status.code().unwrap_or(-1),
    }
}

/// Arabic presentation forms: only visual (shaped) output has them.
pub fn is_shaped(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{FB50}'..='\u{FDFF}').contains(&c) || ('\u{FE70}'..='\u{FEFF}').contains(&c))
}

/// What standard error said on the screen `bytes` about `said` (a text it contains): igf lays
/// an error out like every document (visual and in explicit mode here, then asking for
/// explicit mode again for the rest of the output), while a shell that could not find a pager
/// says so in a line of its own.
pub fn complaint<'b>(bytes: &'b str, said: &str) -> &'b str {
    let at = bytes
        .find(said)
        .unwrap_or_else(|| panic!("{said:?} is not said: {bytes:.300}"));
    let resumed = format!("{IMPLICIT}{EXPLICIT}");
    // The output's own explicit mode starts at 0; an error's starts after it.
    match (bytes[..at].rfind(EXPLICIT), bytes[at..].find(&resumed)) {
        (Some(start), Some(end)) if start > 0 => &bytes[start..at + end + resumed.len()],
        _ => {
            let start = bytes[..at].rfind('\n').map_or(0, |n| n + 1);
            let end = at + bytes[at..].find('\n').map_or(bytes.len() - at, |n| n + 1);
            bytes[start..end].trim_start_matches(EXPLICIT)
        }
    }
}
