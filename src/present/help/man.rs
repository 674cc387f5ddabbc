//! The manual page, in roff, from the same definition and words as `--help`: one page that
//! documents every command with its own options, then the options every command takes.

use super::{about, arg_description, commands, definition, shown_args, synopsis, usage, words, EXAMPLES, EXIT_CODES};
use crate::present::Lang;

/// Words only the manual uses.
pub struct ManWords {
    /// The centre of the page header.
    pub title: &'static str,
    pub name: &'static str,
    pub synopsis: &'static str,
    pub description: &'static str,
    /// How the interface language and the display of Arabic are chosen.
    pub languages: &'static str,
}

/// Text made safe for roff: backslashes written as `\e`, and a leading `.` or `'` kept from being
/// read as a request.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// Command lines and option names, with their hyphens as minus signs so they can be copied.
fn literal(text: &str) -> String {
    roff(text).replace('-', "\\-")
}

/// The section heading: upper case where the script has case.
fn heading(out: &mut String, text: &str) {
    out.push_str(&format!(".SH \"{}\"\n", text.to_uppercase()));
}

fn tagged(out: &mut String, tag: &str, text: &str) {
    out.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", literal(tag), roff(text)));
}

/// The manual page of `igf` in `lang`.
pub fn page(lang: Lang) -> String {
    let root = definition();
    let w = words(lang);
    let m = &w.man;
    let name = root.get_name();
    let version = root.get_version().unwrap_or_default();
    let mut out = String::new();
    out.push_str(&format!(".TH IGF 1 \"\" \"{name} {version}\" \"{}\"\n", roff(m.title)));
    if lang == Lang::Ar {
        // Arabic words must not be broken with a Latin hyphen.
        out.push_str(".nh\n");
    }
    heading(&mut out, m.name);
    let summary = about(lang, name, &root).unwrap_or_default();
    out.push_str(&format!("{name} \\- {}\n", roff(&summary)));
    heading(&mut out, m.synopsis);
    out.push_str(&format!("{}\n", literal(&usage(lang, name, &root))));
    heading(&mut out, m.description);
    out.push_str(&format!(
        "{}\n.PP\n{}\n.PP\n{}\n",
        roff(&summary),
        roff(m.languages),
        roff(w.times_note)
    ));

    heading(&mut out, w.commands);
    for (path, cmd) in commands(&root).into_iter().skip(1) {
        // `igf help list` and the like repeat the commands they explain.
        if path.split(' ').count() > 2 || cmd.is_hide_set() {
            continue;
        }
        out.push_str(&format!(".SS \"{}\"\n", literal(&usage(lang, &path, cmd))));
        out.push_str(&format!("{}\n", roff(&about(lang, &path, cmd).unwrap_or_default())));
        for arg in shown_args(cmd, false, false) {
            tagged(&mut out, &synopsis(arg), &arg_description(lang, &path, arg));
        }
    }

    heading(&mut out, w.global_options);
    for arg in shown_args(&root, true, true) {
        tagged(&mut out, &synopsis(arg), &arg_description(lang, name, arg));
    }

    heading(&mut out, w.examples);
    for (example, note) in EXAMPLES.iter().zip(w.example_notes) {
        tagged(&mut out, example, note);
    }

    heading(&mut out, w.exit_status);
    for (code, meaning) in EXIT_CODES.iter().zip(w.exit_codes) {
        tagged(&mut out, &code.code().to_string(), meaning);
    }

    heading(&mut out, w.environment);
    for arg in root.get_arguments() {
        if let (Some(env), Some(long)) = (arg.get_env(), arg.get_long()) {
            let text = super::arg_text(lang, name, arg).unwrap_or_default();
            tagged(&mut out, &env.to_string_lossy(), &format!("{text} (--{long})"));
        }
    }
    for (variable, meaning) in w.other_variables {
        tagged(&mut out, variable, meaning);
    }
    out
}
