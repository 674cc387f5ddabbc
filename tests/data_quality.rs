//! The bundled programme as readers meet it: ids they can type, each person once per session.

mod common;
use common::{bundled_sessions, plain_ids, text};

/// Longest id a session without a published code may get: short enough to type. (Coded ids
/// follow the code, as `WS182-318` does.)
const SHORT_ID_MAX: usize = 8;

#[test]
fn every_id_is_short_and_every_alias_finds_its_session() {
    for s in bundled_sessions() {
        let id = text(&s, "id").expect("every session has an id");
        let coded = text(&s, "code").is_some();
        assert!(
            coded || id.chars().count() <= SHORT_ID_MAX,
            "{id} has no published code and is longer than {SHORT_ID_MAX}"
        );
        for alias in s["aliases"].as_sequence().into_iter().flatten() {
            let alias = alias.as_str().expect("aliases are strings");
            assert_eq!(plain_ids(&["show", alias]), vec![id.clone()], "alias {alias}");
        }
    }
}
