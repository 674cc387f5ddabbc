//! الرسائل بالعربية.

use super::{count, Messages};
use crate::data::Shape;
use crate::data::XmlProblem;
use crate::present::Lang;

pub const MESSAGES: Messages = Messages {
    lang: Lang::Ar,
    quote: |value| format!("«{value}»"),
    list_item: |value| format!("«{value}»"),
    list_separator: "، ",
    cannot_write: |reason| format!("تعذّرت كتابة المخرجات: {reason}"),
    cannot_read: |reason| format!("تعذّرت القراءة: {reason}"),
    no_such_file: "الملف غير موجود",
    permission_denied: "لا إذن بالقراءة",
    is_directory: "هذا مجلد، والمطلوب ملف برنامج بصيغة YAML",
    storage_full: "لم تبقَ مساحة على وحدة التخزين",
    output_closed: "المخرجات مغلقة",
    too_large: |mib| {
        let mib = count(mib);
        format!("أكبر من {mib} MiB، والحد الأقصى لملف البرنامج {mib} MiB")
    },
    not_utf8: |offset| format!("ليس نصًّا صالحًا بترميز UTF-8 (أول بايت معيب عند الموضع {offset})"),
    too_deep: |limit| {
        let limit = count(limit);
        format!("قوائم أو حقول (مفتاح: قيمة) متداخلة في أكثر من {limit} مستوى، والبرنامج لا يحتاج إلا إلى بضعة مستويات")
    },
    too_much_repeated: |mib| {
        let mib = count(mib);
        format!("تُكرِّر الإحالات (*name) حتى هذا الموضع أكثر من {mib} MiB من النص، والبرنامج يحتاج إلى أقل من ذلك بكثير")
    },
    anchor_defined_twice: |anchor, line| {
        format!("المرساة {anchor} معرّفة مرة ثانية (عُرِّفت أولًا في السطر {line})؛ أعطِ كل مرساة اسمًا خاصًّا بها")
    },
    syntax: |reason| format!("ليس نصًّا صالحًا بصيغة YAML: {}", yaml_reason(reason)),
    missing_field: "الحقل مفقود",
    bad_field: |field, reason| format!("الحقل {field}: {reason}"),
    in_session: |id| format!("الجلسة {id}"),
    in_session_number: |n| format!("الجلسة رقم {}", count(n)),
    forum_ends_before_start: |end, start| format!("ينتهي المنتدى ({end}) قبل أن يبدأ ({start})"),
    bad_session_id: |id| format!("معرّف الجلسة {id} يجب ألا يكون فارغًا وألا يحوي مسافات أو محارف تحكم"),
    duplicate_session_id: |id, first| match first {
        Some(line) => format!("معرّف الجلسة {id} مكرر (ورد أولًا في السطر {line})، ويجب أن يكون كل معرّف فريدًا"),
        None => format!("معرّف الجلسة {id} مكرر، ويجب أن يكون كل معرّف فريدًا"),
    },
    date_outside_forum: |date, start, end| {
        format!(
            "التاريخ {date} خارج أيام المنتدى (من {start} إلى {end})؛ اكتب out_of_programme: true إن كان ذلك مقصودًا"
        )
    },
    ends_before_start: |end, start| format!("تنتهي في {end} وتبدأ في {start}، ويجب أن تكون النهاية بعد البداية"),
    bad_event_date_time: |date| format!("التاريخ {date} ليس تاريخًا ووقتًا بصيغة ISO 8601 مثل 2020-11-04T10:00:00+01:00"),
    start_without_date: "له وقت بداية لكن بلا تاريخ ولا يوم مؤرَّخ",
    event_without_title: "بلا عنوان",
    not_a_known_value: |value, known| format!("{value} ليست من القيم الممكنة: {known}"),
    not_in_schema: |known| format!("ليس من حقول المخطط؛ الحقول هي {known}"),
    merge_key: "مفاتيح الدمج «<<» لا تُطبَّق هنا؛ اكتب الحقول واحدًا واحدًا، ويجوز أن تكون قيمة كلٍّ منها إحالة (*name)",
    date_beyond_calendars: |date| {
        format!("التاريخ {date} خارج السنوات من ٠٠٠١ إلى ٩٩٩٩ التي تتسع لها التقاويم وجداول المؤتمرات")
    },
    end_without_start: "لها وقت انتهاء بلا وقت بدء",
    no_sources: "بلا مصادر، ولكل جلسة مصدر واحد على الأقل",
    duplicate_key: |key| format!("{key} مكرر في الموضع نفسه؛ أبقِ واحدًا منهما"),
    xml_with_dtd: "يعلن الملف تعريف DTD، وملفات الجداول لا تحتاج إليه، ولا يقرأ igf تعريفات DTD ولا الكيانات",
    xml_root_not_schedule: |root| {
        format!("ملف XML جذره {root} لا <schedule>؛ يقرأ igf جداول frab بصيغة XML وصيغته الخاصة بـYAML")
    },
    number_too_large: |n| {
        format!("العدد {n} أكبر من 18446744073709551615، أكبر عدد يقبله الملف؛ ضعه بين علامتي تنصيص إن كان نصًّا")
    },
    several_documents: "في الملف أكثر من مستند YAML واحد (سطر --- أو ... في داخله)، والبرنامج مستند واحد",
    too_many_repetitions: "تُكرِّر الإحالات (*name) أجزاءً من الملف أكثر مما يحتاجه أي برنامج",
    schedule_without_dates: "لا يذكر الجدول أي تاريخ: لا بداية للمؤتمر ولا أيام ولا فعاليات مؤرخة",
    wrong_type: |found, expected| format!("الموجود {found}، والمتوقع {expected}"),
    shape: |shape| match shape {
        Shape::List => "قائمة".to_owned(),
        Shape::Mapping => "حقول (مفتاح: قيمة)".to_owned(),
        Shape::Programme => "برنامج (الحقلان forum: وsessions: وما فيهما)".to_owned(),
        Shape::Text(Some(value)) => format!("النص {value}"),
        Shape::Text(None) => "نص".to_owned(),
        Shape::Whole(Some(value)) => format!("العدد {value}"),
        Shape::Whole(None) => "عدد صحيح".to_owned(),
        Shape::WholeUpTo(max) => format!("عدد صحيح من 0 إلى {max}"),
        Shape::Number(value) if !value.is_empty() => format!("العدد {value}"),
        Shape::Number(_) => "عدد".to_owned(),
        Shape::Boolean(Some(value)) => format!("القيمة {value}"),
        Shape::Boolean(None) => "true أو false".to_owned(),
        Shape::Empty => "قيمة فارغة".to_owned(),
        Shape::Date => "تاريخ بالصيغة YYYY-MM-DD".to_owned(),
        Shape::Name => "اسم من الأسماء التي يقبلها الحقل".to_owned(),
        Shape::Other(words) => (*words).to_owned(),
    },
    not_a_calendar_date: |date| {
        let rule = "يُكتب التاريخ بالصيغة YYYY-MM-DD مثل 2020-11-04";
        match date {
            Some(date) => format!("{date} ليس تاريخًا في التقويم؛ {rule}"),
            None => format!("القيمة ليست تاريخًا في التقويم؛ {rule}"),
        }
    },
    no_value: "الحقل بلا قيمة (null أو ~ أو لا شيء بعد النقطتين) وهو يحتاج إلى قيمة",
    bad_clock_time: |time| format!("{time} ليس وقتًا من اليوم؛ يُكتب الوقت بين علامتي تنصيص بالصيغة HH:MM مثل '16:50'"),
    not_a_web_address: |url, character| {
        let rule = "اكتبه كاملًا مثل https://www.intgovforum.org/ بلا مسافات ولا محارف تحكم";
        match character {
            Some((code, at)) => {
                format!("{url} ليس عنوانًا على الويب: المحرف رقم {at} هو {code}، ولا يكون في عنوان؛ {rule}")
            }
            None => format!("{url} ليس عنوانًا على الويب؛ {rule}"),
        }
    },
    one_language_only: |what, arabic| {
        format!("{what} بلغة واحدة فقط؛ اكتب {arabic} بجانب النص الإنجليزي، أو احذفهما معًا")
    },
    no_title: "تحتاج إلى title_en أو title_ar",
    unknown_body: |body, known| format!("يذكر الحقل egypt جهة غير معروفة {body}؛ الجهات المعروفة: {known}"),
    empty_egypt_entry: "كل عنصر في egypt يحتاج إلى جهة أو شخص",
    duplicate_body_id: |id| format!("معرّف الجهة {id} مكرر، ويجب أن يكون كل معرّف فريدًا"),
    left_out_of_schedule: |n| format!("تُركت خارج الجدول {} بلا تاريخ أو وقت معروف", sessions(n)),
    schedule_not_json: |reason| format!("ليس ملف جدول JSON صالحًا: {reason}"),
    schedule_not_xml: |reason| format!("ليس ملف جدول XML صالحًا: {reason}"),
    xml_problem: |problem| match problem {
        XmlProblem::CloseTag { expected, found } => format!("{found} يُغلق ما ينبغي أن يُغلقه {expected}"),
        XmlProblem::NeverClosed => "لم يُغلَق العنصر الجذر حتى نهاية الملف".to_owned(),
        XmlProblem::EndOfText => "ينتهي الملف داخل وسم أو عنصر".to_owned(),
        XmlProblem::NoRoot => "لا عنصر جذر في الملف".to_owned(),
        XmlProblem::BadName => "اسم عنصر أو سمة غير صالح".to_owned(),
        XmlProblem::UnknownToken => "نص لا يبدأ به أي تركيب في XML".to_owned(),
        XmlProblem::LessThanInValue => "«<» داخل قيمة سمة؛ اكتبها «&lt;»".to_owned(),
        XmlProblem::RepeatedAttribute(name) => format!("السمة {name} مكررة"),
        XmlProblem::UnknownEntity(name) => {
            format!("الكيان {name} غير معروف؛ لا تعرف XML من الكيانات إلا «&amp;» و«&lt;» و«&gt;» و«&quot;» و«&apos;»")
        }
        XmlProblem::BadEntity => "إشارة إلى كيان «&…;» غير سليمة".to_owned(),
        XmlProblem::NotXmlCharacter(code) => format!("المحرف {code} لا يصح في XML"),
        XmlProblem::Expected {
            expected,
            found: Some(found),
        } => format!("المتوقع {expected}، والموجود {found}"),
        XmlProblem::Expected { expected, found: None } => format!("المتوقع {expected}"),
        XmlProblem::QuoteExpected(found) => {
            format!("المتوقع علامة تنصيص (\" أو ') حول قيمة السمة، والموجود {found}")
        }
        XmlProblem::BadComment => "تعليق «<!-- … -->» غير سليم".to_owned(),
        XmlProblem::BadText => "نص لا تقبله XML في هذا الموضع («]]>» أو محرف في غير مكانه)".to_owned(),
        XmlProblem::Namespace => "بادئة فضاء أسماء غير معروفة أو مكررة".to_owned(),
        XmlProblem::Declaration => "إعلان XML «<?xml …?>» لا يكون إلا في أول الملف".to_owned(),
        XmlProblem::TooLarge => "عناصر أو سمات أو فضاءات أسماء أكثر مما يحتويه أي جدول".to_owned(),
        XmlProblem::Other(reason) => reason.clone(),
    },
    schedule_needs_object: |key| format!("ليس جدول frab: {key} غير موجود أو ليس كائنًا"),
    schedule_needs_list: |key| format!("ليس جدول frab: {key} ليس قائمة"),
    unknown_time_zone_name: |name| {
        format!("time_zone_name غير معروف: {name}؛ المتوقع اسم من قاعدة IANA مثل Europe/Berlin")
    },
    in_event: |event, problem| format!("الحدث {event}: {problem}"),
    bad_event_start: |start| format!("البداية {start} ليست وقتًا مثل 10:30"),
    bad_event_duration: |text| format!("المدة {text} ليست طولًا مثل 01:30"),
    times_as_printed: |origin, n| {
        format!(
            "{origin}: لا يذكر الملف منطقة زمنية؛ تُعرض أوقات {} كما كُتبت، على أنها بتوقيت UTC",
            of_sessions(n)
        )
    },
    ends_after_midnight: |origin, n| {
        let starts = match n {
            1 => "ببدايتها",
            2 => "ببدايتيهما",
            _ => "ببداياتها",
        };
        format!(
            "{origin}: تنتهي {} بعد منتصف الليل بتوقيت UTC؛ احتُفظ {starts} فقط",
            sessions(n)
        )
    },
    pager_not_started: |pager, reason| format!("تعذّر تشغيل برنامج التصفح {pager}: {reason}؛ تُطبع المخرجات مباشرة"),
    pager_failed: |pager, status| format!("انتهى برنامج التصفح {pager} برمز الخروج {status}؛ تُطبع المخرجات مباشرة"),
    left_out_of_calendar: |n| match n {
        1 => "أُغفلت من التقويم جلسة واحدة لا يُعرف تاريخها".to_owned(),
        2 => "أُغفلت من التقويم جلستان لا يُعرف تاريخهما".to_owned(),
        n => format!("أُغفلت من التقويم {} لا يُعرف تاريخها", sessions(n)),
    },
    format_for_lists_only: |format| {
        format!("الصيغة {format} خاصة بقوائم الجلسات (list وshow وegypt وsearch)، وهذا الأمر يقبل table وplain فقط")
    },
    empty_body: "يحتاج --body إلى جزء من اسم، مثل --body OECD",
    unknown_body_name: |name, hint| format!("لا منظِّم ولا جهة انتماء ولا هيئة تطابق {name}؛ {hint}"),
    body_example: "جرّب جزءًا من اسم جهة منظِّمة، مثل وزارة الاتصالات أو OECD أو UNESCO أو ICANN",
    unknown_country: |name, hint| format!("لا متحدث ولا جهة من بلد يطابق {name}؛ {hint}"),
    country_example: "جرّب اسم بلد أو رمزه، مثل مصر أو EG أو USA أو Egypt",
    closest: |names| format!("الأقرب: {names}"),
    unknown_id: |id| {
        format!("لا جلسة بالمعرّف {id}؛ المعرّفات مثل OF39 وWS195 وPE30 أو رقم وحده (انظر «igf list --format plain»)")
    },
    unknown_id_closest: |id, closest| format!("لا جلسة بالمعرّف {id}؛ أقرب المعرّفات: {closest}"),
    nothing_listed: "لا جلسة تطابق هذه الشروط؛ جرّب شروطًا أقل، أو انظر «igf days» و«igf tracks»",
    date_shape: "اكتب التاريخ على صورة سنة-شهر-يوم بأرقام لاتينية أو عربية، مثل «2020-11-04»",
    phases: "المرحلتان هما «1» (من ٢ إلى ٦ نوفمبر) و«2» (من ٩ إلى ١٧ نوفمبر)",
    tracks_are: |names| format!("المسارات هي {names}"),
    kinds_are: |guess, names| format!("{guess}الأنواع هي {names}"),
    did_you_mean: |name| format!("هل تقصد {name}؟ "),
    zones_hint: |closest| {
        if closest.is_empty() {
            "اكتب اسم منطقة زمنية مثل «Africa/Cairo» أو «Europe/Paris»، أو «UTC»، أو «local» للمنطقة المحلية".to_owned()
        } else {
            format!("هل تقصد {closest}؟ (أسماء مثل «Africa/Cairo»، أو «UTC»، أو «local»)")
        }
    },
    unknown_tz_variable: |value| {
        format!("تنبيه: TZ={value} ليست منطقة زمنية معروفة هنا، فتُعرض الأوقات المحلية بتوقيت UTC")
    },
    wrong_json_type: |path, expected, found| format!("{path}: المتوقع قيمة JSON من نوع {expected}، والموجود {found}"),
};

/// The YAML parser's reasons (libyaml's, and serde_yaml's own) in Arabic; one it does not know is
/// kept as the parser gives it.
fn yaml_reason(reason: &str) -> &str {
    match reason {
        "did not find expected key" => "لم يُعثر على مفتاح حيث يُنتظر مفتاح (تحقق من المسافة البادئة)",
        "mapping values are not allowed in this context" => "لا تصح «مفتاح: قيمة» في هذا الموضع",
        "mapping keys are not allowed in this context" => "لا يصح مفتاح في هذا الموضع",
        "block sequence entries are not allowed in this context" => "لا يصح عنصر قائمة «- » في هذا الموضع",
        "could not find expected ':'" => "لم يُعثر على النقطتين «:» بعد المفتاح",
        "found unexpected ':'" => "نقطتان «:» في غير موضعهما",
        "found character that cannot start any token" => {
            "محرف لا يبدأ به أي تركيب في YAML؛ ضع القيمة بين علامتي تنصيص إن كانت نصًّا"
        }
        "found unexpected end of stream" => "انتهى الملف قبل أن يُغلق ما فُتح (علامة تنصيص أو قوس)",
        "did not find expected node content" => "لم يُعثر على القيمة المنتظرة",
        "did not find expected '-' indicator" => "لم يُعثر على «-» المنتظرة لعنصر القائمة",
        "did not find expected ',' or ']'" => "لم يُعثر على «,» أو «]» المنتظرة",
        "did not find expected ',' or '}'" => "لم يُعثر على «,» أو «}» المنتظرة",
        "found a tab character that violates indentation" => {
            "محرف جدولة (tab) يخالف المسافة البادئة، والمسافة البادئة تُكتب بمسافات"
        }
        "found a tab character where an indentation space is expected" => {
            "محرف جدولة (tab) حيث تُنتظر مسافة بادئة، والمسافة البادئة تُكتب بمسافات"
        }
        "found unknown escape character" => {
            "تسلسل هروب غير معروف بعد «\\» في نص بين علامتي تنصيص مزدوجتين؛ اكتب «\\\\» للشرطة المائلة العكسية أو استعمل علامتي تنصيص مفردتين"
        }
        "found invalid Unicode character escape code" | "did not find expected hexadecimal number" => {
            "رمز محرف غير صالح في تسلسل هروب «\\u» أو «\\x»"
        }
        "found unexpected document indicator" => "علامة بداية مستند أو نهايته («---» أو «...») في غير موضعها",
        "control characters are not allowed" => "محارف التحكم لا تصح في ملف YAML",
        "found an indentation indicator equal to 0" => "مؤشر المسافة البادئة لنص كتلي لا يكون صفرًا",
        "did not find expected comment or line break" => "يُنتظر بعد هذا تعليق أو نهاية السطر",
        "did not find expected whitespace or line break" => "تُنتظر هنا مسافة أو نهاية السطر",
        "did not find expected whitespace" => "تُنتظر هنا مسافة",
        "did not find expected alphabetic or numeric character" => {
            "يُنتظر هنا حرف أو رقم (في اسم مرساة &name أو إحالة *name أو وسم)"
        }
        "found undefined tag handle" => "بادئة وسم (!…!) غير معرّفة",
        "did not find expected tag URI" | "did not find the expected '>'" | "did not find URI escaped octet" => {
            "وسم (!…) غير صالح"
        }
        "did not find expected '!'" => "تُنتظر هنا «!» في الوسم",
        "found unknown directive name" | "could not find expected directive name" => {
            "توجيه غير معروف بعد «%»؛ لا يُعرف من التوجيهات إلا %YAML و%TAG"
        }
        "found unexpected non-alphabetical character" => "محرف غير منتظر في اسم التوجيه",
        "found incompatible YAML document" => "إصدار YAML في توجيه %YAML غير مدعوم",
        "did not find expected digit or '.' character"
        | "did not find expected version number"
        | "found extremely long version number" => "رقم إصدار غير صالح في توجيه %YAML",
        "found duplicate %YAML directive" => "توجيه %YAML مكرر",
        "found duplicate %TAG directive" => "توجيه %TAG مكرر",
        "did not find expected <document start>" => "لم يُعثر على بداية المستند «---» المنتظرة",
        "unknown anchor" => "إحالة (*name) إلى مرساة (&name) لم تُعرَّف قبلها",
        "EOF while parsing a value" => "انتهى الملف قبل القيمة المنتظرة",
        "empty YAML tag is not allowed" => "وسم فارغ (!) لا يصح",
        "failed to parse YAML number" => "عدد غير صالح في YAML",
        other => other,
    }
}

/// A number of sessions as the subject of a sentence: one and two have their own forms; the
/// noun follows the number's last part, so a number ending in three to ten (3, 10, 103, 210)
/// takes the plural and any other (11, 100, 111) the singular.
fn sessions(n: usize) -> String {
    match n {
        1 => "جلسة واحدة".to_owned(),
        2 => "جلستان".to_owned(),
        n if (3..=10).contains(&(n % 100)) => format!("{} جلسات", count(n)),
        _ => format!("{} جلسة", count(n)),
    }
}

/// The same after a noun or a preposition (the dual changes).
fn of_sessions(n: usize) -> String {
    match n {
        2 => "جلستين".to_owned(),
        _ => sessions(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_of_sessions_takes_the_form_its_last_part_asks_for() {
        let forms = [
            (1, "جلسة واحدة"),
            (2, "جلستان"),
            (3, "جلسات"),
            (10, "جلسات"),
            (11, "جلسة"),
            (100, "جلسة"),
            (103, "جلسات"),
            (111, "جلسة"),
            (210, "جلسات"),
            (1005, "جلسات"),
        ];
        for (n, form) in forms {
            assert!(sessions(n).ends_with(form), "{n}: {}", sessions(n));
        }
        assert_eq!(of_sessions(2), "جلستين");
    }
}
