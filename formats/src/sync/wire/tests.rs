use super::*;
use crate::dossier::record::test_support::{at, new};
use crate::record::Meta;
use crate::survey::response::encode_answers;
use proptest::prelude::*;

/// A plan applied to an in-memory dataset, as the app's state applies it once written.
pub fn apply(local: &mut Dataset, plan: &Plan) {
    merge::apply(&mut local.responses, plan.responses.clone());
    merge::apply(&mut local.dossiers, plan.dossiers.clone());
    for q in &plan.versions {
        local.versions.entry(q.version).or_insert_with(|| q.clone());
    }
    local.catalogue = plan.catalogue.clone();
    local.calendar = plan.calendar.clone();
}

const DAY: Millis = 86_400_000;
/// 2026-03-02 10:00 in Vietnam.
const T0: Millis = 1_772_420_400_000;
/// This device's clock in the tests: after every stamp they make.
const NOW: Millis = T0 + 1000 * DAY;

fn resp(n: u8, at: Millis, device: &str) -> Response {
    Response {
        meta: Meta::new([n; 16], at, device),
        version: 1,
        digits: encode_answers(&[Some(5), Some(4), None, Some(6), Some(2)]),
        overall: 4,
        visits: Some(1),
        field: "Điện lực".into(),
        suggestion: if n.is_multiple_of(2) {
            "<script>alert(1)</script> Cần thêm ghế chờ".into()
        } else {
            String::new()
        },
        dossier_code: String::new(),
        reason_ids: String::new(),
        officer: String::new(),
        extra: Default::default(),
    }
}

fn dossier(n: u8) -> Dossier {
    let mut d = new(&format!("SCT-250203-{:04}", n as u32 + 1), "TM-02", at(2025, 2, 3, 9)).unwrap();
    d.meta = Meta::new([100 + n; 16], T0 + n as Millis * DAY, "dev-a");
    d.contact = "0905 123 456".into();
    d
}

fn dataset(device: &str, first: u8, n: u8) -> Dataset {
    Dataset {
        responses: (first..first + n).map(|i| resp(i, T0 + i as Millis * DAY, device)).collect(),
        dossiers: (first..first + n).map(dossier).collect(),
        versions: crate::survey::questionnaire::Book::default().versions,
        catalogue: crate::dossier::default_catalogue(),
        calendar: WorkCalendar::default(),
    }
}

fn export(data: Dataset, device: &str) -> Export {
    Export {
        exported_at: T0 + 100 * DAY,
        source: Source {
            device_id: device.into(),
            device_name: "Quầy 1".into(),
            unit: "SCT".into(),
        },
        from: None,
        to: None,
        personal_data: true,
        data,
    }
}

fn file(data: Dataset, device: &str) -> Vec<u8> {
    write(&export(data, device)).into_bytes()
}

#[test]
fn an_export_reads_back_exactly_and_uses_public_names() {
    let e = export(dataset("dev-a", 1, 4), "dev-a");
    let text = write(&e);
    assert!(text.starts_with("{\"format\":\"motcua-export\",\"version\":1,"));
    for name in [
        "\"created_at\":",
        "\"updated_at\":",
        "\"questionnaire\":",
        "\"answers\":\"54062\"",
        "\"result_via\":",
    ] {
        assert!(text.contains(name), "{name}");
    }
    assert!(
        !text.contains("\"c\":") && !text.contains("\"q\":"),
        "stored short keys stay private"
    );
    let back = read(text.as_bytes()).unwrap();
    assert_eq!(back, e);
    // Script in a text field is data: it comes back as the same text.
    assert!(back.data.responses.iter().any(|r| r.suggestion.starts_with("<script>")));
}

/// The documented schema (docs/export.schema.json) names every field the app writes.
#[test]
fn the_json_schema_documents_every_written_field() {
    let schema: Value = serde_json::from_str(include_str!("../../../../docs/export.schema.json")).unwrap();
    let mut d = dataset("dev-a", 1, 1);
    d.dossiers[0].extension = Some(crate::dossier::Extension {
        at: at(2025, 2, 4, 9),
        new_due: at(2025, 2, 20, 17),
        reason: "x".into(),
        entered_at: Some(at(2025, 2, 5, 9)),
    });
    d.dossiers[0].notes = "n".into();
    d.dossiers[0].id_number = "079123456789".into();
    d.dossiers[0].email = "a@b.vn".into();
    d.dossiers[0].filed_at = Some(at(2025, 2, 3, 20));
    d.dossiers[0].documents = vec![crate::dossier::Document {
        name: "Đơn đề nghị".into(),
        copies: 2,
    }];
    d.dossiers[0].digital.e_result = true;
    d.dossiers[0].receiver = "Nguyễn Văn An".into();
    d.dossiers[0].events[0].officer = "Nguyễn Văn An".into();
    d.dossiers[0].late_division = "p".into();
    d.dossiers[0].add_complaint(at(2025, 2, 5, 9), "c").unwrap();
    let written: Value = serde_json::from_str(&write(&export(d, "dev-a"))).unwrap();
    let props = |path: &str| -> Vec<String> {
        schema
            .pointer(path)
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    let top = props("/properties");
    for k in written.as_object().unwrap().keys() {
        assert!(top.contains(k), "top-level {k} not in the schema");
    }
    for (kind, def) in [
        ("responses", "/$defs/response/properties"),
        ("dossiers", "/$defs/dossier/properties"),
    ] {
        let mut known = props(def);
        known.extend(props("/$defs/meta/properties"));
        for k in written[kind][0].as_object().unwrap().keys() {
            assert!(known.contains(k), "{kind}.{k} not in the schema");
        }
    }
    assert_eq!(written["responses"][0]["deleted"], Value::Bool(false), "always written");
}

#[test]
fn every_bad_input_gets_its_own_message() {
    let good = String::from_utf8(file(dataset("dev-a", 1, 3), "dev-a")).unwrap();
    type Case = (Vec<u8>, fn(&ReadError) -> bool);
    let cases: Vec<Case> = vec![
        (b"".to_vec(), |e| *e == ReadError::Empty),
        (b"hello, not json".to_vec(), |e| matches!(e, ReadError::NotJson(..))),
        (good.as_bytes()[..good.len() / 2].to_vec(), |e| *e == ReadError::Truncated),
        (
            br#"{"format":"kobo","version":1}"#.to_vec(),
            |e| matches!(e, ReadError::WrongFormat(f) if f == "kobo"),
        ),
        (br#"{"version":1}"#.to_vec(), |e| matches!(e, ReadError::WrongFormat(_))),
        (good.replacen("\"version\":1", "\"version\":7", 1).into_bytes(), |e| {
            *e == ReadError::Newer(7)
        }),
        (
            good.replacen("\"exported_at\":", "\"exported_on\":", 1).into_bytes(),
            |e| matches!(e, ReadError::BadField(m) if m.to_string().contains("thiếu trường «exported_at»")),
        ),
        (
            good.replacen("\"overall\":4", "\"overall\":\"bốn\"", 1).into_bytes(),
            |e| matches!(e, ReadError::BadRecord { kind: K::KindResponse, index: 1, problem, .. } if problem.to_string().contains("sai kiểu")),
        ),
        (
            good.replacen("\"answers\":\"54062\"", "\"answers\":\"54092\"", 1).into_bytes(),
            |e| matches!(e, ReadError::BadRecord { problem, .. } if problem.to_string().contains("0–6")),
        ),
        (
            good.replacen("\"overall\":4", "\"overall\":9", 1).into_bytes(),
            |e| matches!(e, ReadError::BadRecord { problem, .. } if problem.to_string().contains("0–5")),
        ),
        (vec![0xff, 0xfe, 0x7b, 0x00], |e| *e == ReadError::NotUtf8),
        (format!("{}{}", "[".repeat(200_000), "]".repeat(200_000)).into_bytes(), |e| {
            *e == ReadError::TooDeep
        }),
        (
            format!(
                "{{\"format\":\"motcua-export\",\"version\":1,\"x\":{}{}}}",
                "[".repeat(200_000),
                "]".repeat(200_000)
            )
            .into_bytes(),
            |e| *e == ReadError::TooDeep,
        ),
        (vec![b' '; MAX_BYTES + 1], |e| matches!(e, ReadError::TooLarge(_))),
    ];
    for (i, (bytes, want)) in cases.into_iter().enumerate() {
        let err = read(&bytes).unwrap_err();
        assert!(want(&err), "case {i}: {err:?}");
        assert!(!err.to_string().is_empty());
    }
    // Two records with one id.
    let mut d = dataset("dev-a", 1, 2);
    d.responses[1].meta.id = d.responses[0].meta.id.clone();
    let err = read(&file(d, "dev-a")).unwrap_err();
    assert!(matches!(err, ReadError::DuplicateId { kind: K::KindResponse, .. }), "{err:?}");
    assert!(err.to_string().contains("cùng id"));
    // A record that names itself in the message.
    let bad = good.replacen("\"code\":\"SCT-250203-0002\"", "\"code\":\"=HYPERLINK()\"", 1);
    let err = read(bad.as_bytes()).unwrap_err();
    assert!(err.to_string().starts_with("Hồ sơ thứ 1 (id "), "{err}");
}

#[test]
fn one_bad_record_is_named_and_the_rest_of_the_file_still_reads() {
    let mut d = dataset("dev-a", 1, 3);
    d.dossiers.push(dossier(30));
    d.dossiers[3].events[0].at = chrono::NaiveDate::MAX.and_hms_opt(0, 0, 0).unwrap();
    let mut r = Reader::new(file(d, "dev-a")).unwrap();
    while !r.step(2).unwrap() {}
    let (e, refused) = r.finish_with_refused();
    assert_eq!((e.data.responses.len(), e.data.dossiers.len()), (3, 3));
    assert_eq!(refused.len(), 1);
    assert!(refused[0].to_string().starts_with("Hồ sơ thứ 4"), "{}", refused[0]);
}

#[test]
fn a_large_file_is_read_in_steps_with_progress() {
    let bytes = file(dataset("dev-a", 1, 20), "dev-a");
    let mut r = Reader::new(bytes.clone()).unwrap();
    assert_eq!((r.done(), r.total()), (0, 40));
    let mut seen = Vec::new();
    while !r.step(7).unwrap() {
        seen.push(r.done());
    }
    assert_eq!(seen, vec![7, 14, 21, 28, 35]);
    assert_eq!(r.finish(), read(&bytes).unwrap());
    // A bad record is set aside with its message; the steps go on.
    let mut d = dataset("dev-a", 1, 20);
    d.responses[1].overall = 9;
    let mut r = Reader::new(file(d, "dev-a")).unwrap();
    while !r.step(5).unwrap() {}
    assert_eq!(r.done(), 40);
    let (e, refused) = r.finish_with_refused();
    assert_eq!(e.data.responses.len(), 19);
    assert!(matches!(refused[..], [ReadError::BadRecord { index: 2, .. }]), "{refused:?}");
}

#[test]
fn importing_twice_changes_nothing_and_files_in_any_order_agree() {
    let a = read(&file(dataset("dev-a", 1, 5), "dev-a")).unwrap();
    let b = read(&file(dataset("dev-b", 20, 5), "dev-b")).unwrap();
    let empty = Dataset {
        versions: crate::survey::questionnaire::Book::default().versions,
        catalogue: crate::dossier::default_catalogue(),
        ..Default::default()
    };
    let mut ab = empty.clone();
    for f in [&a, &b, &a, &b] {
        let p = plan(ab.here(), &[], f.clone(), NOW);
        apply(&mut ab, &p);
    }
    let again = plan(ab.here(), &[], a.clone(), NOW);
    assert_eq!(again.counts.changes(), 0, "a re-import writes nothing");
    assert_eq!(again.counts.responses.unchanged, 5);
    let mut ba = empty.clone();
    for f in [&b, &a] {
        let p = plan(ba.here(), &[], f.clone(), NOW);
        apply(&mut ba, &p);
    }
    let key = |d: &Dataset| {
        let mut r: Vec<String> = d.responses.iter().map(|x| x.meta.id.clone()).collect();
        r.sort();
        let mut s: Vec<String> = d.dossiers.iter().map(|x| x.meta.id.clone()).collect();
        s.sort();
        (r, s)
    };
    assert_eq!(key(&ab), key(&ba));
    assert_eq!(ab.responses.len(), 10);
    // Same dossier ids in both files (dossier(n) is the same record): 5 + 5 distinct.
    assert_eq!(ab.dossiers.len(), 10);
}

#[test]
fn files_planned_one_after_another_over_the_device_are_planned_as_onto_the_set_they_make() {
    let here = dataset("dev-a", 1, 6);
    // Another tablet's file with new and changed records, then one changing them again, then
    // one of the same code under another id (a conflict to show).
    let mut second = dataset("dev-b", 4, 6);
    for r in &mut second.responses {
        r.meta.touch(T0 + 300 * DAY, "dev-b");
    }
    second.dossiers[0].notes = "bổ sung".into();
    second.dossiers[0].meta.touch(T0 + 300 * DAY, "dev-b");
    let mut third = second.clone();
    third.dossiers[0].notes = "đã trả".into();
    third.dossiers[0].meta.touch(T0 + 400 * DAY, "dev-c");
    let mut fourth = dataset("dev-d", 1, 1);
    fourth.dossiers[0].meta = Meta::new([7; 16], T0, "dev-d");
    let files: Vec<Export> = [second, third, fourth]
        .into_iter()
        .map(|d| read(&file(d, "dev-b")).unwrap())
        .collect();
    let (mut layered, mut applied) = (Vec::new(), here.clone());
    for f in &files {
        let over = plan(here.here(), &layered, f.clone(), NOW);
        let onto = plan(applied.here(), &[], f.clone(), NOW);
        assert_eq!(over, onto);
        apply(&mut applied, &onto);
        layered.push(over);
    }
    assert!(layered[1].counts.dossiers.updated > 0, "the third file changes the second's");
    let conflicts = code_conflicts_after(here.here(), &layered);
    assert_eq!(conflicts, merge::code_conflicts(&applied.dossiers));
    assert_eq!(conflicts.len(), 1);
}

#[test]
fn a_file_without_personal_data_never_blanks_names_here() {
    let mut here = dataset("dev-a", 1, 2);
    let o = ExportOptions {
        without_personal_data: true,
        ..Default::default()
    };
    let mut sel = select(here.here(), &o);
    assert!(sel.dossiers.iter().all(|d| d.applicant.is_empty() && d.contact.is_empty()));
    // The other tablet changed a step later; its file has no names.
    sel.dossiers[0].notes = "đã gọi điện".into();
    sel.dossiers[0].meta.touch(T0 + 200 * DAY, "dev-b");
    let mut e = export(sel, "dev-b");
    e.exported_at = T0 + 200 * DAY;
    e.personal_data = false;
    let f = read(write(&e).as_bytes()).unwrap();
    let p = plan(here.here(), &[], f, NOW);
    assert_eq!(p.counts.dossiers.updated, 1);
    apply(&mut here, &p);
    assert_eq!(here.dossiers[0].notes, "đã gọi điện");
    assert_eq!(here.dossiers[0].applicant, "Công ty TNHH An Phát");
    assert_eq!(here.dossiers[0].contact, "0905 123 456");
}

#[test]
fn only_a_whole_export_with_personal_data_is_a_backup() {
    assert!(ExportOptions::default().is_backup());
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2);
    assert!(!ExportOptions {
        from: day,
        ..Default::default()
    }
    .is_backup());
    assert!(!ExportOptions {
        to: day,
        ..Default::default()
    }
    .is_backup());
    assert!(!ExportOptions {
        without_personal_data: true,
        ..Default::default()
    }
    .is_backup());
}

#[test]
fn the_range_selects_by_creation_day_in_vietnam() {
    let data = dataset("dev-a", 1, 10);
    let day = |n: i64| crate::record::vn_date(T0 + n * DAY);
    let o = ExportOptions {
        from: Some(day(3)),
        to: Some(day(5)),
        without_personal_data: false,
    };
    let s = select(data.here(), &o);
    assert_eq!(s.responses.len(), 3);
    assert_eq!(s.dossiers.len(), 3);
}

#[test]
fn file_names_carry_unit_device_and_date() {
    let s = Source {
        device_id: "ab12cd34".into(),
        device_name: "Quầy số 1 (Đăk Lăk)".into(),
        unit: "SCT".into(),
    };
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    assert_eq!(file_name(&s, day, "json"), "motcua-SCT-Quay-so-1-Dak-Lak-2026-11-22.json");
}

#[test]
fn an_archive_is_verified_before_a_year_may_go() {
    let data = dataset("dev-a", 1, 3);
    let year = chrono::Datelike::year(&crate::record::vn_date(T0));
    let o = ExportOptions {
        from: chrono::NaiveDate::from_ymd_opt(year, 1, 1),
        to: chrono::NaiveDate::from_ymd_opt(year, 12, 31),
        without_personal_data: false,
    };
    let f = read(write(&export(select(data.here(), &o), "dev-a")).as_bytes()).unwrap();
    assert!(archive_verified(data.here(), year, &f));
    assert_eq!(months_of_year(data.here(), year), vec![format!("{year}-03")]);
    let mut short = f.clone();
    short.data.responses.pop();
    assert!(!archive_verified(data.here(), year, &short), "a record missing from the file");
    assert!(!archive_verified(data.here(), year - 1, &f), "another year");
    // Each stored month is checked again just before it goes: a record written since (or
    // changed) keeps the month.
    let (rs, ds) = archived_set(&f);
    assert!(month_in_archive(&data.responses, &rs) && month_in_archive(&data.dossiers, &ds));
    let mut changed = data.responses.clone();
    changed[0].meta.updated_at += 1;
    assert!(!month_in_archive(&changed, &rs));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn mutated_files_never_panic(cut in 0usize..4000, flips in prop::collection::vec((0usize..4000, any::<u8>()), 0..6)) {
        let mut bytes = file(dataset("dev-a", 1, 3), "dev-a");
        let len = bytes.len().max(1);
        for (i, b) in flips {
            if let Some(x) = bytes.get_mut(i % len) {
                *x = b;
            }
        }
        bytes.truncate(cut.max(1).min(bytes.len()));
        // Either a file or a message; reading is pure, so a refusal changes nothing.
        match read(&bytes) {
            Ok(e) => prop_assert!(e.data.responses.len() <= 3),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = read(&bytes);
    }
}

/// Public names by the one-pass renamer are what renaming the record's JSON value gives, with
/// keys inside values (a suggestion quoting JSON, a newer build's nested field) untouched.
#[test]
fn public_names_touch_only_top_level_keys() {
    let mut r = Response {
        meta: Meta::new([3; 16], 1_700_000_000_000, "dev"),
        version: 1,
        digits: "5432".into(),
        overall: 4,
        visits: Some(1),
        field: "Điện lực".into(),
        suggestion: r#"trích "c":1, {"id":"x"} \\ \" hết"#.into(),
        dossier_code: String::new(),
        reason_ids: String::new(),
        officer: String::new(),
        extra: Default::default(),
    };
    r.extra.insert("later".into(), serde_json::json!({"c": [1, {"u": "d"}], "x": true}));
    for deleted in [false, true] {
        r.meta.deleted = deleted;
        let mut text = String::new();
        write_public(&r, &RESPONSE_KEYS, &mut text);
        let got: Value = serde_json::from_str(&text).unwrap();
        let table: Vec<(&str, &str)> = META_KEYS.iter().chain(&RESPONSE_KEYS).copied().collect();
        let mut want = rename(serde_json::to_value(&r).unwrap(), &table, true);
        want.as_object_mut().unwrap().entry("deleted").or_insert(Value::Bool(false));
        assert_eq!(got, want, "{text}");
        assert_eq!(got["later"]["c"][1]["u"], "d");
        assert_eq!(got["suggestion"], r.suggestion.as_str());
    }
}

#[test]
fn no_instant_in_an_imported_record_reaches_the_ends_of_chronos_range() {
    use crate::dossier::Status;
    let far = chrono::NaiveDate::MAX.and_hms_opt(0, 0, 0).unwrap();
    let before = at(2020, 1, 1, 9);
    type Mutation = fn(&mut Dossier, chrono::NaiveDateTime);
    let cases: Vec<(&str, Mutation)> = vec![
        ("pause", |d, t| {
            d.events.push(crate::dossier::Event {
                at: t,
                status: Status::SupplementRequested,
                note: String::new(),
                division: String::new(),
                officer: String::new(),
            })
        }),
        ("step before receipt", |d, t| d.events[0].at = t),
        ("extension", |d, t| {
            d.extension = Some(crate::dossier::Extension {
                at: d.received,
                new_due: t,
                reason: "x".into(),
                entered_at: None,
            })
        }),
        ("complaint", |d, t| {
            d.complaints.push(crate::dossier::Complaint {
                at: t,
                note: String::new(),
            })
        }),
    ];
    for (name, mutate) in cases {
        for t in [far, before] {
            let mut data = dataset("dev-a", 1, 1);
            mutate(&mut data.dossiers[0], t);
            let err = read(&file(data, "dev-a")).unwrap_err();
            assert!(
                matches!(err, ReadError::BadRecord { kind: K::KindDossier, .. }),
                "{name} at {t}: {err:?}"
            );
        }
    }
    // A term no catalogue allows is refused too (it would walk the calendar for ages).
    let mut data = dataset("dev-a", 1, 1);
    data.dossiers[0].term = Some(crate::dossier::Term::Days(u32::MAX));
    assert!(read(&file(data, "dev-a")).is_err());
}

#[test]
fn a_files_calendar_and_catalogue_are_sane_before_anything_computes_with_them() {
    assert_eq!(WorkCalendar::default().check(), Ok(()), "the shipped calendar");
    let mut data = dataset("dev-a", 1, 1);
    data.calendar.years[0].year = 9999;
    assert!(matches!(read(&file(data, "dev-a")).unwrap_err(), ReadError::BadField(m) if m.to_string().contains("9999")));
    let mut data = dataset("dev-a", 1, 1);
    let y = data.calendar.years[0].year;
    data.calendar.years[0]
        .days_off
        .insert(chrono::NaiveDate::from_ymd_opt(y + 1, 1, 5).unwrap());
    assert!(read(&file(data, "dev-a")).is_err(), "a day off outside its year");
    let mut data = dataset("dev-a", 1, 1);
    data.catalogue = crate::dossier::default_catalogue();
    data.catalogue[0].steps = vec![crate::dossier::control::Step {
        division: "Phòng A".into(),
        term: crate::dossier::Term::Days(u32::MAX),
    }];
    assert!(matches!(read(&file(data, "dev-a")).unwrap_err(), ReadError::BadField(_)));
}

#[test]
fn a_questionnaire_whose_item_ids_could_become_formulas_is_refused() {
    let mut data = dataset("dev-a", 1, 1);
    let mut q = crate::survey::questionnaire::Questionnaire::sipas();
    q.version = 7;
    q.groups[0].items[0].id = "=1+1".into();
    data.versions.insert(7, q);
    assert!(matches!(read(&file(data, "dev-a")).unwrap_err(), ReadError::BadField(m) if m.key == K::ErrItemIds));
}

#[test]
fn future_stamps_and_deletions_are_held_until_a_person_applies_them() {
    let mut here = dataset("dev-a", 1, 2);
    // An unknown tablet's file: a tombstone for a dossier it does not own, stamped in 2099.
    let mut forged = dataset("dev-x", 9, 0);
    let mut gone = here.dossiers[0].clone();
    gone.meta.touch(4_070_908_800_000, "dev-x");
    gone.delete();
    forged.dossiers.push(gone);
    // And an honest deletion, stamped before the file was exported.
    let mut deleted = here.dossiers[1].clone();
    deleted.meta.touch(T0 + 50 * DAY, "dev-x");
    deleted.delete();
    forged.dossiers.push(deleted);
    let f = read(&file(forged, "dev-x")).unwrap();
    let mut p = plan(here.here(), &[], f, NOW);
    assert_eq!(
        p.counts.held,
        HeldCounts {
            suspicious: 1,
            deletions: 1
        }
    );
    assert!(p.dossiers.is_empty() && p.held.dossiers.len() == 2);
    apply(&mut here, &p);
    assert!(here.dossiers.iter().all(|d| !d.meta.deleted), "nothing deleted by default");
    // A person looked and chose to apply them.
    p.release_held();
    apply(&mut here, &p);
    assert!(here.dossiers.iter().all(|d| d.meta.deleted));
    // A file stamped later than this device's clock by more than a day is held too.
    let mut ahead = dataset("dev-y", 20, 1);
    ahead.responses[0].meta.touch(T0 + 10 * DAY, "dev-y");
    let id = ahead.responses[0].meta.id.clone();
    let f = read(&file(ahead, "dev-y")).unwrap();
    let p = plan(here.here(), &[], f.clone(), T0 + 2 * DAY);
    assert!(p.held.responses.iter().any(|r| r.meta.id == id), "{:?}", p.counts.held);
    assert_eq!(plan(here.here(), &[], f, NOW).counts.held.suspicious, 0);
}

/// A dossier as a file could carry it: times anywhere from 2000 to the last minute of 2100,
/// any term within the catalogue's bounds, steps, pauses, an extension, complaints.
/// Year pick, minutes into it, days to the due date, steps (status, minutes after the one
/// before), an extension (minutes after receipt, days on), the term pick.
type Seed = (u8, u32, u32, Vec<(u8, u32)>, Option<(u32, u32)>, u8);

fn extreme_dossier(seed: Seed) -> Dossier {
    use crate::dossier::{Event, Extension, Status, Term};
    let (year_pick, offset, due_days, steps, ext, term_pick) = seed;
    let start = [2000, 2001, 2099, 2100][usize::from(year_pick % 4)];
    let first = chrono::NaiveDate::from_ymd_opt(start, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
    let last = chrono::NaiveDate::from_ymd_opt(2100, 12, 31)
        .unwrap()
        .and_hms_opt(23, 59, 0)
        .unwrap();
    let clamp = |t: chrono::NaiveDateTime| t.min(last);
    let received = clamp(first + chrono::Duration::minutes(i64::from(offset % (366 * 1440))));
    // Made as a file could carry it, not through `Dossier::create` (which would refuse 2100:
    // its code's YY cannot say it).
    let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
    d.code = format!("SCT-{}-0001", received.format("%y%m%d"));
    d.received = received;
    d.events[0].at = received;
    d.due = clamp(received + chrono::Duration::days(i64::from(due_days % 400)));
    d.term = Some(match term_pick % 3 {
        0 => Term::Days(1 + u32::from(term_pick) % 365),
        1 => Term::Hours(1 + u32::from(term_pick) * 7 % 2000),
        _ => Term::SameDay,
    });
    let statuses = [
        Status::InProgress,
        Status::SupplementRequested,
        Status::SupplementReceived,
        Status::Resolved,
        Status::Returned,
        Status::Refused,
        Status::Stopped,
    ];
    let mut t = received;
    for (s, gap) in steps {
        t = clamp(t + chrono::Duration::minutes(i64::from(gap % (200 * 1440))));
        d.events.push(Event {
            at: t,
            status: statuses[usize::from(s) % statuses.len()],
            note: String::new(),
            division: if s % 2 == 0 {
                "Phòng Quản lý Thương mại".into()
            } else {
                String::new()
            },
            officer: String::new(),
        });
    }
    if let Some((a, b)) = ext {
        let at = clamp(received + chrono::Duration::minutes(i64::from(a % (300 * 1440))));
        d.extension = Some(Extension {
            at,
            new_due: clamp(at + chrono::Duration::days(i64::from(b % 400))),
            reason: "x".into(),
            entered_at: None,
        });
    }
    d.add_complaint(clamp(t + chrono::Duration::days(1)), "").unwrap();
    d
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Whatever a file holds, what gets in never panics later: the register's classes, the
    /// due dates, the look-up, the control sheet, the report's figures, the CSV and the
    /// printed register (issue 21).
    #[test]
    fn an_imported_set_never_panics_in_any_later_computation(
        seeds in prop::collection::vec((any::<u8>(), any::<u32>(), any::<u32>(),
            prop::collection::vec((any::<u8>(), any::<u32>()), 0..6),
            prop::option::of((any::<u32>(), any::<u32>())), any::<u8>()), 1..4)
    ) {
        let mut data = dataset("dev-a", 1, 0);
        data.catalogue = crate::dossier::default_catalogue();
        for (i, s) in seeds.into_iter().enumerate() {
            let mut d = extreme_dossier(s);
            d.meta = Meta::new([i as u8 + 1; 16], T0, "dev-a");
            data.dossiers.push(d);
        }
        // Every value is within what a file may carry: it is read, and then computed with.
        let read_back = read(&file(data, "dev-a"));
        prop_assert!(read_back.is_ok(), "{:?}", read_back.err());
        let Ok(e) = read_back else { return Ok(()) };
        let (ds, cal, cat) = (&e.data.dossiers, &e.data.calendar, &e.data.catalogue);
        let ends = [at(2000, 1, 1, 0), at(2026, 12, 5, 9), chrono::NaiveDate::from_ymd_opt(2100, 12, 31).unwrap().and_hms_opt(23, 59, 0).unwrap()];
        for now in ends {
            let rows = crate::dossier::worklist::classify(ds, cat, cal, now, 2);
            let _ = crate::dossier::worklist::counters(&rows);
            for d in ds {
                let _ = (d.effective_due(cal, now), d.statutory_due(cal, now), d.timeliness(cal, now, 1));
                let _ = crate::dossier::lookup(ds.iter(), &d.code, cal, now);
                let steps = &cat[1].steps;
                let _ = crate::dossier::forms::control_sheet(d, steps, cal, &Default::default());
                let _ = crate::dossier::forms::apology(d, cal, &Default::default());
            }
            let _ = crate::sync::excel::dossiers_csv(ds, cal, now, crate::Lang::Vi);
            let _ = crate::dossier::worklist::register(ds, cat, cal, now.date() - chrono::Duration::days(400), now.date(), now);
        }
        let timeline = crate::report::Timeline::new(&e.data.responses, ds);
        for p in [crate::report::Period::year(2000), crate::report::Period::year(2026), crate::report::Period::year(2100)] {
            let t = crate::report::dossier_table(e.data.records(&timeline), &p, &crate::report::Filter::default(), &Default::default());
            prop_assert!(t.received() >= t.closed);
        }
    }
}
