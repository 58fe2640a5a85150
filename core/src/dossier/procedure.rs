//! The procedure catalogue: what the desk receives, who handles it and how long it may take.

use serde::{Deserialize, Serialize};

/// Online service level (older texts: mức độ 3 / 4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Online {
    #[default]
    None,
    /// Một phần (partly online, mức độ 3).
    Partial,
    /// Toàn trình (fully online, mức độ 4).
    Full,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Procedure {
    /// Short stable code, e.g. `ATTP-01`.
    pub id: String,
    pub name: String,
    /// Lĩnh vực.
    pub field: String,
    /// Phòng chuyên môn that handles it.
    pub division: String,
    /// Statutory processing time in working days.
    pub days: u32,
    /// For procedures timed in working hours instead: the hours (0 = use `days`).
    #[serde(default)]
    pub hours: u32,
    /// Receipt at or after 15:00 starts the count the next working day.
    pub cutoff_15h: bool,
    #[serde(default)]
    pub fee: String,
    #[serde(default)]
    pub online: Online,
}

impl Procedure {
    /// The due date-time of a dossier received at `received`: working hours when the procedure
    /// is timed in hours, else working days (with the 15:00 rule when it applies).
    pub fn due(&self, cal: &crate::calendar::WorkCalendar, received: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
        if self.hours > 0 {
            return cal.add_working_hours(received, self.hours);
        }
        let cutoff = self
            .cutoff_15h
            .then(|| chrono::NaiveTime::from_hms_opt(15, 0, 0).expect("valid time"));
        cal.due_at(received, self.days, cutoff)
    }
}

fn p(id: &str, name: &str, field: &str, division: &str, days: u32, fee: &str, online: Online) -> Procedure {
    Procedure {
        id: id.into(),
        name: name.into(),
        field: field.into(),
        division: division.into(),
        days,
        hours: 0,
        cutoff_15h: true,
        fee: fee.into(),
        online,
    }
}

/// A small realistic catalogue for a provincial Department of Industry and Trade; staff edit it.
pub fn default_catalogue() -> Vec<Procedure> {
    const TM: &str = "Phòng Quản lý Thương mại";
    const KT: &str = "Phòng Kỹ thuật an toàn – Môi trường";
    const NL: &str = "Phòng Quản lý Năng lượng";
    const CN: &str = "Phòng Quản lý Công nghiệp";
    vec![
        p(
            "TM-01",
            "Cấp Giấy phép bán buôn sản phẩm rượu",
            "Lưu thông hàng hóa",
            TM,
            10,
            "Theo Thông tư của Bộ Tài chính",
            Online::Partial,
        ),
        p(
            "TM-02",
            "Đăng ký thực hiện khuyến mại",
            "Xúc tiến thương mại",
            TM,
            5,
            "Không thu phí",
            Online::Full,
        ),
        p(
            "TM-03",
            "Cấp Giấy phép kinh doanh bán buôn sản phẩm thuốc lá",
            "Lưu thông hàng hóa",
            TM,
            15,
            "Theo Thông tư của Bộ Tài chính",
            Online::Partial,
        ),
        p(
            "KT-01",
            "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
            "An toàn thực phẩm",
            KT,
            20,
            "Theo Thông tư của Bộ Tài chính",
            Online::Partial,
        ),
        p(
            "KT-02",
            "Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai",
            "Kinh doanh khí",
            KT,
            15,
            "Theo Thông tư của Bộ Tài chính",
            Online::Partial,
        ),
        p(
            "KT-03",
            "Cấp Giấy phép sử dụng vật liệu nổ công nghiệp",
            "Vật liệu nổ công nghiệp",
            KT,
            10,
            "Theo Thông tư của Bộ Tài chính",
            Online::None,
        ),
        p(
            "NL-01",
            "Cấp Giấy phép hoạt động điện lực (phân phối, bán lẻ điện)",
            "Điện lực",
            NL,
            15,
            "Theo Thông tư của Bộ Tài chính",
            Online::Partial,
        ),
        p(
            "NL-02",
            "Cấp Thẻ kiểm tra viên điện lực",
            "Điện lực",
            NL,
            5,
            "Không thu phí",
            Online::Full,
        ),
        p(
            "CN-01",
            "Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu",
            "Kinh doanh xăng dầu",
            CN,
            15,
            "Theo Thông tư của Bộ Tài chính",
            Online::Partial,
        ),
        p(
            "CN-02",
            "Cấp Giấy chứng nhận huấn luyện kỹ thuật an toàn hóa chất",
            "Hóa chất",
            CN,
            10,
            "Không thu phí",
            Online::Partial,
        ),
        Procedure {
            hours: 8,
            ..p(
                "TM-04",
                "Xác nhận bản cam kết đăng ký bán hàng đa cấp (trong ngày)",
                "Bán hàng đa cấp",
                TM,
                1,
                "Không thu phí",
                Online::Partial,
            )
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_ids_are_unique_and_times_positive() {
        let c = default_catalogue();
        let ids: std::collections::BTreeSet<_> = c.iter().map(|p| &p.id).collect();
        assert_eq!(ids.len(), c.len());
        assert!(c.iter().all(|p| p.days > 0 && !p.division.is_empty()));
    }

    #[test]
    fn due_in_days_or_hours() {
        let cal = crate::calendar::WorkCalendar::default();
        let at = |d, h| chrono::NaiveDate::from_ymd_opt(2025, 2, d).unwrap().and_hms_opt(h, 0, 0).unwrap();
        let c = default_catalogue();
        let days = c.iter().find(|p| p.id == "TM-02").unwrap();
        assert_eq!(days.due(&cal, at(3, 9)), at(7, 17));
        let hours = c.iter().find(|p| p.id == "TM-04").unwrap();
        let tue_1630 = at(4, 16) + chrono::Duration::minutes(30);
        assert_eq!(
            hours.due(&cal, at(3, 16)),
            tue_1630,
            "8 h from Monday 16:00: 1 h, then 4 h + 3 h from 13:30 on Tuesday"
        );
    }
}
