//! The report paragraph in the style of the seed letters (shared/seeds), Vietnamese numbers
//! and the app's two percentage rules.

use super::{DossierTable, Period};
use crate::format::{date, index_change, index_value, share, thousands};
use crate::Lang;

/// "Từ ngày … đến ngày …, đã tiếp nhận và giải quyết: 10.563 hồ sơ, trong đó trực tuyến 1.410
/// hồ sơ (chiếm 13,3%), giải quyết trước hạn: …; chỉ số hài lòng đạt 76,29%, giảm 0,27% so với
/// cùng kỳ năm trước."
pub fn paragraph(period: &Period, t: &DossierTable, index: Option<f64>, index_last_year: Option<f64>) -> String {
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
        "Từ ngày {} đến ngày {}, {head}, trong đó trực tuyến {} hồ sơ (chiếm {}), giải quyết trước hạn: {} hồ sơ, đúng hạn: {} hồ sơ, trễ hạn: {} hồ sơ (chiếm {})",
        date(period.from),
        date(period.to),
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
    match (index, index_last_year) {
        (Some(i), Some(l)) => {
            s += &format!(
                "; chỉ số hài lòng đạt {}, {} so với cùng kỳ năm trước.",
                index_value(Some(i)),
                index_change(i - l, Lang::Vi)
            )
        }
        (Some(i), None) => s += &format!("; chỉ số hài lòng đạt {}.", index_value(Some(i))),
        (None, _) => s += "; chưa đủ phiếu khảo sát để công bố chỉ số hài lòng.",
    }
    s
}
