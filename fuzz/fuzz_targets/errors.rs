//! The error paths of arguments: dates, phases, tracks, kinds, zones, ids, bodies and countries,
//! in both languages. None may panic, and each message quotes what was typed sanitised, so it
//! holds no control, bidi or invisible character of its own.
#![no_main]

use igf::present::{messages, Lang};
use igf::query::{self, ids, zone::Zone};
use igf::term::sanitize::needs_care;
use libfuzzer_sys::fuzz_target;

fn clean(message: &str) {
    assert!(!message.chars().any(needs_care), "raw character in {message:?}");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let bundled = igf::data::bundled();
    for lang in [Lang::Ar, Lang::En] {
        messages::set_language(lang);
        let m = messages::current();
        // What a usage error says: the value as typed, quoted, and why it was refused.
        clean(&m.quoted(text));
        let refusals = [
            igf::query::typed::date(text).err(),
            igf::query::typed::phase(text).err(),
            igf::query::typed::track(text).err(),
            igf::query::typed::kind(text).err(),
        ];
        for bad in refusals.iter().flatten() {
            clean(&m.bad_value(bad));
        }
    }
    if let Err(e) = Zone::parse(text) {
        e.closest.iter().for_each(|c| clean(c));
    }
    match ids::find(&bundled, text) {
        Ok(found) => assert!(!found.is_empty()),
        Err(e) => ids::closest(&bundled, &e).iter().for_each(|c| clean(c)),
    }
    // Suggestions compare the text with every one of the programme's ~1,000 names, which costs
    // a hundred times the checks above; one input in eight (and no long one) takes that path,
    // so the run reaches its executions without losing it.
    if text.len() <= 48 && data.first().is_some_and(|b| b % 8 == 0) {
        std::hint::black_box(query::closest_body_names(&bundled, text));
        std::hint::black_box(query::closest_country_names(&bundled, text));
    }
    let q = query::countries::CountryQuery::new(text);
    for s in bundled.sessions.iter().take(8) {
        std::hint::black_box(query::involves_country(&bundled, s, text));
    }
    std::hint::black_box(q.names_a_known_country());
});
