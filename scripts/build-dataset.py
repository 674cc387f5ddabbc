#!/usr/bin/env python3
"""Builds data/igf2020.yaml from gathered fact files.

Used when facts are imported or extended; the bundled YAML is the maintained artifact afterwards.

    scripts/build-dataset.py FACTS_DIR [EXTRA_SESSIONS.yaml ...] [--translations FILE] \
        [--corrections FILE ...] [--bodies-ar FILE] -o data/igf2020.yaml

FACTS_DIR holds sessions.facts.yaml, names.ar.yaml and egypt-bodies.facts.yaml. Extra session files
use the same fields plus title_ar and summary_ar. Nothing is dropped: every field of every fact item
lands in the output, and unknown values stay null.
"""
import argparse
import re
import sys
import unicodedata

import yaml

TIME_FIELD = re.compile(r"^(\s*-?\s*(?:start_utc|end_utc):\s*)(\d{1,2}:\d{2})\s*$", re.M)

CODE_PREFIX = {"pre-event": "PE", "open-forum": "OF", "workshop": "WS"}
SLUG_PREFIX = {
    "dynamic-coalition": "dc",
    "nri": "nri",
    "bpf": "bpf",
    "main-session": "main",
    "high-level-leaders": "hll",
    "parliamentary": "parl",
    "introductory": "intro",
    "concluding": "concl",
    "newcomers": "newcomers",
    "ceremony": "ceremony",
    "youth": "youth",
    "networking": "net",
    "other": "other",
    "pre-event": "pe",
    "open-forum": "of",
    "workshop": "ws",
}
STOP = {"the", "a", "an", "of", "and", "in", "on", "for", "to", "igf", "2020", "session", "&",
        # words the id's kind prefix already says
        "main", "dc", "dcs", "dynamic", "coalition", "bpf", "high", "level", "leaders", "track",
        "nri", "nris", "parliamentary"}


def load(path):
    """Reads YAML with every HH:MM quoted first, because YAML 1.1 reads 16:50 as 1010."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = TIME_FIELD.sub(lambda m: f"{m.group(1)}'{int(m.group(2).split(':')[0]):02d}:{m.group(2).split(':')[1]}'", text)
    return yaml.safe_load(text) or []


def slug(title):
    words = re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", title or "").lower())
    words = [w for w in words if w not in STOP]
    return "-".join(words[:3]) or "untitled"


def numbers_of(code):
    return [int(n) for n in re.findall(r"\d+", code.split("#", 1)[1])] if code and "#" in code else []


def make_id(item, taken):
    code = item.get("code")
    prefix = CODE_PREFIX.get(item["kind"])
    if prefix and code and "#" in code:
        base = prefix + "-".join(str(n) for n in numbers_of(code))
    else:
        base = SLUG_PREFIX[item["kind"]] + "-" + slug(item.get("title") or item.get("summary"))
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident


def key(item):
    return (item.get("code"), item.get("title"), str(item.get("date")))


# Egypt's part, structured from the facts' free-text `egypt` field and egypt-bodies.facts.yaml.
EGYPT = {
    "Pre-Event #30": [{"body": "MCIT", "role": "participant", "role_ar": "مشاركة", "evidence_from_facts": True}],
    "OF #39": [{"body": "MCIT", "role": "participant", "role_ar": "مشاركة", "evidence_from_facts": True}],
    "OF #21": [
        {"body": "MCIT", "role": "participant", "role_ar": "مشاركة", "evidence_from_facts": True},
        {"person": "Sally Radwan", "role": "speaker", "role_ar": "متحدثة (فريق عمل جامعة الدول العربية المعني بالذكاء الاصطناعي)",
         "evidence": "Listed as speaker 'Arab League Working Group on AI (Egypt)' on The Future Society's event page.",
         "sources": ["https://thefuturesociety.org/events/internet-governance-forum-2020-strengthening-implementation-capacities-for-ai-ethics/"]},
    ],
}
# Our Arabic wording of the bodies' roles (the facts give them in English).
ROLES_AR = {
    "MCIT": "شاركت في الحدث التحضيري رقم ٣٠ (٣ نوفمبر) والمنتدى المفتوح رقم ٣٩ (٤ نوفمبر) والمنتدى المفتوح رقم ٢١ "
            "(٥ نوفمبر وفق الخبر الإنجليزي، و٤ نوفمبر وفق الخبر العربي). تذكر صفحتها عن المنتدى أن مصر عضو في اللجنة "
            "الاستشارية وأن الجهاز القومي لتنظيم الاتصالات يتولى أمانة منتدى حوكمة الإنترنت العربي، وأدرجت المنتدى المفتوح "
            "رقم ٦ (منتدى الاتحاد الأفريقي المفتوح) في تقويم فعالياتها.",
    "NTRA": "شارك في «عدة» فعاليات للمنتدى عام ٢٠٢٠ لم تسمِّها بياناته، وعرض استجابة مصر لجائحة كوفيد-١٩ واستثمارات "
            "في البنية التحتية للاتصالات بنحو ١٫٦ مليار دولار. مثّل مصر في أول مشاورات مفتوحة واجتماع للجنة الاستشارية "
            "في جنيف (١٤–١٦ يناير ٢٠٢٠)، ويستضيف أمانة منتدى حوكمة الإنترنت العربي.",
    "ARABIGF": "منتدى إقليمي لحوكمة الإنترنت يتولى الجهاز القومي لتنظيم الاتصالات مهام أمانته؛ مثّله في الجلسة الرئيسية "
               "لمبادرات المنتدى الوطنية والإقليمية قصي الشطي بحسب dig.watch.",
}

# Codes whose Egyptian participation scripts/corrections.yaml writes out in full.
CURATED_EGYPT = set()

# Glimpsed sessions that the sources do not show were held (recorded in data/README.md).
DROPPED = {"Pre-Event #10": "page without time block or title; not shown to have been held"}

OTHER_DATES = {
    "OF #21": [{"date": "2020-11-04", "by": "MCIT Arabic news item 52905",
                "source": "https://mcit.gov.eg/Ar/Media_Center/Latest_News/News/52905"}],
}


def egypt_entries(item):
    text = item.get("egypt")
    code = item.get("code")
    if not text or code in CURATED_EGYPT:
        return []
    mcit_sources = [s for s in item.get("sources", []) if "mcit.gov.eg" in s]
    if code in EGYPT:
        out = []
        for e in EGYPT[code]:
            e = dict(e)
            if e.pop("evidence_from_facts", False):
                e["evidence"] = text
                e["sources"] = mcit_sources
            out.append(e)
        return out
    if "Arab IGF" in text:
        return [{"body": "ARABIGF", "role": "indirect: the Arab IGF, whose secretariat NTRA hosts, took part",
                 "role_ar": "مشاركة غير مباشرة: شارك منتدى حوكمة الإنترنت العربي الذي تستضيف أمانته الجهاز القومي لتنظيم الاتصالات",
                 "evidence": text, "sources": [s for s in item.get("sources", []) if "dig.watch" in s or "mcit" in s]}]
    if "MCIT" in text:
        return [{"body": "MCIT", "role": "listed on MCIT's events calendar",
                 "role_ar": "مدرجة في تقويم فعاليات الوزارة", "evidence": text,
                 "sources": ["https://mcit.gov.eg/en/Events/Event_Details/28104"]}]
    sys.exit(f"egypt text without a structured entry for {key(item)}: add one to scripts/corrections.yaml")


def session(item, taken, translations, names_ar):
    code = item.get("code")
    tr = translations.get(key(item), {})
    title_ar = item.get("title_ar") or tr.get("title_ar")
    if code in names_ar["events"]:
        title_ar = names_ar["events"][code]
    out = {
        "id": make_id(item, taken),
        "kind": item["kind"],
        "code": code,
        "number": item.get("number"),
        "title_en": item.get("title"),
        "title_ar": title_ar,
        "date": str(item["date"]) if item.get("date") else None,
        "start_utc": item.get("start_utc"),
        "end_utc": item.get("end_utc"),
        "room": item.get("room"),
        "format": item.get("format"),
        "track": item.get("track"),
        "organizers": item.get("organizers") or [],
        "speakers": item.get("speakers") or [],
        "egypt": egypt_entries(item),
        "other_dates": OTHER_DATES.get(code, []),
        "summary_en": item.get("summary"),
        "summary_ar": item.get("summary_ar") or tr.get("summary_ar"),
        "sources": item.get("sources") or [],
        "confidence": item.get("confidence"),
        "notes": item.get("notes"),
        "out_of_programme": False,
    }
    known = set(out) | {"title", "summary", "egypt"}
    extra = set(item) - known
    if extra:
        sys.exit(f"unmapped fields {sorted(extra)} in {key(item)}")
    return out


def apply_corrections(sessions, corrections):
    """Applies curated corrections (scripts/corrections.yaml); every one must match exactly once."""
    for c in corrections:
        hits = [s for s in sessions if c["match"] in (s["code"], s["title_en"])]
        if len(hits) != 1:
            sys.exit(f"correction matches {len(hits)} sessions: {c['match']}")
        s = hits[0]
        for field, value in (c.get("set") or {}).items():
            if s.get(field) not in (None, [], value) and field not in ("code", "confidence", "organizers"):
                print(f"{s['id']}.{field}: {s.get(field)!r} -> {value!r}", file=sys.stderr)
            s[field] = value
        s["speakers"].extend(c.get("add_speakers") or [])
        for src in c.get("add_sources") or []:
            if src not in s["sources"]:
                s["sources"].append(src)
        if c.get("append_note"):
            s["notes"] = f"{s['notes']} | {c['append_note']}" if s["notes"] else c["append_note"]
        if c.get("egypt"):
            s["egypt"] = c["egypt"]
        s["other_dates"].extend(c.get("other_dates") or [])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("facts_dir")
    ap.add_argument("extra", nargs="*")
    ap.add_argument("--translations")
    ap.add_argument("--corrections", action="append", default=[])
    ap.add_argument("--bodies-ar")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()

    facts = load(f"{a.facts_dir}/sessions.facts.yaml")
    names_ar = load(f"{a.facts_dir}/names.ar.yaml")
    bodies = load(f"{a.facts_dir}/egypt-bodies.facts.yaml")
    translations = {}
    if a.translations:
        for t in load(a.translations):
            translations[key(t)] = t

    corrections = [c for path in a.corrections for c in load(path)]
    CURATED_EGYPT.update(c["match"] for c in corrections if c.get("egypt"))
    taken = set()
    sessions = [session(i, taken, translations, names_ar) for i in facts]
    seen = {(s["code"], s["title_en"], s["date"]) for s in sessions}
    for path in a.extra:
        for item in load(path):
            if item.get("code") in DROPPED:
                print(f"dropped {item.get('code')}: {DROPPED[item['code']]}", file=sys.stderr)
                continue
            k = (item.get("code"), item.get("title"), str(item.get("date")))
            if k in seen or (item.get("code") and any(item["code"] == c and d == str(item.get("date")) for c, _, d in seen)):
                print(f"skipped duplicate {k} from {path}", file=sys.stderr)
                continue
            seen.add(k)
            sessions.append(session(item, taken, translations, names_ar))
    apply_corrections(sessions, corrections)
    for s in sessions:
        if s["code"] and s["id"].startswith(tuple(CODE_PREFIX.values())):
            # Codes changed by corrections (merged workshops) change the id with them.
            taken.discard(s["id"])
            s["id"] = make_id({"kind": s["kind"], "code": s["code"]}, taken)
        if s["out_of_programme"] is False:
            del s["out_of_programme"]
    sessions.sort(key=lambda s: (s["date"] or "9999", s["start_utc"] or "99:99", s["id"]))

    out_bodies = []
    body_ids = {"Ministry of Communications and Information Technology (MCIT)": "MCIT",
                "National Telecom Regulatory Authority (NTRA)": "NTRA",
                "Arab Internet Governance Forum (Arab IGF)": "ARABIGF"}
    for b in bodies:
        ident = body_ids.get(b["name_en"]) or slug(b["name_en"])
        entry = {
            "id": ident,
            "name_en": b["name_en"],
            "name_ar": b.get("name_ar"),
            "country": "Egypt",
            "type": b.get("type"),
            "roles": [b["role"]] if b.get("role") else [],
            "roles_ar": [],
            "igf2020_sessions": b.get("igf2020_sessions") or [],
            "sources": b.get("sources") or [],
            "related_sources": b.get("related_sources") or [],
            "notes": b.get("notes"),
        }
        out_bodies.append(entry)
    for b in out_bodies:
        if b["id"] in ROLES_AR:
            b["roles_ar"] = [ROLES_AR[b["id"]]]
        if b["id"] == "ARABIGF" and not b["name_ar"]:
            b["name_ar"] = "منتدى حوكمة الإنترنت العربي"
    ntra = next(b for b in out_bodies if b["id"] == "NTRA")
    ntra["mag_member_2020"] = True

    doc = {
        "forum": forum(names_ar),
        "sessions": sessions,
        "bodies": out_bodies,
        "organisations": [{"name_en": k, "name_ar": v} for k, v in (load(a.bodies_ar) if a.bodies_ar else {}).items()],
    }
    with open(a.output, "w", encoding="utf-8") as f:
        f.write("# IGF 2020 programme bundled with igf. Schema: data/README.md. Times are UTC and always quoted.\n")
        yaml.dump(doc, f, Dumper=QuotingDumper, allow_unicode=True, sort_keys=False, width=100)
    print(f"{len(sessions)} sessions, {len(out_bodies)} bodies -> {a.output}", file=sys.stderr)


def forum(names_ar):
    return {
        "name_en": "Internet Governance Forum",
        "name_ar": names_ar["forum"],
        "edition_en": "15th annual meeting of the Internet Governance Forum (IGF 2020)",
        "edition_ar": names_ar["meeting"],
        "host_en": "United Nations (online)",
        "host_ar": names_ar["organiser"],
        "theme_en": "Internet for human resilience and solidarity",
        "theme_ar": names_ar["theme"],
        "start": "2020-11-02",
        "end": "2020-11-17",
        "phases": [
            {"number": p["n"], "start": p["dates"].split("..")[0], "end": p["dates"].split("..")[1]}
            for p in names_ar["phases"]
        ],
        "reported": [
            {"what_en": "over 150 sessions in four thematic tracks (Data, Environment, Inclusion, Trust)",
             "what_ar": "أكثر من ١٥٠ جلسة في أربعة مسارات مواضيعية (البيانات، البيئة، الشمول، الثقة)",
             "source": "https://mcit.gov.eg/en/Media_Center/Latest_News/News/53026"},
        ],
    }


class QuotingDumper(yaml.SafeDumper):
    pass


def _str(dumper, value):
    # Quote anything YAML 1.1 could read as a number or time (16:50 -> 1010) or a date.
    style = "'" if re.fullmatch(r"[\d:\-.]+", value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


QuotingDumper.add_representer(str, _str)

if __name__ == "__main__":
    main()
