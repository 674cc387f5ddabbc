//! Reading a programme file. This is the only module that knows the file format is YAML: serde_yaml
//! is deprecated upstream, and keeping it behind one door makes it cheap to replace.
//!
//! A bad file costs no more than a good one: sessions are parsed one batch at a time, and only a
//! batch that fails is parsed again, session by session, to say what is wrong with each.

use super::model::{Body, Dataset, Forum, Organisation, Session};
use super::scan::{Layout, Mark};
use super::DataError;
use crate::present::messages;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::Deserialize;

/// Files above this are refused: a schedule is kilobytes, and a huge file is far more likely a
/// mistake (or an attack) than a programme. Enforced on the bytes read, so devices and pipes,
/// which report no length, are bounded too.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Lists and mappings may nest this deep. The programme needs five levels (sessions, a session,
/// its speakers, a speaker, a field); the limit is checked by a linear scan before the YAML parser
/// sees the text, which would otherwise spend seconds on a file of nested brackets.
pub const MAX_DEPTH: usize = 64;

/// A parsed programme, the byte range of each session in the text (empty when the file's layout
/// did not allow finding them), and every problem found while parsing.
pub struct Parsed {
    /// None when not even the file's frame (forum, bodies) could be read.
    pub dataset: Option<Dataset>,
    pub places: Vec<(usize, usize)>,
    pub problems: Vec<DataError>,
}

/// Parses `text` (the contents of `origin`); the tests' shorthand for [`parse_at`].
#[cfg(test)]
pub fn parse(text: &str, origin: &str) -> Parsed {
    parse_at(text, origin, None)
}

/// Parses `text`, the contents of `origin`, whose address as a URL is `address` when known (an
/// imported schedule names it as the source of events that give none).
pub fn parse_at(text: &str, origin: &str, address: Option<&str>) -> Parsed {
    let text_lines = Lines::new(text);
    // A refusal of the whole file, found by the scan, at the line of this offset.
    let refused_at =
        |offset: usize, message: String| failed(DataError::at(origin, Some((text_lines.line_of(offset), 1)), message));
    let m = messages::current();
    let layout = super::scan::layout(text, MAX_DEPTH);
    if let Some(problem) = layout.too_deep {
        return refused_at(problem, (m.too_deep)(MAX_DEPTH));
    }
    if let Some(schedule) = super::frab::parse_if_schedule(origin, address, text) {
        return match schedule {
            Ok(dataset) => Parsed {
                dataset: Some(dataset),
                places: Vec::new(),
                problems: Vec::new(),
            },
            Err(problems) => Parsed {
                dataset: None,
                places: Vec::new(),
                problems,
            },
        };
    }
    if let Some(key) = layout.repeated_key {
        return refused_at(key.at, (m.duplicate_key)(&m.quoted(key.name.trim_end())));
    }
    let definitions = match Definitions::new(&layout) {
        Ok(definitions) => definitions,
        Err((first, again)) => {
            let anchor = m.quoted(&format!("&{}", again.name));
            return refused_at(again.at, (m.anchor_defined_twice)(&anchor, text_lines.line_of(first)));
        }
    };
    if let Some(alias) = repeats_past_limit(&layout, &definitions) {
        return refused_at(alias, (m.too_much_repeated)(MAX_REPEATED_BYTES / (1024 * 1024)));
    }
    if !layout.irregular {
        if let Some(parsed) = parse_in_pieces(text, origin, &text_lines, &layout, &definitions) {
            return parsed;
        }
    }
    parse_whole(text, origin)
}

fn failed(problem: DataError) -> Parsed {
    Parsed {
        dataset: None,
        places: Vec::new(),
        problems: vec![problem],
    }
}

/// Where lines start in a text, to turn byte offsets into 1-based line numbers. The text is
/// indexed on the first question only: a sound file is never asked.
pub struct Lines<'t> {
    text: &'t str,
    starts: std::sync::OnceLock<Vec<usize>>,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str) -> Self {
        Lines {
            text,
            starts: std::sync::OnceLock::new(),
        }
    }

    pub fn line_of(&self, offset: usize) -> usize {
        let starts = self.starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.text.match_indices('\n').map(|(at, _)| at + 1));
            starts
        });
        starts.partition_point(|&s| s <= offset)
    }
}

/// Parses a block-style programme one batch of sessions at a time. serde_yaml holds every event
/// of the text it parses in memory, which for a whole 30 MB programme is several hundred MB; a
/// batch at a time keeps that to a few sessions' worth. None when the layout does not allow it
/// (no block-style `sessions:` list, a chain of aliases too long to bring in front of a batch,
/// or preludes that would cost more than the file): the whole file is then parsed as one
/// document.
fn parse_in_pieces(
    text: &str,
    origin: &str,
    lines: &Lines,
    layout: &Layout,
    definitions: &Definitions,
) -> Option<Parsed> {
    let block = layout.sessions.as_ref()?;
    if block.items.is_empty() {
        return None;
    }
    let starts = block.items.iter().copied();
    let ends = block.items.iter().skip(1).copied().chain(std::iter::once(block.end));
    let ranges: Vec<(usize, usize)> = starts.zip(ends).collect();
    let anchors = Anchors::new(text, layout, definitions, block, &ranges);
    // Lists after the sessions (bodies, organisations) may refer to anchors in sessions: those
    // sessions stand in for the list in the skeleton, and are dropped.
    let kept = anchors.prelude(block.end, text.len(), Bring::Sessions)?;
    let skeleton = if kept.text.is_empty() {
        format!("{}sessions: []\n{}", &text[..block.key], &text[block.end..])
    } else {
        format!("{}sessions:\n{}{}", &text[..block.key], kept.text, &text[block.end..])
    };
    let mut problems = Vec::new();
    // A problem inside the sessions the skeleton holds is the one their own batch reports, with
    // its place and field; it is kept only if that report does not come.
    let mut in_kept_sessions = None;
    let mut dataset = match serde_yaml::from_str::<Dataset>(&skeleton) {
        Ok(d) if d.sessions.len() == kept.items => Some(d),
        Ok(_) => return None,
        Err(e) if is_alias_error(&e) => return None,
        Err(e) => {
            // The skeleton's lines after the key's stand for the file's from the block's end on.
            let key_line = lines.line_of(block.key);
            let after = key_line + 1 + kept.lines;
            let in_kept = e.location().is_some_and(|l| l.line() > key_line && l.line() < after);
            let place = e.location().map(|l| {
                let line = match l.line() {
                    n if n >= after => n - after + lines.line_of(block.end),
                    n if n > key_line => key_line,
                    n => n,
                };
                (line, l.column())
            });
            let problem = DataError::at(origin, place, describe(&e));
            if in_kept {
                in_kept_sessions = Some(problem);
            } else {
                problems.push(problem);
            }
            None
        }
    };
    // Sessions parse independently, so large files use every core.
    let parts = crate::parallel::by_pieces(&ranges, |piece| parse_sessions(text, origin, lines, &anchors, piece));
    let mut sessions = Vec::with_capacity(ranges.len());
    let mut places = Vec::with_capacity(ranges.len());
    for part in parts {
        let part = part?;
        sessions.extend(part.sessions);
        places.extend(part.places);
        problems.extend(part.problems);
    }
    if problems.is_empty() {
        problems.extend(in_kept_sessions);
    }
    if let Some(d) = dataset.as_mut() {
        d.sessions = std::borrow::Cow::Owned(sessions);
    }
    Some(Parsed {
        dataset,
        places,
        problems,
    })
}

/// Where each anchor name is defined, to say which anchor an alias names.
struct Definitions<'t> {
    by_name: std::collections::HashMap<&'t str, usize>,
    anchors: &'t [Mark<'t>],
}

impl<'t> Definitions<'t> {
    /// Each anchor by its name; Err with where a name was first defined and its second
    /// definition, if one is defined twice. YAML 1.2 lets a name be defined again, but
    /// serde_yaml then points older aliases at newer anchors of other names, and a programme
    /// never needs it.
    fn new(layout: &'t Layout<'t>) -> Result<Self, (usize, Mark<'t>)> {
        let mut by_name = std::collections::HashMap::with_capacity(layout.anchors.len());
        for (index, mark) in layout.anchors.iter().enumerate() {
            if let Some(first) = by_name.insert(mark.name, index) {
                return Err((layout.anchors[first].at, *mark));
            }
        }
        Ok(Definitions {
            by_name,
            anchors: &layout.anchors,
        })
    }

    /// The index of the anchor `alias` names; None for a name not defined before it (the
    /// parser refuses it), or text the scan took for an alias.
    fn of(&self, alias: &Mark) -> Option<usize> {
        let &index = self.by_name.get(alias.name)?;
        (self.anchors[index].at < alias.at).then_some(index)
    }
}

/// The text aliases may repeat, on top of the file itself: an alias to a long text in every
/// session would otherwise make a file within [`MAX_FILE_BYTES`] take gigabytes once read.
pub const MAX_REPEATED_BYTES: u64 = MAX_FILE_BYTES;

/// Where the aliases of the file, read in order, come to repeat more than [`MAX_REPEATED_BYTES`]
/// of text: what an alias repeats is its node's text and what the aliases inside that repeat.
fn repeats_past_limit(layout: &Layout, definitions: &Definitions) -> Option<usize> {
    // repeated[i]: what the first i aliases repeat together.
    let mut repeated: Vec<u64> = Vec::with_capacity(layout.aliases.len() + 1);
    repeated.push(0);
    for (i, alias) in layout.aliases.iter().enumerate() {
        let own = definitions.of(alias).map_or(0, |anchor| {
            let extent = &layout.extents[anchor];
            let (from, to) = extent.node;
            let first = layout.aliases.partition_point(|m| m.at < from);
            let last = layout.aliases[..i].partition_point(|m| m.at < to);
            let inside = repeated[last.max(first)] - repeated[first];
            (extent.repeated_bytes() as u64).saturating_add(inside)
        });
        let total = repeated[i].saturating_add(own);
        if total > MAX_REPEATED_BYTES {
            return Some(alias.at);
        }
        repeated.push(total);
    }
    None
}

/// A part of the file may use an anchor defined before it, in another session or in the frame.
/// The part is then parsed after a prelude that brings what it uses: for a batch of sessions,
/// the lines of each node it names (found by the scan), each as a list item that is dropped; for
/// the lists after the sessions, the sessions that define what they name. So a batch costs its
/// own sessions and the nodes its aliases repeat anyway, never the whole file.
struct Anchors<'t> {
    text: &'t str,
    definitions: &'t Definitions<'t>,
    extents: &'t [super::scan::Extent],
    aliases: &'t [Mark<'t>],
    ranges: &'t [(usize, usize)],
    /// Where the sessions list's key is: definitions before it are in the frame.
    key: usize,
    /// The indentation of the sessions list's items, which a prelude's items take.
    item_indent: usize,
    /// Prelude bytes parsed so far, by every thread.
    spent: std::sync::atomic::AtomicUsize,
}

/// A prelude longer than this many items means a chain of sessions each referring to the one
/// before: the layout is then not split, and the whole file is parsed at once.
const MAX_PRELUDE_ITEMS: usize = 4 * SESSIONS_PER_CALL;

/// Preludes together may cost this much parsing on top of the file's own; past it the file is
/// parsed whole, which costs the file once. A prelude holds what its batch's aliases repeat, so
/// only a node far longer than its text (comment lines inside it) comes near.
const PRELUDE_BUDGET_SLACK: usize = 4 * 1024 * 1024;

/// What a prelude brings: whole sessions (for the skeleton, which has the frame already and
/// whose list items must be sessions), or the lines of each node named (for a batch of
/// sessions parsed alone).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bring {
    Sessions,
    NodeLines,
}

/// Text to put before a part of the file, the number of list items in it, and its lines.
struct Prelude {
    text: String,
    items: usize,
    lines: usize,
}

impl<'t> Anchors<'t> {
    fn new(
        text: &'t str,
        layout: &'t Layout<'t>,
        definitions: &'t Definitions<'t>,
        block: &'t super::scan::SessionsBlock,
        ranges: &'t [(usize, usize)],
    ) -> Self {
        Anchors {
            text,
            definitions,
            extents: &layout.extents,
            aliases: &layout.aliases,
            ranges,
            key: block.key,
            item_indent: ranges
                .first()
                .map_or(0, |&(s, _)| text[s..].bytes().take_while(|&b| b == b' ').count()),
            spent: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// The prelude the text from `start` to `end` needs; empty when it uses no anchor from
    /// before it. None when the prelude would be too long, or the preludes so far have cost
    /// more than parsing the file whole would.
    fn prelude(&self, start: usize, end: usize, bring: Bring) -> Option<Prelude> {
        let mut ranges = std::collections::BTreeSet::new();
        let mut pending = vec![(start, end)];
        while let Some((from, to)) = pending.pop() {
            let first = self.aliases.partition_point(|m| m.at < from);
            for alias in self.aliases[first..].iter().take_while(|m| m.at < to) {
                let Some(anchor) = self.definitions.of(alias) else {
                    continue;
                };
                let defined_at = self.definitions.anchors[anchor].at;
                if defined_at >= from {
                    continue;
                }
                let range = match bring {
                    // Lines that reach the part they are for (a node the scan could not end)
                    // would bring later text in front of it: the file is then read whole.
                    Bring::NodeLines if self.extents[anchor].lines.1 > start => return None,
                    Bring::NodeLines => self.extents[anchor].lines,
                    Bring::Sessions if defined_at < self.key => continue,
                    Bring::Sessions => {
                        let item = self.ranges.partition_point(|&(s, _)| s <= defined_at).checked_sub(1)?;
                        self.ranges[item]
                    }
                };
                if ranges.insert(range) {
                    pending.push(range);
                }
            }
            if ranges.len() > MAX_PRELUDE_ITEMS {
                return None;
            }
        }
        let mut text = String::new();
        let mut items = 0;
        match bring {
            Bring::Sessions => {
                for &(s, e) in &ranges {
                    text.push_str(&self.text[s..e]);
                    items += 1;
                }
            }
            Bring::NodeLines => {
                for (s, e) in merged(ranges) {
                    push_as_item(&mut text, &self.text[s..e], self.item_indent);
                    items += 1;
                }
            }
        }
        let spent = self.spent.fetch_add(text.len(), std::sync::atomic::Ordering::Relaxed) + text.len();
        if spent > self.text.len() + PRELUDE_BUDGET_SLACK {
            return None;
        }
        let lines = text.bytes().filter(|&b| b == b'\n').count();
        Some(Prelude { text, items, lines })
    }
}

/// `lines` (whole lines of the file) as one item of a list whose items are indented
/// `item_indent`: each line indented under the item's dash, which keeps what every scalar in
/// them means.
fn push_as_item(item: &mut String, lines: &str, item_indent: usize) {
    let pad = " ".repeat(item_indent + 2);
    item.push_str(&pad[2..]);
    item.push_str("-\n");
    for line in lines.split_inclusive('\n') {
        item.push_str(&pad);
        item.push_str(line);
    }
    if !item.ends_with('\n') {
        item.push('\n');
    }
}

/// Byte ranges, in order, with those that overlap joined: the lines of a node inside another
/// node's are in that node's.
fn merged(ranges: std::collections::BTreeSet<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match joined.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => joined.push((s, e)),
        }
    }
    joined
}

/// A YAML list whose first `skip` items are read and dropped: a prelude's.
struct AfterPrelude<T> {
    skip: usize,
    items: std::marker::PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for AfterPrelude<T> {
    type Value = Vec<T>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for AfterPrelude<T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of sessions")
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        for _ in 0..self.skip {
            if seq.next_element::<de::IgnoredAny>()?.is_none() {
                return Ok(Vec::new());
            }
        }
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(items)
    }
}

/// Parses the list at `text[start..end]` after the prelude it needs, and says how many lines
/// the prelude had. None when the prelude would be too long.
fn list_after_prelude<T: de::DeserializeOwned>(
    text: &str,
    anchors: &Anchors,
    (start, end): (usize, usize),
) -> Option<(Result<Vec<T>, serde_yaml::Error>, usize)> {
    let prelude = anchors.prelude(start, end, Bring::NodeLines)?;
    let seed = AfterPrelude {
        skip: prelude.items,
        items: std::marker::PhantomData,
    };
    let parsed = if prelude.items == 0 {
        seed.deserialize(serde_yaml::Deserializer::from_str(&text[start..end]))
    } else {
        let prelude_len = prelude.text.len();
        let joined = prelude.text + &text[start..end];
        let parsed = seed.deserialize(serde_yaml::Deserializer::from_str(&joined));
        // A prelude that is not YAML on its own (lines that needed more of the file around
        // them) says nothing about the part: the file is then read whole.
        if parsed.as_ref().is_err_and(|e| !is_alias_error(e))
            && serde_yaml::from_str::<Vec<de::IgnoredAny>>(&joined[..prelude_len]).is_err()
        {
            return None;
        }
        parsed
    };
    Some((parsed, prelude.lines))
}

/// Sessions parsed per serde_yaml call: enough to spread the parser's set-up cost, few enough
/// that the events it holds stay small.
const SESSIONS_PER_CALL: usize = 64;

/// The sessions of some ranges that parsed, where each is, and what was wrong with the others.
struct Pieces {
    sessions: Vec<Session>,
    places: Vec<(usize, usize)>,
    problems: Vec<DataError>,
}

/// Parses the sessions at these consecutive byte ranges of `text`, which together form a YAML
/// list. None when a session refers to an anchor the prelude did not bring.
fn parse_sessions(
    text: &str,
    origin: &str,
    lines: &Lines,
    anchors: &Anchors,
    ranges: &[(usize, usize)],
) -> Option<Pieces> {
    let mut pieces = Pieces {
        sessions: Vec::with_capacity(ranges.len()),
        places: Vec::with_capacity(ranges.len()),
        problems: Vec::new(),
    };
    for batch in ranges.chunks(SESSIONS_PER_CALL) {
        let range = (batch.first()?.0, batch.last()?.1);
        match list_after_prelude::<Session>(text, anchors, range)?.0 {
            Ok(parsed) if parsed.len() == batch.len() => {
                pieces.sessions.extend(parsed);
                pieces.places.extend_from_slice(batch);
                continue;
            }
            Ok(_) => return None,
            Err(e) if is_alias_error(&e) => return None,
            Err(_) => {}
        }
        // Something in this batch is wrong: each session on its own says what.
        for &(start, end) in batch {
            match one_session(text, origin, lines, anchors, (start, end))? {
                Ok(session) => {
                    pieces.sessions.push(session);
                    pieces.places.push((start, end));
                }
                Err(problems) => pieces.problems.extend(problems),
            }
        }
    }
    Some(pieces)
}

/// One session's text (a one-item YAML list at this range of the file), or every problem in it,
/// each with its line and field.
fn one_session(
    text: &str,
    origin: &str,
    lines: &Lines,
    anchors: &Anchors,
    (at, end): (usize, usize),
) -> Option<Result<Session, Vec<DataError>>> {
    let piece = &text[at..end];
    let first_line = lines.line_of(at);
    let (parsed, prelude_lines) = list_after_prelude::<serde_yaml::Value>(text, anchors, (at, end))?;
    let value = match parsed {
        Ok(mut items) if items.len() == 1 => items.remove(0),
        Ok(_) => {
            return Some(Err(vec![DataError::at(
                origin,
                Some((first_line, 1)),
                (messages::current().syntax)("-"),
            )]))
        }
        Err(e) => {
            // A place in the prelude is reported at the session that needed it.
            let place = e.location().map(|l| match l.line().checked_sub(prelude_lines + 1) {
                Some(n) => (first_line + n, l.column()),
                None => (first_line, 1),
            });
            return Some(Err(vec![DataError::at(origin, place, describe(&e))]));
        }
    };
    let id = value
        .get("id")
        .and_then(|v| v.as_str())
        .map(|id| messages::current().quoted(id));
    let m = messages::current();
    let who = match &id {
        Some(id) => (m.in_session)(id),
        None => (m.in_session)("-"),
    };
    Some(deserialize_collecting(value).map_err(|problems| {
        problems
            .into_iter()
            .map(|(field, message)| {
                let line = field
                    .as_deref()
                    .and_then(|f| field_line(piece, f))
                    .map_or(first_line, |offset| lines.line_of(at + offset));
                let text = match field {
                    Some(f) => format!("{who}: {}", (m.bad_field)(&f, &message)),
                    None => format!("{who}: {message}"),
                };
                DataError::at(origin, Some((line, 1)), text)
            })
            .collect()
    }))
}

/// Where the key `field` of a session's own mapping starts in its text.
pub fn field_line(piece: &str, field: &str) -> Option<usize> {
    // A path into the field (`speakers[0].name`) is found at the field's key.
    let field = field.split(['[', '.']).next().unwrap_or(field);
    let mut offset = 0;
    let mut item_indent = None;
    for line in piece.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let body = line.trim_start_matches(' ');
        let (indent, body) = match body.strip_prefix("- ") {
            Some(rest) if item_indent.is_none() => (line.len() - rest.len(), rest),
            _ => (line.len() - body.len(), body),
        };
        let own = *item_indent.get_or_insert(indent);
        if indent == own && body.strip_prefix(field).is_some_and(|rest| rest.starts_with(':')) {
            return Some(at);
        }
    }
    None
}

/// Deserializes a session and, when it fails, finds every problem rather than the first: each
/// field in error, and each missing required field, is reported, then replaced by a neutral value
/// so the next one shows. The problems are (field, reason), with no field for the session as a
/// whole.
fn deserialize_collecting(value: serde_yaml::Value) -> Result<Session, Vec<(Option<String>, String)>> {
    let serde_yaml::Value::Mapping(map) = value else {
        return Session::deserialize(value).map_err(|e| vec![(None, describe(&e))]);
    };
    let mut entries: Vec<(String, Option<serde_yaml::Value>)> = Vec::with_capacity(map.len());
    for (k, v) in map {
        let key = match k {
            serde_yaml::Value::String(s) => s,
            other => format!("{other:?}"),
        };
        entries.push((key, Some(v)));
    }
    let mut problems = Vec::new();
    // Each round removes one problem; a session has far fewer fields than this.
    for _ in 0..64 {
        let attempt = Session::deserialize(Fields {
            entries: &entries,
            current: None,
            index: 0,
        });
        match attempt {
            Ok(session) if problems.is_empty() => return Ok(session),
            Ok(_) => return Err(problems),
            Err(FieldError {
                field: Some(key),
                message,
                in_key: true,
                ..
            }) => {
                // A key the schema does not know: reported, then left out.
                problems.push((None, schema_words(&message)));
                entries.retain(|(k, _)| *k != key);
            }
            Err(FieldError {
                field, message, inside, ..
            }) => {
                let missing = message
                    .strip_prefix("missing field `")
                    .and_then(|r| r.strip_suffix('`'));
                let field = field.or_else(|| missing.map(str::to_owned));
                let Some(name) = field.clone() else {
                    problems.push((None, message));
                    return Err(problems);
                };
                let message = if missing.is_some() {
                    messages::current().missing_field.to_owned()
                } else {
                    message
                };
                problems.push((Some(format!("{name}{inside}")), message));
                match entries.iter_mut().find(|(k, _)| *k == name) {
                    Some(entry) if entry.1.is_some() => entry.1 = None,
                    Some(_) => return Err(problems),
                    None => entries.push((name, None)),
                }
            }
        }
    }
    Err(problems)
}

/// A deserialization error and the field it is in.
#[derive(Debug)]
struct FieldError {
    field: Option<String>,
    message: String,
    /// The key itself was refused (unknown to the schema), not its value.
    in_key: bool,
    /// Where inside the field's value the refusal is (`[0].name`), or empty.
    inside: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FieldError {}

impl de::Error for FieldError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        FieldError {
            field: None,
            message: msg.to_string(),
            in_key: false,
            inside: String::new(),
        }
    }
}

/// A session's fields as a map to deserialize from; a field whose value is None is given a
/// neutral value (see [`Neutral`]) so the other fields can still be checked.
struct Fields<'a> {
    entries: &'a [(String, Option<serde_yaml::Value>)],
    current: Option<&'a (String, Option<serde_yaml::Value>)>,
    index: usize,
}

impl<'de> de::Deserializer<'de> for Fields<'_> {
    type Error = FieldError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FieldError> {
        visitor.visit_map(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de> MapAccess<'de> for Fields<'_> {
    type Error = FieldError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, FieldError> {
        let Some(entry) = self.entries.get(self.index) else {
            return Ok(None);
        };
        self.index += 1;
        self.current = Some(entry);
        let key: de::value::StrDeserializer<'_, FieldError> = entry.0.as_str().into_deserializer();
        seed.deserialize(key).map(Some).map_err(|e| FieldError {
            field: Some(entry.0.clone()),
            message: e.message,
            in_key: true,
            inside: String::new(),
        })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, FieldError> {
        let Some((key, value)) = self.current.take() else {
            return Err(de::Error::custom("value before key"));
        };
        // Where inside the field a refusal is (`[0].name` of `speakers`), for the message.
        let mut track = serde_path_to_error::Track::new();
        let result = match value {
            Some(v) => seed
                .deserialize(serde_path_to_error::Deserializer::new(v.clone(), &mut track))
                .map_err(|e| {
                    // Worded with the value when the phrase allows ("2020-02-30" is not a date).
                    if let Some(worded) = super::serde_words::refusal(without_place(&e.to_string()), v.as_str()) {
                        return worded;
                    }
                    let reason = describe(&e);
                    // Other reasons say little without the value they are about.
                    match v.as_str() {
                        Some(text) if !reason.contains(text) => {
                            format!("{reason}: {}", messages::current().quoted(text))
                        }
                        _ => reason,
                    }
                }),
            None => seed.deserialize(Neutral).map_err(|e| e.message),
        };
        let inside = track.path().to_string();
        result.map_err(|message| FieldError {
            field: Some(key.clone()),
            message,
            in_key: false,
            inside: match inside.as_str() {
                "." | "?" => String::new(),
                path if path.starts_with('[') => path.to_owned(),
                path => format!(".{path}"),
            },
        })
    }
}

/// Whatever a type asks for, the emptiest value of it: none, an empty list or text, zero, false,
/// an enum's first variant. It stands in for a field already reported as wrong.
struct Neutral;

impl<'de> de::Deserializer<'de> for Neutral {
    type Error = FieldError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FieldError> {
        visitor.visit_unit()
    }
    // Unit, not none: an optional field reads it as none all the same, and a required text
    // (model.rs `required`) takes it as the stand-in it is rather than as a missing value.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FieldError> {
        visitor.visit_unit()
    }
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FieldError> {
        visitor.visit_seq(de::value::SeqDeserializer::<std::iter::Empty<Neutral>, FieldError>::new(std::iter::empty()))
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FieldError> {
        visitor.visit_str("")
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FieldError> {
        visitor.visit_str("")
    }
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FieldError> {
        visitor.visit_bool(false)
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, FieldError> {
        let first: de::value::StrDeserializer<'_, FieldError> =
            variants.first().copied().unwrap_or("").into_deserializer();
        visitor.visit_enum(first)
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
        unit unit_struct newtype_struct tuple tuple_struct map struct identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de, FieldError> for Neutral {
    type Deserializer = Neutral;
    fn into_deserializer(self) -> Neutral {
        self
    }
}

/// The same document with each session typed on its own, so each can fail on its own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LooseDataset {
    forum: Forum,
    sessions: CheckedSessions,
    #[serde(default)]
    bodies: Vec<Body>,
    #[serde(default)]
    organisations: Vec<Organisation>,
}

/// Sessions typed one at a time as the list is read, so that one untyped session is held at a
/// time, not the whole list: the sessions that passed and, for each that did not, its place in
/// the list, its id and its problems.
#[derive(Default)]
struct CheckedSessions {
    passed: Vec<(usize, Session)>,
    refused: Vec<Refused>,
}

type Problems = Vec<(Option<String>, String)>;

struct Refused {
    index: usize,
    id: Option<String>,
    problems: Problems,
}

impl<'de> Deserialize<'de> for CheckedSessions {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Each;
        impl<'de> Visitor<'de> for Each {
            type Value = CheckedSessions;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of sessions")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<CheckedSessions, A::Error> {
                let mut checked = CheckedSessions::default();
                let mut index = 0;
                while let Some(value) = seq.next_element::<serde_yaml::Value>()? {
                    let id = value.get("id").and_then(|v| v.as_str()).map(str::to_owned);
                    match deserialize_collecting(value) {
                        Ok(session) => checked.passed.push((index, session)),
                        Err(problems) => checked.refused.push(Refused { index, id, problems }),
                    }
                    index += 1;
                }
                Ok(checked)
            }
        }
        d.deserialize_seq(Each)
    }
}

/// The whole file as one document, for layouts that cannot be split (flow style, aliases across
/// sessions). Problems carry the parser's location for syntax errors; session problems are
/// located by [`locate`], one more pass over the file for each, which only a bad file pays.
fn parse_whole(text: &str, origin: &str) -> Parsed {
    let loose = match serde_yaml::from_str::<LooseDataset>(text) {
        Ok(loose) => loose,
        Err(e) => {
            let place = e.location().map(|l| (l.line(), l.column()));
            return failed(DataError::at(origin, place, describe(&e)));
        }
    };
    let m = messages::current();
    let mut problems = Vec::new();
    let checked = loose.sessions;
    let places = checked.passed.iter().map(|&(index, _)| (UNSPLIT, index)).collect();
    let sessions = checked.passed.into_iter().map(|(_, s)| s).collect();
    let problems_located = std::cell::Cell::new(0);
    for Refused {
        index,
        id,
        problems: found,
    } in checked.refused
    {
        let who = match id {
            Some(id) => (m.in_session)(&m.quoted(&id)),
            None => (m.in_session_number)(index + 1),
        };
        problems.extend(found.into_iter().map(|(field, message)| {
            // Located as the batch path locates them: at the field's key when the session
            // has it, else at the session.
            let place = (problems_located.get() < MAX_LOCATED)
                .then(|| {
                    problems_located.set(problems_located.get() + 1);
                    field
                        .as_deref()
                        .and_then(|f| locate(text, index, Some(f)))
                        .or_else(|| locate(text, index, None))
                })
                .flatten()
                .map(|(line, _)| (line, 1));
            let text = match field {
                Some(f) => format!("{who}: {}", (m.bad_field)(&f, &message)),
                None => format!("{who}: {message}"),
            };
            DataError::at(origin, place, text)
        }));
    }
    Parsed {
        dataset: Some(Dataset {
            forum: loose.forum,
            sessions: std::borrow::Cow::Owned(sessions),
            bodies: std::borrow::Cow::Owned(loose.bodies),
            organisations: std::borrow::Cow::Owned(loose.organisations),
        }),
        places,
        problems,
    }
}

/// The start of a place that is not a byte range: the whole-file path cannot split the text, so
/// its places are `(UNSPLIT, n)`, the session being the n-th of the file's list, which
/// [`locate`] finds.
pub const UNSPLIT: usize = usize::MAX;

/// [`locate`] walks the file (up to the session) once per problem; past this many problems the
/// rest are reported without a line, so a file of many bad sessions costs a few passes at most.
pub const MAX_LOCATED: usize = 10;

/// Where the value of `field` in session `index` (or the session itself, for `None`) is in the
/// whole file: parsed values keep no positions, but the parser's errors do, so the file is
/// walked once more, skipping everything, and made to fail exactly there. Anchors and aliases
/// resolve as in the first parse, so the place is where the parser read the value.
pub fn locate(text: &str, index: usize, field: Option<&str>) -> Option<(usize, usize)> {
    let target = Target { index, field };
    match target.deserialize(serde_yaml::Deserializer::from_str(text)) {
        Err(e) if e.to_string().contains(FOUND_HERE) => e.location().map(|l| (l.line(), l.column())),
        _ => None,
    }
}

/// The error [`locate`] raises at its target, told apart from any other.
const FOUND_HERE: &str = "igf: the value looked for";

#[derive(Clone, Copy)]
struct Target<'f> {
    index: usize,
    field: Option<&'f str>,
}

/// Fails on whatever value it meets; its error carries the value's place.
struct Here;

impl<'de> Visitor<'de> for Here {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(FOUND_HERE)
    }
}

impl<'de> DeserializeSeed<'de> for Here {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(Here)?;
        Err(de::Error::custom(FOUND_HERE))
    }
}

impl<'de> DeserializeSeed<'de> for Target<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Target<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a programme")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "sessions" {
                map.next_value_seed(Sessions(self))?;
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct Sessions<'f>(Target<'f>);

impl<'de> DeserializeSeed<'de> for Sessions<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Sessions<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of sessions")
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        while i < self.0.index {
            if seq.next_element::<de::IgnoredAny>()?.is_none() {
                return Ok(());
            }
            i += 1;
        }
        match self.0.field {
            None => seq.next_element_seed(Here).map(|_| ()),
            Some(field) => seq.next_element_seed(OneSession(field)).map(|_| ()),
        }
    }
}

struct OneSession<'f>(&'f str);

impl<'de> DeserializeSeed<'de> for OneSession<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OneSession<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a session")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == self.0 {
                map.next_value_seed(Here)?;
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

fn is_alias_error(e: &serde_yaml::Error) -> bool {
    e.to_string().contains("unknown anchor")
}

/// serde_yaml's text of an error without the " at line L column C" it appends.
fn without_place(text: &str) -> &str {
    // libyaml gives an offset instead of a line for a place at the very start.
    let cut = [" at line ", " at position "]
        .iter()
        .filter_map(|mark| text.find(mark))
        .min();
    cut.map_or(text, |cut| &text[..cut])
}

/// serde_yaml's message without the " at line L column C" it appends (we print the place up
/// front) and, for a path such as `sessions[3].date: ...`, with the path kept as the field.
fn describe(err: &serde_yaml::Error) -> String {
    let text = without_place(&err.to_string()).to_owned();
    // serde's own wording for values the schema refuses; anything else is the YAML syntax.
    const SCHEMA: [&str; 7] = [
        "missing field",
        "unknown field",
        "unknown variant",
        "invalid type",
        "invalid value",
        "invalid length",
        "duplicate field",
    ];
    if err.location().is_some() && !text.contains(": ") && !SCHEMA.iter().any(|p| text.starts_with(p)) {
        (messages::current().syntax)(&text)
    } else {
        schema_words(&text)
    }
}

/// serde's English for the refusals a hand-written file meets, worded in the interface language:
/// a missing field, an unknown one, an unknown name (`forum: missing field `name_en`` becomes
/// the field forum.name_en and why), and through [`super::serde_words`] a value of the wrong
/// kind. Wording neither recognises is kept as serde gives it.
fn schema_words(text: &str) -> String {
    let m = messages::current();
    // A path (`forum`, `sessions[3].date`) has no spaces; serde's own words do.
    let (path, reason) = match text.split_once(": ") {
        Some((path, reason)) if !path.contains([' ', '`']) => (Some(path), reason),
        _ => (None, text),
    };
    // A session parsed on its own is the one item of a list: its path starts `.[0]`, which
    // names nothing in the user's file (the line does).
    let path = path
        .map(|p| p.strip_prefix(".[0]").or_else(|| p.strip_prefix("[0]")).unwrap_or(p))
        .map(|p| p.trim_start_matches('.'))
        .filter(|p| !p.is_empty());
    let named = |prefix: &str| reason.strip_prefix(prefix).and_then(|r| r.split('`').next());
    let qualified = |field: &str| path.map_or_else(|| field.to_owned(), |p| format!("{p}.{field}"));
    if let Some(field) = named("missing field `") {
        return (m.bad_field)(&qualified(field), m.missing_field);
    }
    let known = || -> Vec<&str> {
        reason
            .split("expected one of ")
            .nth(1)
            .map(|list| list.split(", ").map(|f| f.trim_matches('`')).collect())
            .unwrap_or_default()
    };
    if let Some(field) = named("unknown field `") {
        // YAML 1.1's merge key, which serde_yaml leaves as an ordinary key.
        if field == "<<" {
            return (m.bad_field)(&qualified(field), m.merge_key);
        }
        return (m.bad_field)(&qualified(field), &(m.not_in_schema)(&m.joined(known())));
    }
    if let Some(value) = named("unknown variant `") {
        let reason = (m.not_a_known_value)(&m.quoted(value), &m.joined(known()));
        return path.map_or_else(|| reason.clone(), |p| (m.bad_field)(p, &reason));
    }
    if let Some(reason) = super::serde_words::refusal(reason, None) {
        return path.map_or_else(|| reason.clone(), |p| (m.bad_field)(p, &reason));
    }
    text.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A programme of `n` sessions; `extra` is appended to the first session.
    fn programme(n: usize, extra: &str) -> String {
        let mut text = String::from(
            "forum:\n  name_en: F\n  name_ar: ف\n  edition_en: E\n  edition_ar: ا\n  host_en: H\n  host_ar: ه\n  \
             theme_en: T\n  theme_ar: ت\n  start: '2020-11-02'\n  end: '2020-11-17'\n  phases: []\nsessions:\n",
        );
        for i in 0..n {
            text.push_str(&format!(
                "- id: S{i}\n  kind: workshop\n  code: null\n  number: null\n  title_en: Title {i}\n  title_ar: null\n  \
                 date: '2020-11-04'\n  start_utc: '10:00'\n  end_utc: null\n  room: null\n  format: null\n  \
                 track: null\n  summary_en: null\n  summary_ar: null\n  sources: [https://example.org/]\n  confidence: low\n  notes: null\n"
            ));
            if i == 0 {
                text.push_str(extra);
            }
        }
        text.push_str("bodies: []\n");
        text
    }

    fn too_deep(text: &str) -> Option<usize> {
        super::super::scan::layout(text, MAX_DEPTH).too_deep
    }

    /// The split parse alone, for a text whose anchor names are each defined once.
    fn in_pieces(text: &str) -> Option<Parsed> {
        let layout = super::super::scan::layout(text, MAX_DEPTH);
        let definitions = Definitions::new(&layout).expect("each anchor name defined once");
        parse_in_pieces(text, "t", &Lines::new(text), &layout, &definitions)
    }

    /// Whether some anchor name is defined twice, which the loader refuses before it splits.
    fn redefines_an_anchor(text: &str) -> bool {
        Definitions::new(&super::super::scan::layout(text, MAX_DEPTH)).is_err()
    }

    fn ids(d: &Dataset) -> Vec<String> {
        d.sessions.iter().map(|s| s.id.to_string()).collect()
    }

    #[test]
    fn pieces_and_parallel_pieces_give_the_whole_file_parse() {
        for n in [1, 3, crate::parallel::PARALLEL_FROM + 7] {
            let text = programme(n, "");
            let whole: Dataset = serde_yaml::from_str(&text).expect("valid");
            let pieces = in_pieces(&text).expect("block style parses in pieces");
            assert!(pieces.problems.is_empty());
            assert_eq!(ids(pieces.dataset.as_ref().expect("frame")), ids(&whole));
            assert_eq!(pieces.places.len(), n);
        }
    }

    /// `text` with `extra` put after the `id` line of session `S{n}`.
    fn in_session(text: &str, n: usize, extra: &str) -> String {
        let id = format!("- id: S{n}\n");
        text.replacen(&id, &format!("{id}{extra}"), 1)
    }

    fn json(d: &Dataset) -> String {
        serde_json::to_string(d).expect("serialisable")
    }

    /// What the split does not follow goes to the whole-file parse: a bracket left open reports
    /// the parser's one error at its place (not sessions cut wrongly and checked against a frame
    /// without its bodies), and a line break the scan does not know is read as the parser reads it.
    #[test]
    fn irregular_files_are_read_whole() {
        let text = programme(200, "");
        let at = text.find("- id: S150\n").expect("session 150");
        let broken = format!(
            "{}{}",
            &text[..at],
            text[at..].replacen("  number: null\n", "  number: [open\n", 1)
        );
        let parsed = parse(&broken, "t.yaml");
        assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
        let line = broken[..broken.find("[open").expect("bracket")].matches('\n').count() + 1;
        assert!(parsed.problems[0].line >= Some(line), "{:?}", parsed.problems);

        for line_break in ["\r", "\u{2028}"] {
            let quoted = format!("  title_en: a #{line_break}  notes_ar: \"q\n- id: FAKE\n  x\"\n");
            let odd = text.replacen("  title_en: Title 1\n", &quoted, 1);
            let whole: Result<Dataset, _> = serde_yaml::from_str(&odd);
            let parsed = parse(&odd, "t.yaml");
            match whole {
                Ok(whole) => {
                    assert!(parsed.problems.is_empty(), "{line_break:?}: {:?}", parsed.problems);
                    assert_eq!(json(parsed.dataset.as_ref().expect("read")), json(&whole));
                }
                Err(e) => assert!(
                    !parsed.problems.is_empty(),
                    "{line_break:?}: serde_yaml refuses it ({e})"
                ),
            }
        }
    }

    /// Aliases to anchors in other batches, on other cores, in the forum, a chain of two, and a
    /// list after the sessions that uses a session's anchor: parsed in pieces, and read exactly
    /// as one parse of the whole file reads it. (An anchor defined twice is left out: serde_yaml
    /// numbers anchors by how many names it has seen, so after a second definition one parse of
    /// the whole file resolves a later alias to another anchor's node.)
    #[test]
    fn aliases_to_anchors_before_their_batch_are_parsed_in_pieces_as_the_whole_file_reads() {
        let far = crate::parallel::PARALLEL_FROM + 50;
        let mut text = programme(far + 20, "  organizers: &orgs [A, B]\n")
            .replacen("  host_en: H\n", "  host_en: &host H\n", 1)
            .replacen("bodies: []\n", "bodies: *none\n", 1);
        for (n, extra) in [
            (3, "  notes_ar: &n3 three\n"),
            (6, "  aliases: &r [R6]\n"),
            (10, "  organizers: &none []\n"),
            (SESSIONS_PER_CALL, "  organizers: *orgs\n"),
            (SESSIONS_PER_CALL + 6, "  organizers: &o70 [*n3, Z]\n"),
            (3 * SESSIONS_PER_CALL, "  aliases: *o70\n  organizers: *r\n"),
            (150, "  notes_ar: *host\n"),
            (far, "  organizers: *orgs\n  aliases: *r\n"),
        ] {
            text = in_session(&text, n, extra);
        }
        let whole: Dataset = serde_yaml::from_str(&text).expect("valid");
        let pieces = in_pieces(&text).expect("parsed in pieces");
        assert!(pieces.problems.is_empty(), "{:?}", pieces.problems);
        assert_eq!(pieces.places.len(), far + 20);
        let dataset = pieces.dataset.expect("frame");
        assert_eq!(json(&dataset), json(&whole));
        assert_eq!(dataset.sessions[far].aliases[0].to_string(), "R6");
        assert_eq!(dataset.sessions[3 * SESSIONS_PER_CALL].aliases.len(), 2);
    }

    /// The lines the scan gives for an anchor, put in front of an alias as a list item, give
    /// the alias the value the whole document gives it, whatever the node's style.
    #[test]
    fn an_anchored_nodes_lines_alone_give_the_alias_its_value() {
        let nodes = [
            "a: &n plain\nb: 1\n",
            "a: &n plain text\n  continued here\nb: 1\n",
            "a: &n\n  x: 1\n  # inside\n  y: [1,\n 2]\n# after\nb: 1\n",
            "a: &n\n- 1\n- 2\nb: 1\n",
            "m:\n  a: &n\n  - x\n  - y: z\n  b: 1\n",
            "a: &n |+\n  kept\n\n# comment\n\nb: 1\n",
            "a: &n >-\n  folded\n  text\n\n  more\nb: 1\n",
            "a: &n \"quoted\nat column 0\n  and on\"\nb: 1\n",
            "a: &n 'single\n\n  quoted'\nb: 1\n",
            "a: [x, &n {k: [1, 2], j: v}, y]\nb: 1\n",
            "a: {p: [1,\n  &n q], r: s}\nb: 1\n",
            "a:\n  - &n\n    k: v\n    l: [w]\n  - other\nb: 1\n",
            "a: &n !!str 12\nb: 1\n",
            "a: !!map &n\n  k: v\nb: 1\n",
            "? &n key\n: value\nb: 1\n",
            "- &n\n  - inner\n  - more\n- next\n",
            "a: &o one\nb: &n [*o, two]\nc: 1\n",
            // Properties or the key on the line before the anchor.
            "a: !!str\n  &n null\nb: 1\n",
            "a:\n  &n\n  x: 1\nb: 1\n",
            "? k\n: &n VAL\nb: 1\n",
            // An anchor on a key at the margin ends at the next line there.
            "&n a: 1\nb: 2\n",
            // A flow collection or an alias as a key, with the anchor in the value.
            "[k]: &n v\nb: 1\n",
            "x: &o k\n*o : &n v\nb: 1\n",
        ];
        for node in nodes {
            let layout = super::super::scan::layout(node, MAX_DEPTH);
            let probe = if node.starts_with('-') { "- *n\n" } else { "probe: *n\n" };
            let whole: serde_yaml::Value = serde_yaml::from_str(&format!("{node}{probe}")).expect(node);
            let expected = match &whole {
                serde_yaml::Value::Sequence(items) => items.last().cloned(),
                _ => whole.get("probe").cloned(),
            }
            .expect("the probe");
            let defining = layout.anchors.iter().rposition(|m| m.name == "n").expect("an anchor");
            let (start, end) = layout.extents[defining].lines;
            // The lines of the anchors the node's own aliases name come first, as a prelude has them.
            let mut prelude = String::new();
            for (mark, extent) in layout.anchors.iter().zip(&layout.extents).take(defining) {
                if node[start..end].contains(&format!("*{}", mark.name)) {
                    push_as_item(&mut prelude, &node[extent.lines.0..extent.lines.1], 0);
                }
            }
            push_as_item(&mut prelude, &node[start..end], 0);
            let alone: Vec<serde_yaml::Value> =
                serde_yaml::from_str(&format!("{prelude}- *n\n")).unwrap_or_else(|e| panic!("{e}\n{prelude}"));
            assert_eq!(
                alone.last(),
                Some(&expected),
                "{node:?} gave the lines {:?}",
                &node[start..end]
            );
            assert!(
                !node[start..end].contains("# after"),
                "{node:?}: comment lines after the node"
            );
        }
    }

    /// A batch that uses an anchor of the frame is parsed after that node's lines only: a long
    /// frame (here comment lines, as well as any other list) is not parsed again for each batch.
    #[test]
    fn a_batch_needs_only_the_node_it_names_not_the_frame() {
        let n = 3 * SESSIONS_PER_CALL;
        let comments = "# a line of comment in front of the frame\n".repeat(2000);
        let text = format!(
            "{comments}{}",
            programme(n, "").replacen("  host_en: H\n", "  host_en: &h H\n", 1)
        );
        let mut text = text;
        for i in (0..n).step_by(7) {
            text = in_session(&text, i, "  organizers: [*h]\n");
        }
        let layout = super::super::scan::layout(&text, MAX_DEPTH);
        let block = layout.sessions.as_ref().expect("a sessions block");
        let starts = block.items.iter().copied();
        let ends = block.items.iter().skip(1).copied().chain(std::iter::once(block.end));
        let ranges: Vec<(usize, usize)> = starts.zip(ends).collect();
        let definitions = Definitions::new(&layout).expect("one definition of each name");
        let anchors = Anchors::new(&text, &layout, &definitions, block, &ranges);
        let last_batch = (ranges[n - SESSIONS_PER_CALL].0, block.end);
        let prelude = anchors
            .prelude(last_batch.0, last_batch.1, Bring::NodeLines)
            .expect("a prelude");
        assert_eq!(prelude.text, "-\n    host_en: &h H\n");
        let whole: Dataset = serde_yaml::from_str(&text).expect("valid");
        let pieces = in_pieces(&text).expect("split");
        assert!(pieces.problems.is_empty(), "{:?}", pieces.problems);
        assert_eq!(json(pieces.dataset.as_ref().expect("frame")), json(&whole));
    }

    /// A list after the sessions that uses an anchor of a bad session does not report that
    /// session's problem a second time, at the sessions key.
    #[test]
    fn a_body_that_names_an_anchor_of_a_bad_session_adds_no_second_report() {
        let n = 3;
        let text = in_session(&programme(n, ""), 1, "  notes_ar: &name Body name\n");
        let second = text.find("- id: S1\n").expect("S1");
        let text = format!(
            "{}{}",
            &text[..second],
            text[second..].replacen("  confidence: low\n", "", 1).replacen(
                "bodies: []\n",
                "bodies:\n- id: B1\n  name_en: *name\n",
                1
            )
        );
        let parsed = parse(&text, "t.yaml");
        assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
        assert!(
            parsed.problems[0].message.contains("confidence"),
            "{:?}",
            parsed.problems
        );
        assert!(parsed.problems[0].message.contains("S1"), "{:?}", parsed.problems);
    }

    /// An anchor name defined twice is refused at the second definition: serde_yaml points
    /// older aliases at the wrong node once a name is reused.
    #[test]
    fn an_anchor_name_defined_twice_is_refused_at_its_second_definition() {
        let mut text = programme(4, "  notes_ar: &t first\n");
        text = in_session(&text, 2, "  notes: &t second\n");
        let parsed = parse(&text, "t.yaml");
        assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
        let second = text.find("&t second").expect("the second anchor");
        assert_eq!(parsed.problems[0].line, Some(text[..second].matches('\n').count() + 1));
        assert!(
            parsed.problems[0].message.contains("&t"),
            "{}",
            parsed.problems[0].message
        );
    }

    /// An alias to a long text in every session is refused before it is read: a file of a few
    /// megabytes would otherwise take gigabytes.
    #[test]
    fn aliases_that_repeat_too_much_text_are_refused_at_the_alias() {
        let long = "x".repeat(1 << 20);
        let n = 40;
        let mut text = programme(n, &format!("  notes_ar: &long {long}\n"));
        for i in 1..n {
            text = in_session(&text, i, "  notes_ar: *long\n");
        }
        let parsed = parse(&text, "t.yaml");
        assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
        let problem = &parsed.problems[0];
        // Each alias repeats a little more than 1 MiB (the line holds the key too).
        let crossing = (MAX_REPEATED_BYTES >> 20) as usize;
        let alias_at = text.match_indices("*long").nth(crossing - 1).expect("an alias").0;
        assert_eq!(problem.line, Some(text[..alias_at].matches('\n').count() + 1));
        assert!(problem.message.contains("*name"), "{}", problem.message);
        // A short text repeated as often is read.
        let mut text = programme(n, "  notes_ar: &short a short note\n");
        for i in 1..n {
            text = in_session(&text, i, "  notes_ar: *short\n");
        }
        let parsed = parse(&text, "t.yaml");
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    }

    /// Each session's anchored node holds an alias to the one before it: past a bound the file
    /// is read whole, still right.
    #[test]
    fn a_chain_of_aliases_through_every_session_is_read_whole() {
        let n = MAX_PRELUDE_ITEMS + 2 * SESSIONS_PER_CALL;
        let mut text = programme(n, "  speakers: [{name: &a0 start}]\n");
        for i in 1..n {
            let speaker = format!("  speakers: [{{name: &a{i} n{i}, affiliation: *a{}}}]\n", i - 1);
            text = in_session(&text, i, &speaker);
        }
        assert!(in_pieces(&text).is_none());
        let whole: Dataset = serde_yaml::from_str(&text).expect("valid");
        let loaded = parse(&text, "t.yaml");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(json(&loaded.dataset.expect("frame")), json(&whole));
    }

    /// A bad session that uses an anchor from another batch is reported at its own field's line.
    #[test]
    fn a_bad_session_after_a_prelude_is_reported_at_its_own_line() {
        let n = SESSIONS_PER_CALL + 1;
        let text = in_session(
            &programme(n + 1, "  organizers: &orgs [A, B]\n"),
            n,
            "  organizers: *orgs\n",
        );
        let at = text.find(&format!("- id: S{n}\n")).expect("the session");
        let text = format!(
            "{}{}",
            &text[..at],
            text[at..].replacen("  kind: workshop\n", "  kind: seminar\n", 1)
        );
        let kind_line = text[..at].lines().count() + 3;
        let parsed = in_pieces(&text).expect("parsed in pieces");
        assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
        assert_eq!(parsed.problems[0].line, Some(kind_line));
        assert!(parsed.problems[0].message.contains("kind"));
        assert_eq!(parsed.places.len(), n, "the other sessions are kept");
    }

    /// Text that looks like structure at column 0 inside quoted scalars over several lines, and
    /// inside a block scalar: the split must see text, and the file load exactly as one parse
    /// of the whole reads it.
    #[test]
    fn scalars_over_several_lines_split_as_the_whole_file_reads() {
        let tricky = "  title_en: \"First line\n- id: NOT-AN-ITEM\nbodies: [not, a, key]\n  and the end\"\n  \
                      notes_ar: 'it''s\nsessions:\n- id: NOR-THIS'\n  notes: |\n    - id: TEXT\n    x: [[\n\n  \
                      organizers: [\"a\nb: c\", \n  d, &e 'f\n- g']\n  aliases: [*e]\n  \
                      summary_en: plain text\n    continued [[ { '\n";
        for n in [2, SESSIONS_PER_CALL + 2, crate::parallel::PARALLEL_FROM + 3] {
            let text = programme(n, "");
            let second = text.find("- id: S1\n").expect("a second session");
            let own_fields =
                "  summary_en: null\n  summary_ar: null\n  sources: [https://example.org/]\n  confidence: low\n  notes: null\n";
            let text = format!(
                "{}{}",
                &text[..second],
                text[second..].replacen("  title_en: Title 1\n", tricky, 1).replacen(
                    own_fields,
                    "  sources: [https://example.org/]\n  confidence: low\n",
                    1
                )
            );
            let whole: Dataset = serde_yaml::from_str(&text).expect("valid YAML and programme");
            let pieces = in_pieces(&text).expect("split");
            assert!(pieces.problems.is_empty(), "{:?}", pieces.problems);
            assert_eq!(pieces.places.len(), n, "one place per session");
            assert_eq!(json(pieces.dataset.as_ref().expect("frame")), json(&whole));
            let loaded = parse(&text, "t.yaml");
            assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
            let second = &loaded.dataset.expect("frame").sessions[1];
            assert!(second.title_en.as_deref().is_some_and(|t| t.contains("NOT-AN-ITEM")));
        }
    }

    /// A text of the characters and line starts that mean structure to YAML.
    fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
        let piece = proptest::sample::select(vec![
            "- ",
            "-",
            ": ",
            ":",
            "#",
            " #",
            "'",
            "\"",
            "[",
            "]",
            "{",
            "}",
            ",",
            "&a",
            "*a",
            "|",
            ">",
            "\n",
            "\n- id: X\n",
            "\nsessions:\n",
            "\nbodies: []\n",
            "\n  kind: k\n",
            "\n    ",
            "word",
            " ",
            "مصر",
            "\\",
            "?",
            "!",
        ]);
        proptest::collection::vec(piece, 0..12).prop_map(|parts| parts.concat())
    }

    /// `text` as a YAML scalar in one of several styles, each continued over lines at column 0
    /// or deeper, as writers emit them; plain, it is often not YAML at all.
    fn scalar(text: &str, style: u8) -> String {
        match style % 5 {
            4 => text.replace('\n', "\n    "),
            0 => format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\"")),
            1 => format!("'{}'", text.replace('\'', "''")),
            2 => {
                let body: String = text.split('\n').map(|l| format!("\n    x{l}")).collect();
                format!("|{body}")
            }
            _ => format!("[\"{}\", b]", text.replace('\\', "\\\\").replace('"', "\\\"")),
        }
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Whatever the text in a session, a programme that serde_yaml reads whole is read the
        /// same in pieces, and split at every session it holds; one it refuses is refused.
        #[test]
        fn any_text_in_a_session_splits_as_the_whole_file_reads(
            texts in proptest::collection::vec((tricky_text(), any::<u8>()), 1..4),
        ) {
            // Sessions apart, so that an anchor and its alias may be in different batches.
            const APART: usize = SESSIONS_PER_CALL * 2 / 3;
            let mut text = programme(texts.len() * APART + 2, "");
            for (n, (t, style)) in texts.iter().enumerate() {
                if n == 0 && style & 0x80 != 0 {
                    // In the frame, where an anchor serves every batch after it.
                    text = text.replacen("  host_ar: ه\n", &format!("  host_ar: {}\n", scalar(t, *style)), 1);
                    continue;
                }
                let field = if style % 5 == 3 { "organizers" } else { "notes_ar" };
                text = in_session(&text, 1 + n * APART, &format!("  {field}: {}\n", scalar(t, *style)));
            }
            if redefines_an_anchor(&text) {
                prop_assert!(!parse(&text, "t.yaml").problems.is_empty(), "a name defined twice, accepted\n{text}");
                return Ok(());
            }
            match serde_yaml::from_str::<Dataset>(&text) {
                Ok(whole) => {
                    let pieces = in_pieces(&text).expect("split");
                    prop_assert!(pieces.problems.is_empty(), "{:?}\n{text}", pieces.problems);
                    prop_assert_eq!(pieces.places.len(), whole.sessions.len());
                    prop_assert_eq!(json(pieces.dataset.as_ref().expect("frame")), json(&whole));
                }
                Err(e) => prop_assert!(!parse(&text, "t.yaml").problems.is_empty(), "{e}: accepted\n{text}"),
            }
        }
    }

    #[test]
    fn deep_nesting_is_found_by_the_scan_and_programmes_are_not() {
        assert!(too_deep(&"[".repeat(100_000)).is_some());
        assert!(too_deep(&format!("a: {}", "{x: ".repeat(100))).is_some());
        assert!(too_deep(&"- ".repeat(100)).is_some());
        assert!(too_deep(&programme(3, "  notes: \"[[[[ ' {{{{\"\n  room: it's [x\n")).is_none());
        let bundled = include_str!("../../data/igf2020.yaml");
        assert!(too_deep(bundled).is_none());
    }

    /// Brackets in text are text: in a block scalar, and in a quoted scalar over several lines
    /// (as YAML writers such as PyYAML emit long strings).
    #[test]
    fn brackets_inside_block_and_multi_line_scalars_are_not_nesting() {
        let brackets = " [".repeat(100);
        let block = programme(2, &format!("  notes: |\n    {brackets}\n    more {brackets}\n"));
        assert!(too_deep(&block).is_none());
        let folded = programme(2, &format!("  notes: >-\n    {brackets}\n"));
        assert!(too_deep(&folded).is_none());
        let quoted = programme(2, &format!("  notes: \"start\n    {brackets}\n    end\"\n"));
        assert!(too_deep(&quoted).is_none());
        // Structure after the block scalar is still read.
        let after = format!("{block}x: {}", "[".repeat(100));
        assert!(too_deep(&after).is_some());
    }

    #[test]
    fn every_field_in_error_and_every_missing_field_is_named() {
        let text = programme(2, "  colour: red\n")
            .replacen("  kind: workshop\n", "  kind: seminar\n", 1)
            .replacen("  confidence: low\n", "", 1);
        let parsed = parse(&text, "t.yaml");
        let all: Vec<String> = parsed.problems.iter().map(|p| p.message.clone()).collect();
        assert_eq!(all.len(), 3, "{all:?}");
        assert!(
            all.iter().any(|m| m.contains("colour") && m.contains("aliases")),
            "{all:?}"
        );
        assert!(all.iter().any(|m| m.contains("kind")), "{all:?}");
        assert!(all.iter().any(|m| m.contains("confidence")), "{all:?}");
        assert_eq!(parsed.problems[0].line, Some(15), "the line of `kind:`");
        assert_eq!(
            parsed.dataset.expect("frame").sessions.len(),
            1,
            "the sound session is kept"
        );
    }
}
