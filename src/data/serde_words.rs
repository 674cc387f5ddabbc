//! serde's and serde_yaml's English refusals, read for what they say so the messages can word
//! them in the interface language. Together with load.rs, this is the only place that knows how
//! serde phrases an error; a phrase it does not recognise is passed on as serde gives it.

use crate::present::messages;

/// A kind of value, as a refusal names what it found or what it expected. Values in it are ready
/// to print: quoted and cleaned by [`refusal`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape<'a> {
    List,
    /// A mapping of fields (a struct, a map).
    Mapping,
    /// The whole programme file: a mapping with `forum` and `sessions`.
    Programme,
    /// Text; the value as serde quotes it when it was found.
    Text(Option<&'a str>),
    /// A whole number; the value when it was found.
    Whole(Option<&'a str>),
    /// A whole number from 0 up to this (the field's integer type).
    WholeUpTo(u128),
    /// A number with a fraction.
    Number(&'a str),
    /// true or false; the value when it was found.
    Boolean(Option<&'a str>),
    /// No value (`null`, `~`, nothing after the colon).
    Empty,
    /// A date written YYYY-MM-DD.
    Date,
    /// One of a fixed set of names (a kind, a track, a confidence).
    Name,
    /// Something this module does not recognise, in serde's words.
    Other(&'a str),
}

/// What serde says it found: `integer `5``, `string "x"`, `sequence`.
fn found(phrase: &str) -> Shape<'_> {
    let between_ticks = |rest: &'static str| phrase.strip_prefix(rest).map(|v| v.trim_matches('`'));
    if let Some(v) = between_ticks("integer ") {
        // Beyond 64 bits serde_yaml says "integer `N` as u128".
        let v = v.split('`').next().unwrap_or(v);
        Shape::Whole(Some(v))
    } else if let Some(v) = between_ticks("floating point ") {
        Shape::Number(v)
    } else if let Some(v) = between_ticks("boolean ") {
        Shape::Boolean(Some(v))
    } else if let Some(v) = phrase.strip_prefix("string ") {
        Shape::Text(Some(v.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(v)))
    } else {
        match phrase {
            "sequence" => Shape::List,
            "map" | "struct" | "struct variant" => Shape::Mapping,
            "unit value" | "unit" | "null" | "Option value" => Shape::Empty,
            _ => Shape::Other(phrase),
        }
    }
}

/// What serde says it expected: `a string`, `u32`, `struct Speaker`, `a Value::Tagged enum`.
fn expected(phrase: &str) -> Shape<'_> {
    let bits = |p: &str| p.parse::<u32>().ok().filter(|b| *b <= 128);
    if let Some(bits) = phrase.strip_prefix('u').and_then(bits) {
        return Shape::WholeUpTo(u128::MAX >> (128 - bits));
    }
    if phrase.strip_prefix('i').and_then(bits).is_some() {
        return Shape::Whole(None);
    }
    match phrase {
        "struct LooseDataset" | "struct Dataset" => Shape::Programme,
        _ if phrase.starts_with("struct ") || phrase == "a map" => Shape::Mapping,
        _ if phrase.ends_with(" enum") || phrase.starts_with("enum ") => Shape::Name,
        "a string" | "a borrowed string" | "a character" => Shape::Text(None),
        "a sequence" => Shape::List,
        "a boolean" => Shape::Boolean(None),
        "f32" | "f64" => Shape::Number(""),
        "a formatted date string" => Shape::Date,
        _ => Shape::Other(phrase),
    }
}

/// chrono's reasons for text that is not a date; serde passes them on as they are.
const NOT_A_DATE: [&str; 6] = [
    "input is out of range",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "input is not enough for unique date and time",
    "input is impossible",
];

/// The refusal of a value, worded in the interface language when serde's phrase is one this
/// module reads: a wrong type or value ("invalid type: integer `5`, expected a string"), a date
/// chrono cannot read, a clock time the model refused. `value` is the text refused, when known.
pub fn refusal(reason: &str, value: Option<&str>) -> Option<String> {
    let m = messages::current();
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some((what, wanted)) = reason.strip_prefix(prefix).and_then(|r| r.rsplit_once(", expected ")) {
            // Text from the file is quoted as the language quotes; serde's own words are shortened
            // and cleaned like any echoed value.
            let quoted;
            let cleaned;
            let what = match found(what) {
                Shape::Text(Some(v)) => {
                    quoted = m.quoted(v);
                    Shape::Text(Some(&quoted))
                }
                Shape::Other(v) => {
                    cleaned = crate::term::sanitize::shortened(v, crate::term::sanitize::ECHO_CHARS);
                    Shape::Other(&cleaned)
                }
                shape => shape,
            };
            // serde_yaml's own value type holds numbers of up to 64 bits.
            if let (Shape::Whole(Some(n)), "any YAML value") = (what, wanted) {
                return Some((m.number_too_large)(n));
            }
            return Some((m.wrong_type)(&(m.shape)(&what), &(m.shape)(&expected(wanted))));
        }
    }
    if let Some(key) = reason
        .strip_prefix("duplicate entry with key ")
        .or_else(|| reason.strip_prefix("duplicate field "))
    {
        let key = key.trim_matches(|c| c == '`' || c == '"');
        return Some((m.duplicate_key)(&m.quoted(key)));
    }
    match reason {
        "deserializing from YAML containing more than one document is not supported" => {
            return Some(m.several_documents.to_owned())
        }
        "repetition limit exceeded" => return Some(m.too_many_repetitions.to_owned()),
        "recursion limit exceeded" => return Some((m.too_deep)(super::load::MAX_DEPTH)),
        _ => {}
    }
    if reason == super::model::NO_VALUE {
        return Some(m.no_value.to_owned());
    }
    if NOT_A_DATE.contains(&reason) {
        return Some((m.not_a_calendar_date)(value.map(|v| m.quoted(v)).as_deref()));
    }
    let value = value?;
    // data::model's own refusal of a start or end time (it cannot reach the message tables).
    if reason.starts_with(super::model::BAD_TIME) {
        return Some((m.bad_clock_time)(&m.quoted(value)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_phrases_read_as_shapes() {
        assert_eq!(found("integer `5`"), Shape::Whole(Some("5")));
        assert_eq!(found("string \"x y\""), Shape::Text(Some("x y")));
        assert_eq!(found("floating point `1.5`"), Shape::Number("1.5"));
        assert_eq!(found("sequence"), Shape::List);
        assert_eq!(found("map"), Shape::Mapping);
        assert_eq!(expected("u8"), Shape::WholeUpTo(255));
        assert_eq!(expected("u32"), Shape::WholeUpTo(u32::MAX.into()));
        assert_eq!(expected("u128"), Shape::WholeUpTo(u128::MAX));
        assert_eq!(expected("i64"), Shape::Whole(None));
        assert_eq!(expected("struct Speaker"), Shape::Mapping);
        assert_eq!(expected("struct LooseDataset"), Shape::Programme);
        assert_eq!(expected("a Value::Tagged enum"), Shape::Name);
        assert_eq!(expected("a formatted date string"), Shape::Date);
        assert_eq!(expected("something new"), Shape::Other("something new"));
    }
}
