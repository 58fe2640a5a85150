//! Every UI string in both languages, in one place. A key is an enum variant, so a missing
//! translation is a compile error, not a blank on the screen.

use crate::Lang;

macro_rules! strings {
    ($($key:ident => $vi:expr, $en:expr;)*) => {
        /// A UI string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum K { $($key),* }
        /// All keys, for tests.
        pub const ALL: &[K] = &[$(K::$key),*];
        /// The text of `key` in `lang`.
        pub fn t(lang: Lang, key: K) -> &'static str {
            match (key, lang) {
                $((K::$key, Lang::Vi) => $vi, (K::$key, Lang::En) => $en,)*
            }
        }
    };
}

strings! {
    AppName => "Một cửa – Sở Công Thương", "One-stop desk";
    NavKiosk => "Khảo sát", "Kiosk";
    NavDossiers => "Hồ sơ", "Dossiers";
    NavDashboard => "Thống kê", "Dashboard";
    NavData => "Dữ liệu", "Data";
    NavSettings => "Cài đặt", "Settings";
    NavStaff => "Quầy", "Desk";
    LangSwitch => "English", "Tiếng Việt";
    Offline => "Ngoại tuyến – dữ liệu vẫn được lưu trên máy", "Offline – data is still saved on this device";
    StorageFull => "Bộ nhớ trình duyệt đã đầy: dữ liệu mới đang được giữ tạm, chưa lưu vào máy. Hãy báo người quản lý sao lưu và giải phóng bộ nhớ, rồi bấm «Thử lưu lại».", "Browser storage is full: new data is held but not yet saved on this device. Ask the manager to back up and free space, then press «Retry saving».";
    StorageProblem => "Phát hiện dữ liệu hỏng hoặc lạ; đã giữ nguyên bản gốc để kiểm tra:", "Corrupt or unknown data found; the original was kept aside:";
    PendingCount => "bản ghi đang chờ lưu", "records waiting to be saved";
    Retry => "Thử lưu lại", "Retry saving";
    Saved => "Đã lưu", "Saved";
    WelcomeTitle => "Ông/bà hài lòng với việc giải quyết thủ tục hôm nay không?", "How satisfied are you with our service today?";
    WelcomeSub => "Chỉ mất chưa đến 1 phút. Không cần ghi tên.", "It takes less than a minute. No name needed.";
    Start => "Bắt đầu đánh giá", "Start";
    Back => "Quay lại", "Back";
    Skip => "Bỏ qua", "Skip";
    Question => "Câu hỏi", "Question";
    OverallQ => "Nhìn chung, ông/bà hài lòng với dịch vụ ở mức nào?", "Overall, how satisfied are you with the service?";
    VisitsQ => "Ông/bà phải đi lại bao nhiêu lần để hoàn thành hồ sơ này?", "How many visits did this dossier take?";
    FieldQ => "Ông/bà đến làm thủ tục thuộc lĩnh vực nào?", "Which field was your procedure in?";
    CommentQ => "Góp ý thêm (không bắt buộc)", "Any suggestion? (optional)";
    DossierCodeOpt => "Mã hồ sơ (không bắt buộc)", "Dossier code (optional)";
    Submit => "Gửi đánh giá", "Send";
    ThanksTitle => "Xin cảm ơn ông/bà!", "Thank you!";
    ThanksSub => "Ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn.", "Your opinion helps us serve you better.";
    StaffButton => "Nhân viên", "Staff";
    PinEnter => "Nhập mã PIN nhân viên", "Enter the staff PIN";
    PinCreate => "Tạo mã PIN nhân viên (4–8 chữ số)", "Create a staff PIN (4–8 digits)";
    PinRepeat => "Nhập lại mã PIN", "Repeat the PIN";
    PinWrong => "Mã PIN không đúng", "Wrong PIN";
    PinMismatch => "Hai mã PIN không khớp", "The PINs differ";
    PinInvalid => "Mã PIN phải có 4–8 chữ số", "A PIN has 4–8 digits";
    PinWait => "Sai quá nhiều lần. Thử lại sau (giây):", "Too many wrong tries. Try again in (seconds):";
    Cancel => "Hủy", "Cancel";
    Ok => "Đồng ý", "OK";
    EnterKiosk => "Bật chế độ khảo sát (khóa máy)", "Start kiosk mode (locks the tablet)";
    TodayCount => "Số phiếu hôm nay", "Responses today";
    TotalCount => "Tổng số phiếu", "Total responses";
    LatestSuggestions => "Góp ý mới nhất", "Latest suggestions";
    NoSuggestions => "Chưa có góp ý.", "No suggestions yet.";
    Index => "Chỉ số hài lòng", "Satisfaction index";
    MeanScore => "Điểm trung bình", "Mean score";
    Responses => "Số phiếu", "Responses";
    TooFew => "Chưa đủ số phiếu để hiển thị", "Too few responses to show";
    NoData => "Chưa có dữ liệu", "No data";
    Formula => "Cách tính", "Formula";
    DeviceName => "Tên thiết bị", "Device name";
    DeviceId => "Mã thiết bị", "Device id";
    AgencyCode => "Mã cơ quan (dùng cho mã hồ sơ)", "Agency code (used in dossier codes)";
    MinN => "Số phiếu tối thiểu để hiển thị kết quả", "Minimum responses before results are shown";
    IdleSeconds => "Tự xóa phiếu dở dang sau (giây không thao tác)", "Discard an unfinished survey after (idle seconds)";
    StaffIdleSeconds => "Tự khóa về chế độ khảo sát khi nhân viên rời máy (giây)", "Lock back into the kiosk when staff leave the tablet (seconds)";
    Save => "Lưu", "Save";
    ChangePin => "Đổi mã PIN", "Change PIN";
    Questionnaire => "Bảng hỏi", "Questionnaire";
    FormFull => "Đầy đủ (19 câu, 5 nhóm)", "Full (19 items, 5 groups)";
    FormShort => "Rút gọn (1 câu mỗi nhóm)", "Short (one item per group)";
    Publish => "Phát hành phiên bản mới", "Publish a new version";
    Version => "Phiên bản", "Version";
    AddItem => "Thêm câu hỏi", "Add item";
    Enabled => "Dùng", "On";
    Published => "Đã phát hành phiên bản", "Published version";
    ComingNext => "Phần này sẽ có trong bản tiếp theo.", "This part comes in the next release.";
    DataTitle => "Dữ liệu trên máy này", "Data on this device";
    StorageUse => "Dung lượng đã dùng (ký tự)", "Storage used (characters)";
    DossierTitle => "Sổ theo dõi hồ sơ", "Dossier register";
    LookupTitle => "Tra cứu hồ sơ", "Look up a dossier";
    LookupHint => "Nhập mã hồ sơ trên giấy biên nhận", "Type the code on your receipt";
    LookupNone => "Không tìm thấy hồ sơ với mã này", "No dossier with this code";
    Status => "Trạng thái", "Status";
    DueDate => "Hẹn trả kết quả", "Due";
    Close => "Đóng", "Close";
    NewDossier => "Tiếp nhận hồ sơ mới", "Receive a new dossier";
    Procedure => "Thủ tục hành chính", "Procedure";
    Applicant => "Tên tổ chức, cá nhân", "Organisation or person";
    Contact => "Địa chỉ / số điện thoại", "Address / phone";
    Channel => "Kênh tiếp nhận", "Channel";
    ReceivedAt => "Nhận hồ sơ lúc", "Received at";
    Code => "Mã hồ sơ", "Dossier code";
    DueOverride => "Đổi hạn trả (nếu cần)", "Change the due date (if needed)";
    DueReason => "Lý do đổi hạn", "Reason for the change";
    Receive => "Tiếp nhận", "Receive";
    Received => "Đã tiếp nhận", "Received";
    Worklist => "Danh sách hồ sơ", "Worklist";
    Search => "Tìm theo mã, tên, thủ tục", "Search code, name, procedure";
    AllStatuses => "Mọi trạng thái", "All statuses";
    AllChannels => "Mọi kênh", "All channels";
    AllDivisions => "Mọi phòng", "All divisions";
    Period => "Tháng nhận", "Month received";
    DueToday => "Đến hạn hôm nay", "Due today";
    Timeline => "Quá trình xử lý", "Timeline";
    NextStep => "Chuyển bước", "Next step";
    Note => "Ghi chú", "Note";
    Division => "Phòng xử lý", "Division";
    Extend => "Gia hạn (một lần, kèm văn bản xin lỗi)", "Extend (once, with a written apology)";
    ApologyDate => "Ngày văn bản xin lỗi, gia hạn", "Date of the apology letter";
    NewDue => "Hạn mới", "New due date";
    ApologyReason => "Lý do xin lỗi, gia hạn", "Reason in the apology";
    Extended => "Đã gia hạn đến", "Extended to";
    LateDivision => "Phòng làm chậm", "Division that caused the delay";
    ReturnMethod => "Phương thức nhận kết quả", "How the result was received";
    Delete => "Xóa hồ sơ", "Delete dossier";
    ConfirmDelete => "Bấm lần nữa để xóa", "Tap again to delete";
    ImportCsv => "Nhập từ tệp CSV (Sổ theo dõi hồ sơ)", "Import a CSV (dossier register sheet)";
    ImportRows => "Nhập các dòng hợp lệ", "Import the valid rows";
    Imported => "Đã nhập", "Imported";
    Line => "Dòng", "Line";
    CalendarWarn => "Ngày này nằm ngoài các năm có lịch nghỉ lễ: chỉ trừ thứ Bảy, Chủ nhật.", "This date is outside the years with holiday data: only weekends are skipped.";
    Catalogue => "Danh mục thủ tục", "Procedure catalogue";
    Days => "Số ngày làm việc", "Working days";
    Hours => "Hoặc số giờ làm việc (0 = tính theo ngày)", "Or working hours (0 = use days)";
    Cutoff => "Nhận sau 15:00 tính từ ngày sau", "After 15:00 counts from the next day";
    Fee => "Phí, lệ phí", "Fee";
    OnlineLevel => "Trực tuyến", "Online";
    AddProcedure => "Thêm thủ tục", "Add procedure";
    CalendarTitle => "Lịch làm việc: ngày nghỉ và ngày làm bù", "Working calendar: days off and make-up days";
    DaysOff => "Ngày nghỉ (lễ, Tết, nghỉ bù), mỗi dòng một ngày dd/mm/yyyy", "Days off (holidays, Tết, compensating), one dd/mm/yyyy per line";
    Makeup => "Ngày làm bù (thứ Bảy đi làm)", "Make-up working days";
    Year => "Năm", "Year";
    Detail => "Chi tiết", "Details";
    Dossiers => "hồ sơ", "dossiers";
    FeeFree => "Không thu phí", "No fee";
    FeePaid => "Đã nộp phí, lệ phí", "Fee paid";
    FeeUnpaid => "Chưa nộp phí, lệ phí", "Fee not paid";
    OnlineNone => "Không", "No";
    OnlinePartial => "Một phần", "Partly online";
    OnlineFull => "Toàn trình", "Fully online";
    Copies => "Số bộ hồ sơ", "Copies";
    ResultVia => "Nơi nhận kết quả", "Result received";
    Notes => "Ghi chú", "Notes";
    SignedBy => "Người ký nhận", "Signed for by";
    SameDay => "Giải quyết trong ngày", "Same day";
    Term => "Thời hạn giải quyết", "Statutory time";
    WorkingDaysUnit => "ngày làm việc", "working days";
    WorkingHoursUnit => "giờ làm việc", "working hours";
    StatutoryDue => "Hạn theo quy định", "Statutory due date";
    RenewedKept => "Đã trả đúng hạn mới (sau gia hạn)", "Renewed date kept";
    RenewedMissed => "Không kịp hạn mới (sau gia hạn)", "Renewed date missed";
    LateHolderHint => "Theo quá trình xử lý, lúc quá hạn hồ sơ đang ở", "By the timeline, when it went late the dossier was with";
    PrintRegister => "In sổ theo dõi hồ sơ", "Print the register";
    PrintReceipt => "In giấy tiếp nhận và hẹn trả kết quả", "Print the receipt slip";
    PrintNow => "In", "Print";
    From => "Từ ngày", "From";
    To => "Đến ngày", "To";
    OfficeHours => "Giờ làm việc (sáng từ – đến, chiều từ – đến)", "Office hours (morning from – to, afternoon from – to)";
    CountReceiptDay => "Tính cả ngày tiếp nhận là ngày thứ nhất (một số tỉnh dùng cách này)", "Count the day of receipt as day 1 (some provinces do)";
    Source => "Căn cứ (văn bản)", "Source (official text)";
    NotApplicable => "Không áp dụng", "Not applicable";
    EndUnknownWarn => "Tệp không có cột ngày xử lý xong: các hồ sơ đã trả sẽ không được xếp trước / đúng / quá hạn (chỉ có ngày trả kết quả).", "The sheet has no end-of-processing column: returned dossiers will not be judged early / on time / late (only the return date is known).";
    IndexFormula => crate::survey::index::FORMULA_VI, crate::survey::index::FORMULA_EN;
    StorageAlmostFull => "Bộ nhớ trình duyệt đã dùng trên 80%. Hãy xuất dữ liệu và lưu trữ các năm đã đóng để giải phóng chỗ:", "Browser storage is over 80% full. Export and archive closed years to free space:";
    ExportTitle => "Xuất dữ liệu", "Export";
    ExportHint => "Tệp JSON để nhập vào máy khác (không trùng, không mất bản ghi); tệp CSV để mở bằng Excel.", "A JSON file to import on another device (no duplicates, nothing lost); CSV files to open in Excel.";
    WithoutPersonalData => "Không kèm thông tin cá nhân (tên, địa chỉ, điện thoại)", "Without personal data (names, addresses, phones)";
    ExportJson => "Xuất tệp JSON (đồng bộ)", "Export JSON (sync)";
    ExportCsvResponses => "CSV phiếu khảo sát (Excel)", "Responses CSV (Excel)";
    ExportCsvDossiers => "CSV sổ theo dõi hồ sơ (Excel)", "Register CSV (Excel)";
    Exported => "Đã tạo tệp", "File created";
    ImportTitle => "Nhập dữ liệu từ máy khác", "Import from other devices";
    ImportHint => "Kéo thả một hoặc nhiều tệp JSON vào đây, hoặc bấm để chọn tệp. Xem trước rồi mới ghi.", "Drop one or more JSON files here, or tap to choose. You see a preview before anything is written.";
    Reading => "Đang đọc tệp…", "Reading…";
    ImportApply => "Nhập các tệp hợp lệ", "Import the valid files";
    ImportDone => "Đã nhập xong. Biên nhận đã ghi vào lịch sử nhập.", "Imported. The receipt is in the import history.";
    NotImported => "Không nhập", "Not imported";
    ImportHistory => "Lịch sử nhập dữ liệu", "Import history";
    KindResponses => "Phiếu khảo sát", "Responses";
    KindDossiers => "Hồ sơ", "Dossiers";
    KindQuestionnaires => "Phiên bản bảng hỏi", "Questionnaire versions";
    KindCatalogue => "Thủ tục (danh mục)", "Catalogue entries";
    KindCalendar => "Lịch làm việc", "Calendar";
    CountNew => "Mới", "New";
    CountUpdated => "Cập nhật", "Updated";
    CountUnchanged => "Không đổi", "Unchanged";
    CountConflicting => "Xung đột (giữ bản trên máy)", "Conflicting (kept here)";
    CodeConflicts => "Các mã hồ sơ sau được dùng cho hơn một hồ sơ (hai máy cấp trùng số). Hãy kiểm tra và sửa mã trên giấy tờ:", "These dossier codes are used by more than one dossier (two devices issued the same number). Check and correct them:";
    ArchiveTitle => "Lưu trữ năm đã đóng", "Archive a closed year";
    ArchiveHint => "Xuất cả năm ra tệp, chọn lại đúng tệp vừa lưu để máy kiểm tra, rồi mới xóa năm đó khỏi máy.", "Export the whole year, pick the saved file again so that it is checked, then remove the year from this device.";
    ArchiveNothing => "Chưa có năm nào đã đóng để lưu trữ.", "No closed year to archive yet.";
    ArchiveExport => "1. Xuất tệp lưu trữ", "1. Export the archive";
    ArchiveCheck => "2. Chọn tệp vừa lưu để kiểm tra", "2. Pick the saved file to check it";
    ArchiveRemove => "3. Xóa năm này khỏi máy", "3. Remove this year from the device";
    ArchiveSaved => "Đã tạo tệp lưu trữ:", "Archive file created:";
    ArchiveVerified => "Tệp lưu trữ đầy đủ và khớp với dữ liệu trên máy. Có thể xóa năm này khỏi máy.", "The archive holds every record exactly. The year may be removed.";
    ArchiveNotVerified => "Tệp này không khớp với dữ liệu của năm trên máy: chưa xóa gì.", "This file does not match the year's data: nothing was removed.";
    ArchiveRemoved => "Đã xóa khỏi máy năm", "Removed from the device: year";
    Units => "ký tự được giải phóng", "characters freed";
    ExportReminder => "Đã lâu chưa xuất dữ liệu từ máy này. Hãy xuất tệp và gửi cho người quản lý.", "This device has not exported for a while. Export a file and send it to the manager.";
    Desk => "Số quầy (0–9): mỗi máy một số để mã hồ sơ không trùng", "Desk number (0–9): one per device so dossier codes never collide";
    ExportReminderDays => "Nhắc xuất dữ liệu sau (ngày, 0 = không nhắc)", "Remind to export after (days, 0 = never)";
    QuickTitle => "Chạm một mặt cười để đánh giá nhanh", "Tap a face for a quick rating";
    QuickMore => "Ông/bà có muốn góp ý chi tiết hơn không? (không bắt buộc)", "Would you like to give more detail? (optional)";
    QuickContinue => "Góp ý chi tiết", "Give more detail";
    BackToStart => "Về màn hình đầu", "Back to start";
    QuickRatingOn => "Đánh giá nhanh một chạm trên màn hình chào", "One-tap rating on the welcome screen";
    QuickFollows => "Sau khi chạm, «Góp ý chi tiết» hỏi tiếp:", "After a tap, «Give more detail» goes on with:";
    QuickItems => "Các câu hỏi theo nhóm", "The items";
    QuickVisits => "Số lần đi lại", "Visits";
    QuickField => "Lĩnh vực", "Field";
    OverallMeasure => "Hài lòng chung", "Overall satisfaction";
    ItemIndex => "Chỉ số hài lòng (theo câu hỏi)", "Satisfaction index (by item)";
    FunnelTitle => "Người dân dừng ở câu nào", "Where citizens give up";
    Started => "Bắt đầu", "Started";
    Completed => "Hoàn thành", "Completed";
    CompletionRate => "Tỷ lệ hoàn thành", "Completion rate";
    MedianTime => "Thời gian trung vị (giây)", "Median time (seconds)";
    WorstScreen => "Dừng nhiều nhất ở màn hình", "Most leave at screen";
    QuickRatings => "Đánh giá một chạm", "One-tap ratings";
    Scale1 => "Rất không hài lòng", "Very dissatisfied";
    Scale2 => "Không hài lòng", "Dissatisfied";
    Scale3 => "Bình thường", "Neutral";
    Scale4 => "Hài lòng", "Satisfied";
    Scale5 => "Rất hài lòng", "Very satisfied";
    ScreenNo => "Màn hình (câu hỏi) thứ", "Screen (question) number";
    Leavers => "Số người dừng", "People who left";
    Increase => "tăng", "up";
    Decrease => "giảm", "down";
    Unchanged => "không đổi", "unchanged";
    Timeliness => "Tình trạng hạn", "Timeliness";
    Stt => "STT", "No.";
    LeadAgency => "Cơ quan chủ trì giải quyết", "Handling division";
    ReturnedAt => "Trả kết quả", "Returned";
    SignedFor => "Ký nhận", "Signed for";
    RegisterTitle => "SỔ THEO DÕI HỒ SƠ", "DOSSIER REGISTER";
    RegisterForm => "Mẫu số 07, Thông tư 03/2025/TT-VPCP", "Form 07, Circular 03/2025/TT-VPCP";
    ReceiptTitle => "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "DOSSIER RECEIPT AND APPOINTMENT FOR THE RESULT";
    Submitter => "Người nộp hồ sơ", "Submitted by";
    Receiver => "Người tiếp nhận hồ sơ", "Received by";
    SignHint => "(Ký, ghi rõ họ tên)", "(Signature and full name)";
    BackToRegister => "Về sổ hồ sơ", "Back to the register";
    AgencyLabel => "Cơ quan", "Agency";
    NoDossiers => "Chưa có hồ sơ nào. Tiếp nhận hồ sơ đầu tiên ở khung trên.", "No dossiers yet. Receive the first one above.";

}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for k in ALL {
            assert!(!t(Lang::Vi, *k).trim().is_empty(), "{k:?} vi");
            assert!(!t(Lang::En, *k).trim().is_empty(), "{k:?} en");
        }
        assert_eq!(t(Lang::Vi, K::Start), "Bắt đầu đánh giá");
    }
}
