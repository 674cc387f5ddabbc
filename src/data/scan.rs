//! One pass over a YAML text, before the parser sees it, that reads just enough of its structure to
//! bound its nesting and to split it: where the top-level `sessions:` list lies and where each of
//! its items starts, and where anchors are defined and aliases used. Both questions depend on the
//! same rule (what is text and what is structure: quoted scalars over several lines, block
//! scalars, plain scalars continued on the next line, flow collections), so it is written once.
//!
//! The scan reads bytes, not chars: every byte that matters here is ASCII, and no byte of a
//! multi-byte UTF-8 character is ASCII, so the result is the same at a fraction of the cost.

/// Where the top-level `sessions:` list lies in a file: the byte range from its key to the next
/// top-level line, and the byte offset where each of its items starts. Found for block-style lists,
/// which the bundled file and the documented schema use; for anything else there are no items
/// and callers parse the whole file at once.
pub struct SessionsBlock {
    pub key: usize,
    pub end: usize,
    pub items: Vec<usize>,
}

/// An anchor (`&name`) or an alias (`*name`): the offset of its `&` or `*` and its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark<'t> {
    pub at: usize,
    pub name: &'t str,
}

/// Where the node an anchor names lies. `lines` are whole lines of the text that hold the node and
/// parse on their own to the same node (its line from the start, or the lines of the flow
/// collection it is in), with no comment lines after it: what a part of the file that uses the
/// anchor needs in front of it. `node` is the node's own text, a bound of what an alias to it
/// repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extent {
    pub lines: (usize, usize),
    pub node: (usize, usize),
    /// Bytes of comment lines inside the node, which an alias does not repeat.
    pub comments: usize,
}

impl Extent {
    /// What an alias to the node repeats of the text, at most.
    pub fn repeated_bytes(&self) -> usize {
        (self.node.1 - self.node.0).saturating_sub(self.comments)
    }
}

/// What [`layout`] found.
pub struct Layout<'t> {
    /// The offset of the first place nested deeper than the limit given, if any; the rest of the
    /// scan is then left undone.
    pub too_deep: Option<usize>,
    pub sessions: Option<SessionsBlock>,
    /// In file order.
    pub anchors: Vec<Mark<'t>>,
    /// The extent of each anchor's node, at the anchor's index.
    pub extents: Vec<Extent>,
    /// In file order.
    pub aliases: Vec<Mark<'t>>,
    /// The text has what this scan does not follow and the parser reads in its own way: a line
    /// break other than `\n` and `\r\n` (a lone CR; NEL, LS and PS, which libyaml breaks at), a
    /// tab or a document marker (`---`, `...`) where a key or item would be, or a quote or
    /// bracket left open at the end. Such a file is read whole, so the parser, not the split,
    /// says what it holds and where it is wrong.
    pub irregular: bool,
    /// A top-level key given a second time (plain keys only): its name and where it starts.
    pub repeated_key: Option<Mark<'t>>,
}

/// Scans `text` once. Nesting counts block levels by indentation and sequence dashes, and flow
/// levels by brackets: a cheap upper bound of the parser's own depth for anything but contrived
/// text, checked against `max_depth`.
pub fn layout(text: &str, max_depth: usize) -> Layout<'_> {
    let mut scan = Scanner {
        text,
        max_depth,
        indents: Vec::new(),
        flow: 0,
        quote: None,
        block_scalar_of: None,
        plain_of: None,
        block: None,
        item_indent: None,
        not_a_list: false,
        open_block: Vec::new(),
        open_flow: Vec::new(),
        in_flow: Vec::new(),
        flow_from: 0,
        flow_key_column: None,
        content_end: 0,
        comment_bytes: 0,
        comment_bytes_at_content_end: 0,
        structure_line: None,
        previous_structure_line: None,
        layout: Layout {
            too_deep: None,
            sessions: None,
            anchors: Vec::new(),
            extents: Vec::new(),
            aliases: Vec::new(),
            irregular: false,
            repeated_key: None,
        },
        top_keys: std::collections::HashSet::new(),
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let end = next_newline(bytes, at);
        let comment = scan.line(at, &bytes[at..end]);
        if scan.layout.too_deep.is_some() {
            return scan.layout;
        }
        if comment {
            scan.comment_bytes += end + 1 - at;
        } else {
            scan.content_end = (end + 1).min(bytes.len());
            scan.comment_bytes_at_content_end = scan.comment_bytes;
        }
        at = end + 1;
    }
    if scan.flow > 0 || scan.quote.is_some() || other_line_breaks(bytes) {
        scan.layout.irregular = true;
    }
    // What is open at the end runs to the end (a flow collection left open is irregular).
    for open in std::mem::take(&mut scan.open_block) {
        open.end(
            &mut scan.layout.extents,
            scan.content_end,
            scan.comment_bytes_at_content_end,
        );
    }
    for extent in &mut scan.layout.extents {
        if extent.lines.1 == OPEN {
            extent.lines.1 = text.len();
        }
        if extent.node.1 == OPEN {
            extent.node.1 = text.len();
        }
    }
    if let Some(mut block) = scan.block.take() {
        if block.end == OPEN {
            block.end = text.len();
        }
        if scan.not_a_list {
            block.items.clear();
        }
        scan.layout.sessions = Some(block);
    }
    scan.layout
}

/// The end of an open sessions block.
const OPEN: usize = usize::MAX;

/// The offset of the next `\n` at or after `from`, or the text's length.
fn next_newline(bytes: &[u8], from: usize) -> usize {
    // Eight bytes at a time: lines of a programme are a few dozen bytes long.
    let mut i = from;
    while i + 8 <= bytes.len() {
        let word = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
        let found = bytes_equal(word, b'\n');
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| i + p)
}

/// Whether `bytes` hold a line break other than `\n` and `\r\n`: a CR alone, or NEL (C2 85),
/// LS (E2 80 A8) or PS (E2 80 A9). Eight bytes at a time, as [`next_newline`]: a programme has
/// few of the lead bytes, so the scan costs about a hundredth of the parse.
fn other_line_breaks(bytes: &[u8]) -> bool {
    let odd = |at: usize| match bytes[at] {
        b'\r' => bytes.get(at + 1) != Some(&b'\n'),
        0xC2 => bytes.get(at + 1) == Some(&0x85),
        0xE2 => bytes.get(at + 1) == Some(&0x80) && matches!(bytes.get(at + 2), Some(0xA8 | 0xA9)),
        _ => false,
    };
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let word = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
        let lead = bytes_equal(word, b'\r') | bytes_equal(word, 0xC2) | bytes_equal(word, 0xE2);
        if lead != 0 && (i..i + 8).any(odd) {
            return true;
        }
        i += 8;
    }
    (i..bytes.len()).any(odd)
}

/// The high bit of each byte of `word` that equals `b` (and possibly of a byte after one that
/// does, which callers check), zero when none does.
fn bytes_equal(word: u64, b: u8) -> u64 {
    let x = word ^ (0x0101_0101_0101_0101 * u64::from(b));
    x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080
}

fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r')
}

/// Where the value starts when a key ending before `line[from]` is followed, past blanks, by
/// `: ` (or a colon at the end of the line).
fn value_after_key(line: &[u8], from: usize) -> Option<usize> {
    let mut next = from;
    while line.get(next).is_some_and(|&b| is_blank(b)) {
        next += 1;
    }
    (line.get(next) == Some(&b':') && ends_token(line, next + 1)).then_some(next + 1)
}

/// Whether `line[i]` ends a token in block context: a blank or the end of the line.
fn ends_token(line: &[u8], i: usize) -> bool {
    line.get(i).is_none_or(|&b| is_blank(b))
}

struct Scanner<'t> {
    text: &'t str,
    max_depth: usize,
    /// Indentation of the block levels open at the current line.
    indents: Vec<usize>,
    /// Flow collections open (`[`, `{`), which may run over several lines.
    flow: usize,
    /// Inside a quoted scalar that runs over several lines: its quote.
    quote: Option<u8>,
    /// Inside a block scalar (after `key: |` or `- >`): lines indented at least this much, and
    /// blank lines, are its text.
    block_scalar_of: Option<usize>,
    /// After a plain scalar: lines indented at least this much continue it.
    plain_of: Option<usize>,
    block: Option<SessionsBlock>,
    item_indent: Option<usize>,
    /// The sessions block holds something other than a list.
    not_a_list: bool,
    /// The plain keys seen at the top level.
    top_keys: std::collections::HashSet<&'t str>,
    /// Anchors in block context whose node has not ended yet.
    open_block: Vec<OpenNode>,
    /// Anchors inside the flow collection open at this point: the index of each and the flow
    /// level it is at, innermost last.
    open_flow: Vec<(usize, usize)>,
    /// Anchors inside the outermost flow collection open at this point.
    in_flow: Vec<usize>,
    /// Where the line that opened the outermost flow collection starts.
    flow_from: usize,
    /// The column of the outermost flow collection, when it opened where a key may start: a
    /// `: value` after it on the same line is its value.
    flow_key_column: Option<usize>,
    /// The end of the last line that was not a comment line (a blank line counts: it may be
    /// the text of a block scalar that keeps its final line breaks).
    content_end: usize,
    /// Bytes of comment lines so far, and as they were at `content_end`.
    comment_bytes: usize,
    comment_bytes_at_content_end: usize,
    /// Where the last line read as structure (not text of a scalar, a comment or blank) starts,
    /// and the one before it.
    structure_line: Option<usize>,
    previous_structure_line: Option<usize>,
    layout: Layout<'t>,
}

/// An anchored node in block context that lines indented at least `inner` continue, and, when
/// it is a key's value, a list at the key's own column (`key: &a` then `- item`).
struct OpenNode {
    anchor: usize,
    inner: usize,
    compact: bool,
    /// `comment_bytes` when the node began.
    comments_before: usize,
}

impl OpenNode {
    /// The node ends at `end`, the end of its last line that is not a comment, when
    /// `comment_bytes` was `comments`.
    fn end(&self, extents: &mut [Extent], end: usize, comments: usize) {
        let extent = &mut extents[self.anchor];
        extent.lines.1 = end;
        extent.node.1 = end;
        extent.comments = comments - self.comments_before;
    }
}

impl<'t> Scanner<'t> {
    /// One line, without its `\n`, starting at byte `at` of the text. True when the line is
    /// a comment and nothing else.
    fn line(&mut self, at: usize, line: &[u8]) -> bool {
        if let Some(q) = self.quote {
            match closing_quote(line, 0, q) {
                None => return false,
                Some(after) => {
                    self.quote = None;
                    if self.flow > 0 {
                        self.flow_text(at, line, after);
                    }
                    // A quoted scalar over several lines cannot be a key: the rest is a comment.
                    return false;
                }
            }
        }
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        let blank = line[indent..].iter().all(|&b| is_blank(b));
        if let Some(inner) = self.block_scalar_of {
            if blank || indent >= inner {
                return false;
            }
            self.block_scalar_of = None;
        }
        if self.flow > 0 {
            self.flow_text(at, line, indent);
            return false;
        }
        if blank {
            return false;
        }
        let marker = indent == 0 && (line.starts_with(b"---") || line.starts_with(b"...")) && ends_token(line, 3);
        if line[indent] == b'\t' || (marker && at > 0) {
            self.layout.irregular = true;
        }
        if line[indent] == b'#' {
            // A comment ends a plain scalar.
            self.plain_of = None;
            return true;
        }
        if let Some(inner) = self.plain_of {
            if indent >= inner {
                return false;
            }
            self.plain_of = None;
        }
        self.end_nodes_before(line, indent);
        self.previous_structure_line = self.structure_line;
        self.structure_line = Some(at);
        while self.indents.last().is_some_and(|&i| i >= indent) {
            self.indents.pop();
        }
        self.indents.push(indent);
        let mut pos = indent;
        let mut dashes = 0;
        // A node continues on lines indented past the collection it is in (as the parser
        // counts: a dash's column, else the enclosing level's), or anywhere at the top level.
        let mut inner = match self.indents.len() {
            n if n >= 2 => self.indents[n - 2] + 1,
            _ => 0,
        };
        while line.get(pos) == Some(&b'-') && ends_token(line, pos + 1) {
            dashes += 1;
            inner = pos + 1;
            pos += 1;
            while line.get(pos).is_some_and(|&b| is_blank(b)) {
                pos += 1;
            }
        }
        if self.indents.len() + dashes > self.max_depth {
            self.layout.too_deep = Some(at);
            return false;
        }
        self.sessions_line(at, line, indent, dashes > 0);
        self.node(at, line, pos, inner, dashes, false);
        false
    }

    /// Notes the plain key a top-level line starts with, and the first one given twice: the
    /// parser says only that the document repeats a key, at its first line.
    fn top_key(&mut self, at: usize, line: &[u8]) {
        let key_end = (0..line.len()).find(|&i| line[i] == b':' && ends_token(line, i + 1));
        let Some(end) = key_end.filter(|&end| end > 0) else {
            return;
        };
        let name: &'t str = &self.text[at..at + end];
        if name
            .bytes()
            .any(|b| matches!(b, b'"' | b'\'' | b'[' | b'{' | b'#' | b'&' | b'*' | b'!' | b'?'))
        {
            return;
        }
        if !self.top_keys.insert(name) && self.layout.repeated_key.is_none() {
            self.layout.repeated_key = Some(Mark { at, name });
        }
    }

    /// Ends the anchored nodes that the structure starting on this line (at `indent`) is not
    /// part of; their text ends with the last line before this one that is not a comment.
    fn end_nodes_before(&mut self, line: &[u8], indent: usize) {
        let dash = line[indent] == b'-' && ends_token(line, indent + 1);
        let extents = &mut self.layout.extents;
        let (end, comments) = (self.content_end, self.comment_bytes_at_content_end);
        self.open_block.retain(|open| {
            let continues = indent >= open.inner || (open.compact && dash && indent + 1 == open.inner);
            if !continues {
                open.end(extents, end, comments);
            }
            continues
        });
    }

    /// Follows the top-level `sessions:` list: a line at column 0 that is not an item ends it,
    /// and an item at the indentation of its first item starts a session.
    fn sessions_line(&mut self, at: usize, line: &[u8], indent: usize, dashed: bool) {
        if indent == 0 && !dashed {
            self.top_key(at, line);
            match self.block.as_mut() {
                Some(b) if b.end == OPEN => b.end = at,
                Some(_) => {}
                None => {
                    let rest = line.strip_prefix(b"sessions:");
                    let empty = rest.is_some_and(|rest| {
                        let value = rest.iter().position(|&b| !is_blank(b)).map_or(&[][..], |p| &rest[p..]);
                        value.is_empty() || (value[0] == b'#' && rest.first().is_some_and(|&b| is_blank(b)))
                    });
                    if empty {
                        self.block = Some(SessionsBlock {
                            key: at,
                            end: OPEN,
                            items: Vec::new(),
                        });
                    }
                }
            }
            return;
        }
        let Some(b) = self.block.as_mut().filter(|b| b.end == OPEN) else {
            return;
        };
        match self.item_indent {
            None if dashed => {
                self.item_indent = Some(indent);
                b.items.push(at);
            }
            None => self.not_a_list = true,
            Some(i) if dashed && i == indent => b.items.push(at),
            Some(_) => {}
        }
    }

    /// The node starting at `line[pos]` in block context; `inner` is the least indentation of
    /// lines that continue it (past its key's column, or its dash's). `levels` counts the
    /// dashes before it on this line, for the depth bound. `value` when the node is a key's
    /// value, which cannot be a key itself.
    fn node(&mut self, at: usize, line: &[u8], mut pos: usize, inner: usize, levels: usize, value: bool) {
        // An anchor first on its line whose lines were started on the line before; it is on a
        // key (`&a key: v`) when a key follows, and then its own line is enough.
        let mut from_line_before = None;
        loop {
            while line.get(pos).is_some_and(|&b| is_blank(b)) {
                pos += 1;
            }
            let Some(&c) = line.get(pos) else {
                return;
            };
            match c {
                b'#' => return,
                b'&' | b'*' | b'!' => {
                    let anchors = self.layout.anchors.len();
                    let end = self.mark(at, line, pos, c);
                    if self.layout.anchors.len() > anchors {
                        // The node's text is its lines, from this one on; from the line before
                        // when only indentation or an explicit value's `:` comes first on this
                        // one, because its key, or a tag of the node, is there.
                        let before = line[..pos].iter().filter(|&&b| !is_blank(b));
                        let alone = before.clone().count() == 0 || before.eq(b":".iter());
                        let start = match self.previous_structure_line {
                            Some(previous) if alone => {
                                from_line_before = Some(anchors);
                                previous
                            }
                            _ => at,
                        };
                        self.layout.extents.push(Extent {
                            lines: (start, OPEN),
                            node: (start, OPEN),
                            comments: 0,
                        });
                        self.open_block.push(OpenNode {
                            anchor: anchors,
                            // At the top level, the next line at the margin is another node.
                            inner: inner.max(1),
                            compact: value,
                            comments_before: self.comment_bytes,
                        });
                    }
                    if c == b'*' {
                        // An alias is a whole node; what follows is a comment, or `: value`
                        // when the alias is a key.
                        if let Some(value) = value_after_key(line, end) {
                            self.node(at, line, value, pos + 1, levels, true);
                        }
                        return;
                    }
                    pos = end;
                }
                b'"' | b'\'' => {
                    let Some(after) = closing_quote(line, pos + 1, c) else {
                        self.quote = Some(c);
                        return;
                    };
                    // A quoted key: its value follows the colon.
                    if let Some(value) = value_after_key(line, after) {
                        self.anchor_on_key(from_line_before, at);
                        self.node(at, line, value, pos + 1, levels, true);
                    }
                    return;
                }
                b'[' | b'{' => {
                    self.flow_key_column = (!value).then_some(pos);
                    self.open_flow(at, pos, levels);
                    if self.layout.too_deep.is_none() {
                        self.flow_text(at, line, pos + 1);
                    }
                    return;
                }
                b'|' | b'>' => {
                    self.block_scalar_of = Some(inner);
                    return;
                }
                b'?' | b':' if ends_token(line, pos + 1) => {
                    // Explicit key or value: a node follows, as after a dash.
                    return self.node(at, line, pos + 1, pos + 1, levels, false);
                }
                _ if value => {
                    // A plain value is text to the end of the line (a `: ` in it would be an
                    // error, a ` #` a comment), and the next lines may continue it.
                    self.plain_of = Some(inner);
                    return;
                }
                _ => {
                    // A plain scalar: a key if `: ` follows on this line, else text that the
                    // next lines may continue. ` #` starts a comment.
                    let mut i = pos;
                    while i < line.len() {
                        match line[i] {
                            b':' if ends_token(line, i + 1) => {
                                self.anchor_on_key(from_line_before, at);
                                return self.node(at, line, i + 1, pos + 1, levels, true);
                            }
                            b'#' if is_blank(line[i - 1]) => return,
                            _ => i += 1,
                        }
                    }
                    self.plain_of = Some(inner);
                    return;
                }
            }
        }
    }

    /// The anchor found first on the line at `at` was on a key: its lines start there.
    fn anchor_on_key(&mut self, anchor: Option<usize>, at: usize) {
        if let Some(anchor) = anchor {
            let extent = &mut self.layout.extents[anchor];
            extent.lines.0 = at;
            extent.node.0 = at;
        }
    }

    /// Records the anchor or alias at `line[pos]` (a tag is skipped) and returns where it ends.
    fn mark(&mut self, at: usize, line: &[u8], pos: usize, sigil: u8) -> usize {
        // libyaml's names are letters, digits, `_` and `-`; a tag runs to a blank.
        let in_name = |b: u8| match sigil {
            b'!' => !is_blank(b),
            _ => b.is_ascii_alphanumeric() || b == b'_' || b == b'-',
        };
        let end = line[pos + 1..]
            .iter()
            .position(|&b| !in_name(b))
            .map_or(line.len(), |p| pos + 1 + p);
        if end > pos + 1 {
            let mark = Mark {
                at: at + pos,
                name: &self.text[at + pos + 1..at + end],
            };
            match sigil {
                b'&' => self.layout.anchors.push(mark),
                b'*' => self.layout.aliases.push(mark),
                _ => {}
            }
        }
        end
    }

    fn open_flow(&mut self, at: usize, pos: usize, levels: usize) {
        if self.flow == 0 {
            self.flow_from = at;
        }
        self.flow += 1;
        if self.indents.len() + levels + self.flow > self.max_depth {
            self.layout.too_deep = Some(at + pos);
        }
    }

    /// Ends the nodes of anchors at this flow level or deeper, at `offset` (a comma or a closing
    /// bracket).
    fn end_flow_nodes(&mut self, offset: usize) {
        while let Some(&(anchor, level)) = self.open_flow.last() {
            if level < self.flow {
                break;
            }
            self.layout.extents[anchor].node.1 = offset;
            self.open_flow.pop();
        }
    }

    /// The rest of a line inside a flow collection, from `line[pos]`: brackets nest, quoted
    /// scalars start where a node may start, and the collection may end on this line.
    fn flow_text(&mut self, at: usize, line: &[u8], mut pos: usize) {
        // Whether a node may start here: after an opening bracket, a comma, a value's colon or
        // an anchor or tag, and the blanks after them.
        let mut node_start = true;
        // Right after a quoted scalar or a collection, where `:` marks a value at once (`"a":b`).
        let mut after_closed = false;
        while pos < line.len() {
            let c = line[pos];
            match c {
                b'[' | b'{' => {
                    self.open_flow(at, pos, 0);
                    if self.layout.too_deep.is_some() {
                        return;
                    }
                }
                b']' | b'}' => {
                    self.end_flow_nodes(at + pos);
                    self.flow -= 1;
                    if self.flow == 0 {
                        // Anchored nodes in the collection have it, to the end of this line,
                        // as their lines.
                        let line_end = (at + line.len() + 1).min(self.text.len());
                        for anchor in self.in_flow.drain(..) {
                            self.layout.extents[anchor].lines.1 = line_end;
                        }
                        // What follows a flow collection in block context is a comment, or
                        // `: value` when it is a key (on one line).
                        let column = self.flow_key_column.take().filter(|_| self.flow_from == at);
                        if let Some((column, value)) = column.zip(value_after_key(line, pos + 1)) {
                            self.node(at, line, value, column + 1, 0, true);
                        }
                        return;
                    }
                }
                b'#' if pos == 0 || is_blank(line[pos - 1]) => return,
                b'"' | b'\'' if node_start => match closing_quote(line, pos + 1, c) {
                    Some(after) => {
                        pos = after;
                        node_start = false;
                        after_closed = true;
                        continue;
                    }
                    None => {
                        self.quote = Some(c);
                        return;
                    }
                },
                b'&' | b'*' | b'!' if node_start => {
                    let anchors = self.layout.anchors.len();
                    let end = self.mark(at, line, pos, c);
                    if self.layout.anchors.len() > anchors {
                        self.layout.extents.push(Extent {
                            lines: (self.flow_from, OPEN),
                            node: (at + pos, OPEN),
                            comments: 0,
                        });
                        self.open_flow.push((anchors, self.flow));
                        self.in_flow.push(anchors);
                    }
                    pos = end;
                    // After an anchor or a tag the node itself follows; an alias is the node.
                    node_start = c != b'*';
                    after_closed = c == b'*';
                    continue;
                }
                b',' => self.end_flow_nodes(at + pos),
                _ => {}
            }
            node_start = match c {
                b'[' | b'{' | b',' => true,
                // In `b:c` the colon is text: it marks a value before a blank or a flow
                // indicator, or right after a quoted key or a collection.
                b':' => {
                    after_closed
                        || line
                            .get(pos + 1)
                            .is_none_or(|&b| is_blank(b) || matches!(b, b',' | b'[' | b']' | b'{' | b'}'))
                }
                b' ' | b'\t' => node_start,
                _ => false,
            };
            after_closed = matches!(c, b']' | b'}') || (after_closed && is_blank(c));
            pos += 1;
        }
    }
}

/// Where a quoted scalar opened by `quote` and read from `line[from]` closes: the offset just
/// past its closing quote, or None when it runs on to the next line.
fn closing_quote(line: &[u8], from: usize, quote: u8) -> Option<usize> {
    let mut i = from;
    while i < line.len() {
        let c = line[i];
        if quote == b'"' && c == b'\\' {
            i += 2;
            continue;
        }
        if c == quote {
            if quote == b'\'' && line.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return Some(i + 1);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<usize> {
        layout(text, 64).sessions.map(|b| b.items).unwrap_or_default()
    }

    #[test]
    fn newlines_are_found_at_every_offset() {
        let text = b"ab\ncdefghijk\n\nlmnopqrstuvwxyz0123\n";
        let expected: Vec<usize> = text
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b'\n')
            .map(|(i, _)| i)
            .collect();
        for from in 0..text.len() {
            let want = expected.iter().copied().find(|&i| i >= from).unwrap_or(text.len());
            assert_eq!(next_newline(text, from), want, "from {from}");
        }
        assert_eq!(next_newline(b"no newline at all here", 0), 22);
    }

    #[test]
    fn items_of_a_block_list_are_found_and_text_is_not_taken_for_items() {
        let text = "forum: x\nsessions:\n- id: a\n  title: \"one\n- two\nthree: 3\"\n  notes: |\n    - not an item\n\n\
                    - id: b\n  title: 'it''s\nfour: 4'\n  kind: k\n- id: c\n  more: [x,\n- y]\nbodies: []\n";
        let starts: Vec<&str> = items(text).iter().map(|&at| &text[at..at + 7]).collect();
        assert_eq!(starts, ["- id: a", "- id: b", "- id: c"]);
        let block = layout(text, 64).sessions.expect("a sessions block");
        assert_eq!(&text[block.end..], "bodies: []\n");
    }

    #[test]
    fn anchors_and_aliases_are_marks_but_ampersands_in_text_are_not() {
        let text = "a: &one x\nb: R&D *not\nc: *one\nd: [&two y, *two]\n";
        let found = layout(text, 64);
        let names = |marks: &[Mark]| marks.iter().map(|m| m.name.to_owned()).collect::<Vec<_>>();
        assert_eq!(names(&found.anchors), ["one", "two"]);
        assert_eq!(names(&found.aliases), ["one", "two"]);
        assert_eq!(&text[found.aliases[0].at..found.aliases[0].at + 4], "*one");
    }

    /// Text that only looks like an anchor is not one: after a colon inside a plain scalar
    /// (`b:&x`), after a space inside one (`a &b`); and one after an alias used as a key is.
    #[test]
    fn anchors_are_found_where_yaml_puts_them_and_nowhere_else() {
        let names = |text: &str| {
            layout(text, 64)
                .anchors
                .iter()
                .map(|m| m.name.to_owned())
                .collect::<Vec<_>>()
        };
        assert!(names("a: [b:&x c]\n").is_empty());
        assert!(names("a: [b &x]\n").is_empty());
        assert_eq!(names("a: [&x b, c: &y d, \"e\":&z f]\n"), ["x", "y", "z"]);
        assert_eq!(names("a: &k 1\n*k : &t v\n"), ["k", "t"]);
        assert_eq!(names("[k]: &t v\n"), ["t"]);
        assert!(
            layout("a: [x #, &y z\n]\n", 64).anchors.is_empty(),
            "a comment in a flow list"
        );
    }

    /// Lines of anchored nodes end where the node does, at the margin too, so the scan stays
    /// linear however many anchors a file has.
    #[test]
    fn a_node_on_a_key_at_the_margin_ends_at_the_next_line_there() {
        let text = "&a k1: v\n&b k2:\n  x: 1\nk3: w\n";
        let found = layout(text, 64);
        let lines: Vec<&str> = found.extents.iter().map(|e| &text[e.lines.0..e.lines.1]).collect();
        assert_eq!(lines, ["&a k1: v\n", "&b k2:\n  x: 1\n"]);
        // Each ends on its own line, so no more than one is ever open.
        let many: String = (0..1000).map(|i| format!("&a{i} k{i}: v\n")).collect();
        let found = layout(&many, 64);
        assert_eq!(found.extents.len(), 1000);
        for (mark, extent) in found.anchors.iter().zip(&found.extents) {
            assert_eq!(extent.lines.0, mark.at);
            assert_eq!(many[extent.lines.0..extent.lines.1].matches('\n').count(), 1);
        }
    }

    #[test]
    fn a_sessions_key_with_anything_but_a_block_list_has_no_items() {
        assert!(items("sessions:\n  a: b\n  - c\n").is_empty());
        assert!(layout("sessions: [a, b]\n", 64).sessions.is_none());
        assert_eq!(items("sessions: # the list\n  - a\n  - b\n").len(), 2);
    }
}
