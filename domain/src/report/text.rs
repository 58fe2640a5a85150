//! The report paragraph in the style of the seed letters (shared/seeds), Vietnamese numbers
//! and the app's two percentage rules.
//!
//! Naming (shared/domain.md, "Naming" [I, important]): "chỉ số hài lòng" in official letters
//! is the province's SIPAS figure from an independent survey. The kiosk's figure is the unit's
//! own measurement and is called "mức độ hài lòng qua phiếu khảo sát tại quầy", with its n;
//! the official index is cited only as the manager entered it (settings).

use super::{DossierTable, Period};
use crate::format::{date, index_change, index_value, share, thousands};
use crate::settings::OfficialIndex;
use crate::Lang;

/// The kiosk's measurement for the paragraph: this period's value, the same period's last
/// year, and the number of responses it rests on.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct KioskMeasure {
    pub value: Option<f64>,
    pub last_year: Option<f64>,
    pub n: u32,
}

/// "Từ ngày … đến ngày … (kỳ báo cáo năm 2026), đã tiếp nhận và giải quyết: 10.563 hồ sơ, trong
/// đó trực tuyến 1.410 hồ sơ (chiếm 13,3%), giải quyết trước hạn: …; mức độ hài lòng qua phiếu
/// khảo sát tại quầy đạt 76,29% (10.000 phiếu), giảm 0,27% so với cùng kỳ năm trước; chỉ số hài
/// lòng (SIPAS) năm 2025 của đơn vị do tỉnh công bố: 80,12% (Quyết định …)."
pub fn paragraph(period: &Period, t: &DossierTable, kiosk: KioskMeasure, official: Option<&OfficialIndex>) -> String {
    let n = |x: u64| thousands(x);
    let new = t.new_total();
    let resolved = t.resolved();
    let head = if new == resolved {
        format!("đã tiếp nhận và giải quyết: {} hồ sơ", n(new))
    } else {
        format!("đã tiếp nhận: {} hồ sơ, đã giải quyết: {} hồ sơ", n(new), n(resolved))
    };
    let judged = t.early + t.on_time + t.late;
    let mut s = format!(
        "Từ ngày {} đến ngày {}{}, {head}, trong đó trực tuyến {} hồ sơ (chiếm {}), giải quyết trước hạn: {} hồ sơ, đúng hạn: {} hồ sơ, trễ hạn: {} hồ sơ (chiếm {})",
        date(period.from),
        date(period.to),
        period.official_name().map(|k| format!(" ({k})")).unwrap_or_default(),
        n(t.new_online),
        share(t.new_online, new),
        n(t.early),
        n(t.on_time),
        n(t.late),
        share(t.late, judged),
    );
    if t.extended > 0 {
        s += &format!(
            "; trong số hồ sơ trễ hạn có {} hồ sơ đã gia hạn, {} hồ sơ trả đúng hạn mới",
            n(t.extended),
            n(t.extended_kept)
        );
    }
    if t.in_progress() > 0 {
        s += &format!(
            "; đang giải quyết: {} hồ sơ (trong hạn: {}, quá hạn: {})",
            n(t.in_progress()),
            n(t.open_in_time),
            n(t.open_overdue)
        );
    }
    const MEASURE: &str = "mức độ hài lòng qua phiếu khảo sát tại quầy";
    match (kiosk.value, kiosk.last_year) {
        (Some(i), Some(l)) => {
            s += &format!(
                "; {MEASURE} đạt {} ({} phiếu), {} so với cùng kỳ năm trước",
                index_value(Some(i)),
                n(u64::from(kiosk.n)),
                index_change(i - l, Lang::Vi)
            )
        }
        (Some(i), None) => s += &format!("; {MEASURE} đạt {} ({} phiếu)", index_value(Some(i)), n(u64::from(kiosk.n))),
        (None, _) => s += &format!("; chưa đủ phiếu khảo sát tại quầy để công bố {MEASURE}"),
    }
    if let Some(o) = official {
        s += &format!(
            "; chỉ số hài lòng (SIPAS) năm {} của đơn vị do tỉnh công bố: {} ({})",
            o.year,
            o.text(),
            o.decision
        );
    }
    s + "."
}
