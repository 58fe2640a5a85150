//! The procedure catalogue from a sheet: the list of procedures a province publishes (its
//! decision announcing them, as the Cổng DVCQG lists them: mã TTHC, name, lĩnh vực, thời hạn
//! giải quyết, phí / lệ phí, thành phần hồ sơ, mức độ) or one a desk keeps in Excel. The header
//! words and the ways a term is written are inferred from such lists [I]; the officer maps any
//! column the guess misses.
//!
//! A sheet's row updates the catalogue entry with its code (any case), else the one with its
//! name (ignoring case, marks and spacing; the entry keeps its own code, which its dossiers
//! name), else it is a new entry. Only the columns the sheet has are written: what the officer
//! set by hand (the internal process, the 15:00 rule, an unmapped column) stays. Nothing is
//! written before the officer has seen the plan (`CataloguePlan`), and then all of it or nothing
//! (`CataloguePlan::apply` returns the whole new catalogue, checked by `validate_catalogue`).

use crate::dossier::procedure::{validate_catalogue, Online, Procedure, Term};
use crate::format::fold_key;
use crate::i18n::K;
use crate::sheet::{Cell, Columns, Mapping, Table};

/// The catalogue's fields a sheet's column can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum CatalogueField {
    Code,
    Name,
    Field,
    Term,
    Fee,
    Division,
    Documents,
    Online,
}

impl Columns for CatalogueField {
    const ALL: &'static [CatalogueField] = &[
        CatalogueField::Code,
        CatalogueField::Name,
        CatalogueField::Field,
        CatalogueField::Term,
        CatalogueField::Fee,
        CatalogueField::Division,
        CatalogueField::Documents,
        CatalogueField::Online,
    ];
    // The code before the name ("Mã thủ tục" names both); the documents before the name
    // ("Thành phần hồ sơ thủ tục").
    const GUESS_ORDER: &'static [CatalogueField] = &[
        CatalogueField::Code,
        CatalogueField::Documents,
        CatalogueField::Name,
        CatalogueField::Field,
        CatalogueField::Term,
        CatalogueField::Fee,
        CatalogueField::Division,
        CatalogueField::Online,
    ];
    const REQUIRED: &'static [CatalogueField] = &[CatalogueField::Code, CatalogueField::Name, CatalogueField::Term];

    fn words(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            CatalogueField::Code => (&["ma tthc", "ma thu tuc", "ma so", "ma ttc", "code"], &[]),
            CatalogueField::Name => (&["ten thu tuc", "ten tthc", "thu tuc", "procedure", "name"], &["ma "]),
            CatalogueField::Field => (&["linh vuc", "field"], &[]),
            CatalogueField::Term => (&["thoi han", "thoi gian giai quyet", "so ngay", "term"], &[]),
            CatalogueField::Fee => (&["le phi", "phi", "fee"], &["phieu", "phien"]),
            CatalogueField::Division => (
                &[
                    "phong xu ly",
                    "phong chuyen mon",
                    "phong chu tri",
                    "don vi xu ly",
                    "don vi chu tri",
                    "division",
                ],
                &[],
            ),
            CatalogueField::Documents => (&["thanh phan ho so", "ho so gom", "giay to", "documents"], &[]),
            CatalogueField::Online => (&["muc do", "truc tuyen", "dvc", "online"], &[]),
        }
    }

    fn key(self) -> K {
        match self {
            CatalogueField::Code => K::ProcedureCode,
            CatalogueField::Name => K::Procedure,
            CatalogueField::Field => K::ProcedureField,
            CatalogueField::Term => K::ProcedureTerm,
            CatalogueField::Fee => K::Fee,
            CatalogueField::Division => K::Division,
            CatalogueField::Documents => K::DocumentsShort,
            CatalogueField::Online => K::OnlineLevel,
        }
    }
}

/// Why a row of the sheet is left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowError {
    NoCode,
    NoName,
    /// The term cell, as written.
    Term(String),
    /// The code, or the name, of an earlier row (its line).
    Repeated(usize),
}

impl RowError {
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            RowError::NoCode => K::ErrNoProcedureCode.into(),
            RowError::NoName => K::ErrNoProcedureName.into(),
            RowError::Term(s) => Msg::new(K::WithDetail).part(K::ErrTermUnreadable).arg(format_args!("«{s}»")),
            RowError::Repeated(line) => Msg::new(K::WithDetail).part(K::ErrRepeatedProcedure).arg(line),
        }
    }
}

/// A statutory time as lists write it: "15 ngày làm việc", "Trong thời hạn 05 ngày làm việc kể
/// từ…", "04 giờ làm việc", "Trong ngày" (also "Giải quyết trong ngày; nhận sau 15 giờ thì…",
/// whose "15 giờ" is the cut-off, not the term), or a bare number of days. With the term, whether
/// the text sets the 15:00 rule. `None` for what is none of these ("03 tháng", "Theo quy định").
pub fn parse_term(cell: &Cell) -> Option<(Term, bool)> {
    use crate::calendar::{MAX_DAYS, MAX_HOURS};
    if let Cell::Number(n) = cell {
        let days = (*n >= 1.0 && *n <= f64::from(MAX_DAYS) && n.fract() == 0.0).then_some(*n as u32)?;
        return Some((Term::Days(days), false));
    }
    let text = fold_key(&cell.text());
    let first_digit = text.find(|c: char| c.is_ascii_digit());
    let cutoff = text.contains("15 gio") || text.contains("15h") || text.contains("15:00");
    if let Some(at) = text.find("trong ngay") {
        if first_digit.is_none_or(|d| at < d) {
            return Some((Term::SameDay, cutoff));
        }
    }
    // The first number followed by its unit.
    let mut rest = text.as_str();
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let after = &rest[start..];
        let len = after.find(|c: char| !c.is_ascii_digit()).unwrap_or(after.len());
        let n: u32 = after[..len].parse().ok()?;
        let unit = after[len..].trim_start();
        if unit.starts_with("ngay") {
            return (1..=MAX_DAYS).contains(&n).then_some((Term::Days(n), false));
        }
        if unit.starts_with("gio") {
            return (1..=MAX_HOURS).contains(&n).then_some((Term::Hours(n), false));
        }
        if unit.is_empty() && start == 0 {
            return (1..=MAX_DAYS).contains(&n).then_some((Term::Days(n), false));
        }
        rest = &after[len..];
    }
    None
}

/// A mức độ cell: "Toàn trình" / "Mức độ 4" / "4" → full, "Một phần" / "Mức độ 3" / "3" →
/// partial, anything else none (domain.md: older texts say mức độ 3 / 4).
pub fn parse_online(cell: &Cell) -> Online {
    let t = fold_key(&cell.text());
    if t.contains("toan trinh") || t.contains('4') {
        Online::Full
    } else if t.contains("mot phan") || t.contains('3') {
        Online::Partial
    } else {
        Online::None
    }
}

/// A thành phần hồ sơ cell: one document a line (or, on one line, separated by ";"), without
/// the list's bullets and numbers; at most 60, as the catalogue allows.
pub fn parse_documents(cell: &Cell) -> Vec<String> {
    let text = cell.text();
    let parts: Vec<&str> = if text.contains('\n') {
        text.lines().collect()
    } else {
        text.split(';').collect()
    };
    parts
        .into_iter()
        .map(|l| {
            let l = l.trim().trim_start_matches(['-', '+', '•', '*', '–']).trim_start();
            // "1.", "2)", "a)" before the document's name.
            let marker = l.find([' ', '.', ')']).filter(|&i| {
                i <= 3 && l[i..].starts_with(['.', ')']) && l[..i].chars().all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
            });
            match marker {
                Some(i) => l[i + 1..].trim(),
                None => l,
            }
            .to_string()
        })
        .filter(|l| !l.is_empty())
        .take(60)
        .collect()
}

/// One row of the sheet as a procedure (only the mapped fields set), or why not.
fn row_procedure(row: &[Cell], map: &Mapping<CatalogueField>) -> Result<(Procedure, Vec<CatalogueField>), RowError> {
    use CatalogueField as F;
    let text = |f| {
        map.cell(row, f)
            .text()
            .chars()
            .filter(|c| !c.is_control() || *c == '\n')
            .collect::<String>()
    };
    let code: String = motcua_domain::format::upper(text(F::Code).trim()).chars().take(40).collect();
    if code.is_empty() {
        return Err(RowError::NoCode);
    }
    let name = text(F::Name).split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(RowError::NoName);
    }
    let term_cell = map.cell(row, F::Term);
    let (term, cutoff) = parse_term(term_cell).ok_or_else(|| RowError::Term(term_cell.text()))?;
    let mut p = Procedure {
        cutoff_15h: cutoff,
        ..Procedure::named(&code, &name.chars().take(500).collect::<String>(), 1)
    };
    set_term(&mut p, term);
    let mut mapped = vec![F::Code, F::Name, F::Term];
    let short = |s: String| s.trim().chars().take(300).collect::<String>();
    for f in [F::Field, F::Fee, F::Division, F::Documents, F::Online] {
        if map.get(f).is_none() || matches!(map.cell(row, f), Cell::Empty) {
            continue;
        }
        mapped.push(f);
        match f {
            F::Field => p.field = short(text(f)),
            F::Fee => p.fee = short(text(f)),
            F::Division => p.division = short(text(f)),
            F::Documents => p.documents = parse_documents(map.cell(row, f)),
            F::Online => p.online = parse_online(map.cell(row, f)),
            F::Code | F::Name | F::Term => {}
        }
    }
    Ok((p, mapped))
}

fn set_term(p: &mut Procedure, term: Term) {
    p.same_day = term == Term::SameDay;
    match term {
        Term::Days(n) => {
            p.days = n;
            p.hours = 0;
        }
        Term::Hours(n) => p.hours = n,
        Term::SameDay => {}
    }
}

/// An existing entry the sheet changes: before and after, and which fields differ.
#[derive(Clone, Debug, PartialEq)]
pub struct Changed {
    pub before: Procedure,
    pub after: Procedure,
    pub fields: Vec<CatalogueField>,
}

impl Changed {
    /// The statutory time before and after, when the sheet changes it (what moves due dates).
    pub fn term_change(&self, lang: crate::Lang) -> Option<String> {
        (self.before.term() != self.after.term()).then(|| format!("{} → {}", self.before.term().text(lang), self.after.term().text(lang)))
    }
}

/// What importing the sheet would do, shown before anything is written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CataloguePlan {
    pub new: Vec<Procedure>,
    pub changed: Vec<Changed>,
    /// Rows that match an entry and change nothing.
    pub same: usize,
    /// Rows left out: their line in the sheet, and why.
    pub refused: Vec<(usize, RowError)>,
}

/// The plan for the sheet's rows below `header`, against the catalogue `existing`.
pub fn plan(table: &Table, header: usize, map: &Mapping<CatalogueField>, existing: &[Procedure]) -> CataloguePlan {
    use CatalogueField as F;
    let mut out = CataloguePlan::default();
    // Each entry's line in the sheet, by code and by name: a second row for one entry is left
    // out (which of two rows is right is for the officer to say).
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, row) in table.rows.iter().enumerate().skip(header + 1) {
        let line = table.lines.get(i).copied().unwrap_or(i + 1);
        if row.iter().all(|c| c.text().is_empty()) {
            continue;
        }
        let (p, mapped) = match row_procedure(row, map) {
            Ok(x) => x,
            Err(e) => {
                out.refused.push((line, e));
                continue;
            }
        };
        let keys = [format!("c:{}", p.id), format!("n:{}", fold_key(&p.name))];
        if let Some(first) = keys.iter().find_map(|k| seen.get(k)) {
            out.refused.push((line, RowError::Repeated(*first)));
            continue;
        }
        for k in keys {
            seen.insert(k, line);
        }
        let found = existing
            .iter()
            .find(|e| e.id.trim().eq_ignore_ascii_case(&p.id))
            .or_else(|| existing.iter().find(|e| fold_key(&e.name) == fold_key(&p.name)));
        let Some(before) = found else {
            out.new.push(p);
            continue;
        };
        let mut after = before.clone();
        let mut fields = Vec::new();
        for f in mapped {
            let differs = match f {
                // The entry keeps its own code: its dossiers name it.
                F::Code => false,
                F::Name => {
                    let d = after.name != p.name;
                    after.name.clone_from(&p.name);
                    d
                }
                F::Term => {
                    let d = after.term() != p.term() || (p.cutoff_15h && !after.cutoff_15h);
                    set_term(&mut after, p.term());
                    after.cutoff_15h |= p.cutoff_15h;
                    d
                }
                F::Field => replace(&mut after.field, &p.field),
                F::Fee => replace(&mut after.fee, &p.fee),
                F::Division => replace(&mut after.division, &p.division),
                F::Documents => replace(&mut after.documents, &p.documents),
                F::Online => replace(&mut after.online, &p.online),
            };
            if differs {
                fields.push(f);
            }
        }
        if fields.is_empty() {
            out.same += 1;
        } else {
            out.changed.push(Changed {
                before: before.clone(),
                after,
                fields,
            });
        }
    }
    out
}

fn replace<T: PartialEq + Clone>(slot: &mut T, value: &T) -> bool {
    let differs = slot != value;
    slot.clone_from(value);
    differs
}

impl CataloguePlan {
    /// The whole catalogue after the import: changed entries in place, new ones after, each
    /// stamped `now` for file sync; checked as a whole (`validate_catalogue`), so that it is
    /// written all or not at all.
    pub fn apply(&self, existing: &[Procedure], now: i64) -> Result<Vec<Procedure>, crate::i18n::Msg> {
        let mut out: Vec<Procedure> = existing.to_vec();
        for c in &self.changed {
            if let Some(slot) = out.iter_mut().find(|p| p.id == c.before.id) {
                *slot = c.after.clone();
                slot.changed_at = now.max(slot.changed_at + 1);
            }
        }
        out.extend(self.new.iter().cloned().map(|mut p| {
            p.changed_at = now;
            p
        }));
        validate_catalogue(&out)?;
        Ok(out)
    }

    /// Whether importing would change anything.
    pub fn is_empty(&self) -> bool {
        self.new.is_empty() && self.changed.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::procedure::default_catalogue;

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn terms_are_read_as_lists_write_them() {
        assert_eq!(parse_term(&text("15 ngày làm việc")), Some((Term::Days(15), false)));
        assert_eq!(
            parse_term(&text("Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ")),
            Some((Term::Days(5), false))
        );
        assert_eq!(parse_term(&text("04 giờ làm việc")), Some((Term::Hours(4), false)));
        assert_eq!(parse_term(&text("Trong ngày")), Some((Term::SameDay, false)));
        assert_eq!(
            parse_term(&text(
                "Giải quyết trong ngày; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo"
            )),
            Some((Term::SameDay, true)),
            "the 15 giờ is the cut-off, not the term"
        );
        assert_eq!(parse_term(&Cell::Number(10.0)), Some((Term::Days(10), false)));
        assert_eq!(parse_term(&text("10")), Some((Term::Days(10), false)));
        assert_eq!(parse_term(&text("Không quá 2 ngày")), Some((Term::Days(2), false)));
        for bad in ["03 tháng", "Theo quy định", "", "0 ngày", "999 ngày", "99999999999999 ngày"] {
            assert_eq!(parse_term(&text(bad)), None, "{bad}");
        }
        assert_eq!(parse_term(&Cell::Number(2.5)), None);
        assert_eq!(parse_term(&Cell::Number(f64::INFINITY)), None);
    }

    #[test]
    fn documents_and_levels_are_read_from_their_cells() {
        assert_eq!(
            parse_documents(&text("1. Đơn đề nghị (bản chính)\n2) Bản sao giấy phép\n- Tờ khai\n\n")),
            ["Đơn đề nghị (bản chính)", "Bản sao giấy phép", "Tờ khai"]
        );
        assert_eq!(parse_documents(&text("Đơn; Tờ khai ")), ["Đơn", "Tờ khai"]);
        assert_eq!(parse_documents(&text("a) Đơn 2.0")), ["Đơn 2.0"]);
        assert_eq!(parse_documents(&text(&"x\n".repeat(100))).len(), 60);
        assert_eq!(parse_online(&text("Toàn trình")), Online::Full);
        assert_eq!(parse_online(&text("Mức độ 3")), Online::Partial);
        assert_eq!(parse_online(&Cell::Number(4.0)), Online::Full);
        assert_eq!(parse_online(&text("Không")), Online::None);
    }

    fn sheet(rows: &[&[&str]]) -> Table {
        Table {
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| if c.is_empty() { Cell::Empty } else { text(c) }).collect())
                .collect(),
            lines: (1..=rows.len()).collect(),
        }
    }

    #[test]
    fn a_province_list_is_mapped_and_planned_as_new_changed_same_and_refused() {
        let t = sheet(&[
            &["DANH MỤC THỦ TỤC HÀNH CHÍNH", "", "", "", "", "", ""],
            &[
                "STT",
                "Mã TTHC",
                "Tên thủ tục hành chính",
                "Lĩnh vực",
                "Thời hạn giải quyết",
                "Phí, lệ phí",
                "Mức độ DVC",
            ],
            // The shipped TM-01 by its code, in another case: its term changes.
            &[
                "1",
                "tm-01",
                "Cấp Giấy phép bán buôn sản phẩm rượu",
                "Lưu thông hàng hóa",
                "15 ngày làm việc",
                "Theo Thông tư của Bộ Tài chính",
                "Toàn trình",
            ],
            &[
                "2",
                "1.000123",
                "Cấp giấy chứng nhận mới",
                "Hóa chất",
                "Trong ngày",
                "Không thu phí",
                "Một phần",
            ],
            &["3", "1.000124", "Thủ tục không rõ hạn", "Hóa chất", "Theo quy định", "", ""],
            &["4", "", "Thủ tục không mã", "Hóa chất", "5", "", ""],
            &["5", "1.000125", "CẤP GIẤY CHỨNG NHẬN MỚI", "Hóa chất", "3", "", ""],
            &["", "", "", "", "", "", ""],
        ]);
        assert_eq!(t.header_row_for::<CatalogueField>(), Some(1));
        let map = Mapping::<CatalogueField>::guess(&t.headers(1));
        assert_eq!(
            CatalogueField::ALL.iter().map(|f| map.get(*f)).collect::<Vec<_>>(),
            [Some(1), Some(2), Some(3), Some(4), Some(5), None, None, Some(6)]
        );
        let cat = default_catalogue();
        let p = plan(&t, 1, &map, &cat);
        assert_eq!(p.new.len(), 1);
        assert_eq!(
            (p.new[0].id.as_str(), p.new[0].term(), p.new[0].online),
            ("1.000123", Term::SameDay, Online::Partial)
        );
        assert_eq!(p.changed.len(), 1);
        let c = &p.changed[0];
        assert_eq!(c.after.id, "TM-01", "the entry keeps its code");
        assert_eq!(c.after.days, 15);
        assert!(c.fields.contains(&CatalogueField::Term), "{:?}", c.fields);
        assert_eq!(
            c.term_change(crate::Lang::Vi).as_deref(),
            Some("10 ngày làm việc → 15 ngày làm việc")
        );
        assert_eq!(c.after.division, c.before.division, "an unmapped column keeps its value");
        assert_eq!(p.same, 0);
        assert_eq!(
            p.refused,
            vec![
                (5, RowError::Term("Theo quy định".into())),
                (6, RowError::NoCode),
                (7, RowError::Repeated(4))
            ]
        );
        let all = p.apply(&cat, 1_000).unwrap();
        assert_eq!(all.len(), cat.len() + 1);
        assert_eq!(all.iter().find(|e| e.id == "TM-01").unwrap().changed_at, 1_000);
        // Importing the same sheet again changes nothing.
        let again = plan(&t, 1, &map, &all);
        assert!(again.is_empty());
        assert_eq!(again.same, 2);
    }

    #[test]
    fn a_catalogue_that_would_break_its_rules_is_not_written_at_all() {
        let bad = CataloguePlan {
            new: vec![Procedure {
                name: String::new(),
                ..default_catalogue()[0].clone()
            }],
            ..Default::default()
        };
        assert!(bad.apply(&default_catalogue(), 1).is_err());
    }
}
