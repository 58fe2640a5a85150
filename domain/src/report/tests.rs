use super::*;
use crate::dossier::{default_catalogue, NewDossier, Status};
use crate::record::Meta;
use crate::survey::questionnaire::Book;
use chrono::{Datelike, Duration};

fn cal() -> WorkCalendar {
    WorkCalendar::default()
}

/// A TM-02 dossier (5 working days) received on `day` at 09:00 and, when `class` says so,
/// resolved early (next day), on its due day, or late (three days after).
fn dossier(n: u32, day: NaiveDate, channel: Channel, class: Option<Timeliness>) -> Dossier {
    let input = NewDossier {
        code: format!("SCT-{}-{:05}", day.format("%y%m%d"), n),
        procedure: "TM-02".into(),
        applicant: "Công ty A".into(),
        channel,
        received: day.and_hms_opt(9, 0, 0),
        ..Default::default()
    };
    let mut bytes = [0u8; 16];
    bytes[..4].copy_from_slice(&n.to_le_bytes());
    bytes[4] = day.month() as u8;
    bytes[5] = (day.year() - 2000) as u8;
    let mut d = Dossier::create(
        input,
        &default_catalogue(),
        &cal(),
        std::iter::empty(),
        Meta::new(bytes, 0, "dev-a"),
    )
    .unwrap();
    let due = d.due;
    let done = match class {
        Some(Timeliness::Early) => Some(d.received + Duration::days(1)),
        Some(Timeliness::OnTime) => Some(due - Duration::hours(2)),
        Some(Timeliness::Late) => Some(due + Duration::days(3)),
        _ => None,
    };
    if let Some(t) = done {
        d.transition(Status::Resolved, t, "", "").unwrap();
    }
    d
}

/// `early`, `on_time`, `late` dossiers spread over the working days of a period, the first
/// `online` of them online.
fn set(from: NaiveDate, days: i64, early: u32, on_time: u32, late: u32, online: u32) -> Vec<Dossier> {
    let classes = std::iter::repeat_n(Timeliness::Early, early as usize)
        .chain(std::iter::repeat_n(Timeliness::OnTime, on_time as usize))
        .chain(std::iter::repeat_n(Timeliness::Late, late as usize));
    let working: Vec<NaiveDate> = (0..days)
        .map(|i| from + Duration::days(i))
        .filter(|d| cal().is_working_day(*d))
        .collect();
    classes
        .enumerate()
        .map(|(i, c)| {
            // Received in the first half of the period so that every one is resolved in it.
            let day = working[i % (working.len() / 2)];
            let ch = if (i as u32) < online { Channel::Online } else { Channel::Direct };
            dossier(i as u32 + 1, day, ch, Some(c))
        })
        .collect()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Short-form responses on `day`: `satisfied` rate 4 on every item, the rest 2.
fn responses(day: NaiveDate, total: u32, satisfied: u32, seed: u8) -> Vec<Response> {
    let at = day.and_hms_opt(3, 0, 0).unwrap().and_utc().timestamp_millis();
    (0..total)
        .map(|i| {
            let mut b = [seed; 16];
            b[..4].copy_from_slice(&i.to_le_bytes());
            Response {
                digits: if i < satisfied { "44444".into() } else { "22222".into() },
                overall: if i < satisfied { 4 } else { 2 },
                ..Response::blank(Meta::new(b, at, "dev-a"), 2)
            }
        })
        .collect()
}

fn versions() -> BTreeMap<u32, Questionnaire> {
    // Version 1 the first seed, version 2 the short form.
    let mut b = Book::of(Questionnaire::sipas());
    b.publish(Questionnaire::short());
    b.versions
}

/// Records in hand with what a report needs beside them (the short form, the shipped
/// calendar, the timeline).
pub(super) struct Set {
    rs: Vec<Response>,
    ds: Vec<Dossier>,
    versions: BTreeMap<u32, Questionnaire>,
    cal: WorkCalendar,
    timeline: Timeline,
}

impl Set {
    pub(super) fn new(rs: Vec<Response>, ds: Vec<Dossier>) -> Self {
        let timeline = Timeline::new(&rs, &ds);
        Set {
            rs,
            ds,
            versions: versions(),
            cal: cal(),
            timeline,
        }
    }
    pub(super) fn data(&self) -> Records<'_> {
        Records {
            responses: &self.rs,
            dossiers: &self.ds,
            versions: &self.versions,
            cal: &self.cal,
            timeline: &self.timeline,
        }
    }
}

fn dossiers(ds: &[Dossier]) -> Set {
    Set::new(Vec::new(), ds.to_vec())
}

#[test]
fn the_2016_letter_figures_come_out_of_the_records() {
    let ds = set(d(2016, 1, 1), 366, 13_998, 182, 17, 0);
    let t = dossier_table(dossiers(&ds).data(), &Period::year(2016), &Filter::default(), &Lookup::default());
    assert_eq!((t.new_total(), t.early, t.on_time, t.late), (14_197, 13_998, 182, 17));
    assert!(t.balanced());
    let judged = t.early + t.on_time + t.late;
    assert_eq!(crate::format::share(t.early, judged), "98,6%");
    assert_eq!(crate::format::share(t.on_time, judged), "1,28%");
    assert_eq!(crate::format::share(t.late, judged), "0,12%");
}

#[test]
fn the_2017_report_paragraph_matches_the_letter() {
    let ds = set(d(2017, 1, 1), 243, 10_450, 96, 17, 1_410);
    let mut rs = responses(d(2017, 3, 1), 10_000, 7_629, 1);
    rs.extend(responses(d(2016, 3, 1), 10_000, 7_656, 2));
    let period = Period::custom(d(2017, 1, 1), d(2017, 8, 31));
    let (f, l) = (Filter::default(), Lookup::default());
    let set = Set::new(rs, ds);
    let t = dossier_table(set.data(), &period, &f, &l);
    let ix = satisfaction(set.data(), &period, &f, &l);
    let last = satisfaction(set.data(), &period.same_last_year(), &f, &l);
    let kiosk = text::KioskMeasure {
        value: shown_index(&ix, 5),
        last_year: shown_index(&last, 5),
        n: ix.n_items,
    };
    let text = text::paragraph(&period, &t, kiosk, None);
    assert_eq!(
        text,
        "Từ ngày 01/01/2017 đến ngày 31/08/2017, đã tiếp nhận và giải quyết: 10.563 hồ sơ, trong đó trực tuyến 1.410 hồ sơ (chiếm 13,3%), giải quyết trước hạn: 10.450 hồ sơ, đúng hạn: 96 hồ sơ, trễ hạn: 17 hồ sơ (chiếm 0,16%); mức độ hài lòng qua phiếu khảo sát tại quầy đạt 76,29% (10.000 phiếu), giảm 0,27% so với cùng kỳ năm trước."
    );
    // The official index is cited only as entered, beside the kiosk's measure, and the kiosk
    // figure is never called "chỉ số hài lòng".
    let official = crate::settings::OfficialIndex::parse("80,12", "2016", "Quyết định 45/QĐ-UBND ngày 13/01/2017").unwrap();
    let year = Period::year(2017).on(Basis::Official);
    let text = text::paragraph(&year, &t, kiosk, official.as_ref());
    assert!(
        text.starts_with("Từ ngày 15/12/2016 đến ngày 14/12/2017 (kỳ báo cáo năm 2017), "),
        "{text}"
    );
    assert!(
        text.ends_with("; chỉ số hài lòng (SIPAS) năm 2016 của đơn vị do tỉnh công bố: 80,12% (Quyết định 45/QĐ-UBND ngày 13/01/2017).")
    );
    for t in [text, text::paragraph(&period, &t, text::KioskMeasure::default(), None)] {
        let kiosk_part = t.split("; chỉ số hài lòng (SIPAS)").next().unwrap();
        assert!(!kiosk_part.to_lowercase().contains("chỉ số hài lòng"), "{t}");
    }
}

#[test]
fn carried_over_open_and_closed_dossiers_balance() {
    let mut old_open = dossier(1, d(2026, 2, 23), Channel::Direct, None);
    old_open.meta.id = "a".into();
    let mut old_done = dossier(2, d(2026, 2, 23), Channel::Direct, Some(Timeliness::Early));
    old_done.meta.id = "b".into();
    let mut withdrawn = dossier(3, d(2026, 3, 2), Channel::Post, None);
    withdrawn
        .transition(Status::Withdrawn, d(2026, 3, 3).and_hms_opt(9, 0, 0).unwrap(), "", "")
        .unwrap();
    let mut extended = dossier(4, d(2026, 3, 2), Channel::Online, None);
    extended
        .extend(
            &cal(),
            d(2026, 3, 4).and_hms_opt(9, 0, 0).unwrap(),
            d(2026, 3, 20).and_hms_opt(17, 0, 0).unwrap(),
            "Chờ ý kiến",
        )
        .unwrap();
    extended
        .transition(Status::Resolved, d(2026, 3, 18).and_hms_opt(9, 0, 0).unwrap(), "", "")
        .unwrap();
    let open_late = dossier(5, d(2026, 3, 2), Channel::Direct, None);
    let mut gone = dossier(6, d(2026, 3, 2), Channel::Direct, None);
    gone.meta.deleted = true;
    let all = [old_open, old_done, withdrawn, extended, open_late, gone];
    let set = dossiers(&all);
    let t = dossier_table(set.data(), &Period::month(2026, 3), &Filter::default(), &Lookup::default());
    assert_eq!(t.carried_over, 1, "old_done was resolved in February");
    assert_eq!((t.new_online, t.new_direct_post), (1, 2));
    assert_eq!(
        (t.late, t.extended, t.extended_kept),
        (1, 1, 1),
        "extended is late; the renewed date was kept"
    );
    assert_eq!(t.closed, 1);
    assert_eq!((t.open_in_time, t.open_overdue), (0, 2), "both open ones are past due by 31/03");
    assert!(t.balanced());
    assert_eq!(t.received(), t.resolved() + t.in_progress() + t.closed);
    // As seen at the end of the first week, the open ones were still in time.
    let week = dossier_table(
        set.data(),
        &Period::custom(d(2026, 3, 1), d(2026, 3, 6)),
        &Filter::default(),
        &Lookup::default(),
    );
    assert_eq!((week.open_in_time, week.open_overdue), (2, 1));
}

#[test]
fn filters_narrow_dossiers_and_responses() {
    let a = dossier(1, d(2026, 3, 2), Channel::Online, Some(Timeliness::Early));
    let mut b = dossier(2, d(2026, 3, 2), Channel::Direct, Some(Timeliness::Late));
    b.code = b.code.replace("SCT", "SYT");
    b.meta.device = "dev-b".into();
    let l = Lookup::new(
        &default_catalogue(),
        [("dev-b".to_string(), "SYT".to_string())].into_iter().collect(),
    );
    let p = Period::month(2026, 3);
    let online = Filter {
        channel: Some(Channel::Online),
        ..Default::default()
    };
    assert_eq!(
        dossier_table(dossiers(&[a.clone(), b.clone()]).data(), &p, &online, &l).new_total(),
        1
    );
    let unit = Filter {
        unit: "syt".into(),
        ..Default::default()
    };
    assert_eq!(dossier_table(dossiers(&[a.clone(), b.clone()]).data(), &p, &unit, &l).late, 1);
    let field = Filter {
        field: "Xúc tiến thương mại".into(),
        ..Default::default()
    };
    assert_eq!(dossier_table(dossiers(&[a, b]).data(), &p, &field, &l).new_total(), 2);
    let mut rs = responses(d(2026, 3, 5), 6, 6, 1);
    for r in rs.iter_mut().take(2) {
        r.meta.device = "dev-b".into();
    }
    let set = Set::new(rs, Vec::new());
    assert_eq!(satisfaction(set.data(), &p, &unit, &l).n, 2);
    assert_eq!(satisfaction(set.data(), &p, &online, &l).n, 0, "responses have no channel");
}

#[test]
fn units_are_ranked_by_index_and_small_ones_hidden() {
    let mut rs = responses(d(2026, 3, 5), 10, 9, 1);
    let mut other = responses(d(2026, 3, 5), 10, 6, 2);
    for r in &mut other {
        r.meta.device = "dev-b".into();
    }
    let mut tiny = responses(d(2026, 3, 5), 2, 2, 3);
    for r in &mut tiny {
        r.meta.device = "dev-c".into();
    }
    rs.extend(other);
    rs.extend(tiny);
    let l = Lookup::new(
        &[],
        [("dev-a", "SCT"), ("dev-b", "SYT"), ("dev-c", "STP")]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
    );
    let r = unit_ranking(Set::new(rs, Vec::new()).data(), &Period::month(2026, 3), &l, 5);
    assert_eq!(r.len(), 2, "STP has 2 responses, under the threshold");
    assert_eq!((r[0].0, r[0].1.as_str(), r[0].2), (1, "SCT", 90.0));
    assert_eq!((r[1].0, r[1].1.as_str()), (2, "SYT"));
}

#[test]
fn satisfaction_of_late_dossiers() {
    let late = dossier(1, d(2026, 3, 2), Channel::Direct, Some(Timeliness::Late));
    let early = dossier(2, d(2026, 3, 2), Channel::Direct, Some(Timeliness::Early));
    let mut rs = responses(d(2026, 3, 20), 3, 1, 1);
    rs[0].dossier_code = early.code.to_lowercase();
    rs[1].dossier_code = late.code.clone();
    rs[2].dossier_code = late.code.clone();
    let by = satisfaction_by_timeliness(Set::new(rs, vec![late, early]).data(), &Period::month(2026, 3));
    let (l, ok) = by["Đăng ký thực hiện khuyến mại"];
    assert_eq!((l.valid, l.satisfied), (2, 0));
    assert_eq!((ok.valid, ok.satisfied), (1, 1));
}

#[test]
fn monthly_rows_hide_an_index_under_the_threshold() {
    let mut rs = responses(d(2026, 1, 10), 10, 8, 1);
    rs.extend(responses(d(2026, 2, 10), 3, 3, 2));
    let ds = vec![dossier(1, d(2026, 1, 5), Channel::Online, Some(Timeliness::Early))];
    let set = Set::new(rs, ds);
    let rows = monthly(set.data(), &Period::quarter(2026, 1), &Filter::default(), &Lookup::default(), 5);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].index, Some(80.0));
    assert_eq!(rows[1].index, None, "3 responses < 5");
    assert_eq!(rows[0].received, [0, 1, 0]);
    assert_eq!(rows[0].on_time_rate(), Some(100.0));
    assert_eq!(rows[2].on_time_rate(), None);
}

#[test]
fn a_report_says_what_it_was_narrowed_to() {
    assert_eq!(Filter::default().describe(crate::Lang::Vi), None);
    let f = Filter {
        unit: "SCT".into(),
        channel: Some(Channel::Online),
        division: "Phòng Quản lý Thương mại".into(),
        ..Default::default()
    };
    assert_eq!(
        f.describe(crate::Lang::Vi).as_deref(),
        Some("Đơn vị: SCT · Kênh tiếp nhận: Trực tuyến · Phòng xử lý: Phòng Quản lý Thương mại")
    );
    assert_eq!(
        f.describe(crate::Lang::En).as_deref(),
        Some("Unit: SCT · Channel: Online · Division: Phòng Quản lý Thương mại")
    );
}

#[test]
fn the_device_filter_names_the_devices_that_made_records() {
    let mut rs = responses(d(2026, 3, 2), 3, 3, 1);
    rs[0].meta.device = "c93f973f".into();
    rs[1].meta.device = "a1b2c3d4".into();
    rs[2].meta.device = "e5f6a7b8".into();
    let set = Set::new(rs, Vec::new());
    let names: BTreeMap<String, String> = [
        ("c93f973f", "Quầy 2"),
        ("a1b2c3d4", "Đăng ký"),
        ("e5f6a7b8", "Quầy 2"),
        ("ffff0000", "Máy quản lý (không có bản ghi)"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    let got = device_choices(set.data(), &names);
    let labels: Vec<&str> = got.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(
        labels,
        ["Đăng ký", "Quầy 2 (c93f973f)", "Quầy 2 (e5f6a7b8)"],
        "no record, not listed; Đ with D"
    );
    let none = device_choices(set.data(), &BTreeMap::new());
    assert_eq!(none[0].1, none[0].0, "no name known: the id");
}
