//! الرسائل بالعربية.

use super::Messages;
use crate::data::Shape;
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
    too_large: |mib| format!("أكبر من {mib} MiB، والحد الأقصى لملف البرنامج {mib} MiB"),
    not_utf8: |offset| format!("ليس نصًّا صالحًا بترميز UTF-8 (أول بايت معيب عند الموضع {offset})"),
    too_deep: |limit| {
        format!("قوائم أو خرائط متداخلة بعمق يزيد على {limit}، والبرنامج لا يحتاج إلى أكثر من بضعة مستويات")
    },
    too_much_repeated: |mib| {
        format!("تكرر الإحالات (*name) حتى هذا الموضع أكثر من {mib} MiB من النص، والبرنامج يحتاج إلى أقل من ذلك بكثير")
    },
    syntax: |reason| format!("ليس نصًّا صالحًا بصيغة YAML: {reason}"),
    missing_field: "الحقل مفقود",
    bad_field: |field, reason| format!("الحقل {field}: {reason}"),
    in_session: |id| format!("الجلسة {id}"),
    in_session_number: |n| format!("الجلسة رقم {n}"),
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
    too_many_repetitions: "تكرر الإحالات (*name) أجزاءً من الملف أكثر مما يحتاجه أي برنامج",
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
    left_out_of_schedule: |n| format!("تُركت {n} جلسة بلا تاريخ أو وقت معروف خارج الجدول"),
    schedule_not_json: |reason| format!("ليس ملف جدول JSON صالحًا: {reason}"),
    schedule_not_xml: |reason| format!("ليس ملف جدول XML صالحًا: {reason}"),
    schedule_needs_object: |key| format!("ليس جدول frab: {key} غير موجود أو ليس كائنًا"),
    schedule_needs_list: |key| format!("ليس جدول frab: {key} ليس قائمة"),
    unknown_time_zone_name: |name| {
        format!("time_zone_name غير معروف: {name}؛ المتوقع اسم من قاعدة IANA مثل Europe/Berlin")
    },
    in_event: |event, problem| format!("الحدث {event}: {problem}"),
    bad_event_start: |start| format!("البداية {start} ليست وقتًا مثل 10:30"),
    bad_event_duration: |text| format!("المدة {text} ليست طولًا مثل 01:30"),
    times_as_printed: |origin, n| {
        format!("{origin}: لا يذكر الملف منطقة زمنية؛ تُعرض أوقات {n} جلسة كما كُتبت، بوصفها UTC")
    },
    ends_after_midnight: |origin, n| {
        let (sessions, starts) = match n {
            1 => ("جلسة واحدة".to_owned(), "ببدايتها"),
            2 => ("جلستان".to_owned(), "ببدايتيهما"),
            n @ 3..=10 => (format!("{n} جلسات"), "ببداياتها"),
            n => (format!("{n} جلسة"), "ببداياتها"),
        };
        format!("{origin}: تنتهي {sessions} بعد منتصف الليل بتوقيت UTC؛ احتُفظ {starts} فقط")
    },
    pager_not_started: |pager, reason| format!("تعذّر تشغيل برنامج التصفح {pager}: {reason}؛ تُطبع المخرجات مباشرة"),
    pager_failed: |pager, status| format!("انتهى برنامج التصفح {pager} برمز الخروج {status}؛ تُطبع المخرجات مباشرة"),
    left_out_of_calendar: |n| match n {
        1 => "أُغفلت من التقويم جلسة واحدة لا يُعرف تاريخها".to_owned(),
        2 => "أُغفلت من التقويم جلستان لا يُعرف تاريخهما".to_owned(),
        n @ 3..=10 => format!("أُغفلت من التقويم {n} جلسات لا يُعرف تاريخها"),
        n => format!("أُغفلت من التقويم {n} جلسة لا يُعرف تاريخها"),
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
