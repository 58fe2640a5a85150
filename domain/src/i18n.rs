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
        // Two tables indexed by the key: a lookup, where a `match` of 600 arms compiled to
        // 10 KB of code in each module. A build without `all-strings` (the kiosk module) keeps
        // the texts of [`KIOSK`] only: the others are evaluated away at compile time.
        const VI: &[&str] = &[$(kept(K::$key, $vi)),*];
        const EN: &[&str] = &[$(kept(K::$key, $en)),*];
        /// The text of `key` in `lang`.
        pub fn t(lang: Lang, key: K) -> &'static str {
            let table = match lang {
                Lang::Vi => VI,
                Lang::En => EN,
            };
            table[key as usize]
        }
    };
}

/// The keys the kiosk module shows (its screens, the PIN pad, the look-up, the scanner, the
/// scale, the questions core words). Issue 22: the citizen's download carried all ~500 strings
/// in both languages; it carries these. `tests/e2e/tests/kiosk.rs` holds this list to every
/// key the kiosk's source files name.
pub const KIOSK: &[K] = &[
    K::AppName,
    K::Back,
    K::BackToStart,
    K::Cancel,
    K::Close,
    K::Code,
    K::CommentQ,
    K::DossierCodeOpt,
    K::DueDate,
    K::DueProvisional,
    K::FieldQ,
    K::LookupHint,
    K::LookupNone,
    K::LookupUnavailable,
    K::LookupTitle,
    K::LookupWait,
    K::NavStaff,
    K::Next,
    K::NotApplicable,
    K::Ok,
    K::OverallQ,
    K::OverallTitle,
    K::PinEnter,
    K::PinUnreadable,
    K::PinWait,
    K::PinWrong,
    K::QuickContinue,
    K::QuickMore,
    K::QuickTitle,
    K::ReasonsQ,
    K::ScaleLegend,
    K::ScanDenied,
    K::ScanHint,
    K::ScanNoCamera,
    K::ScanOpen,
    K::ScanUnsupported,
    K::ScanWithout,
    K::Skip,
    K::StaffButton,
    K::Start,
    K::Status,
    K::Submit,
    K::ThanksSub,
    K::ThanksTitle,
    K::VisitsQ,
    K::WelcomeAbout,
    K::WelcomeSub,
    K::WelcomeTitle,
    K::Scale1,
    K::Scale2,
    K::Scale3,
    K::Scale4,
    K::Scale5,
    K::LoadingRecords,
    K::VisitsNone,
    K::VisitsOnce,
    K::VisitsTwiceOrMore,
    K::StatusReceived,
    K::StatusInProgress,
    K::StatusSupplementRequested,
    K::StatusSupplementReceived,
    K::StatusResolved,
    K::StatusReturned,
    K::StatusRefused,
    K::StatusWithdrawn,
    K::StatusStopped,
];

/// `text` in this build's table: every text with `all-strings`, the kiosk's alone without.
const fn kept(key: K, text: &'static str) -> &'static str {
    if cfg!(feature = "all-strings") {
        return text;
    }
    let mut i = 0;
    while i < KIOSK.len() {
        if KIOSK[i] as usize == key as usize {
            return text;
        }
        i += 1;
    }
    ""
}

strings! {
    AppName => "Một cửa – Sở Công Thương", "One-stop desk";
    AppShort => "Một cửa", "One-stop";
    VisitsNone => "Chưa lần nào (nộp trực tuyến)", "None (online)";
    VisitsOnce => "1 lần", "Once";
    VisitsTwiceOrMore => "2 lần trở lên", "Twice or more";
    NavDossiers => "Hồ sơ", "Dossiers";
    NavDashboard => "Thống kê", "Dashboard";
    NavData => "Dữ liệu", "Data";
    NavSettings => "Cài đặt", "Settings";
    NavStaff => "Quầy", "Desk";
    LangSwitch => "English", "Tiếng Việt";
    StorageFull => "Bộ nhớ trình duyệt đã đầy: dữ liệu mới đang được giữ tạm, chưa lưu vào máy. Hãy báo người quản lý sao lưu và giải phóng bộ nhớ, rồi bấm «Thử lưu lại».", "Browser storage is full: new data is held but not yet saved on this device. Ask the manager to back up and free space, then press «Retry saving».";
    StorageProblem => "Phát hiện dữ liệu hỏng hoặc lạ; đã giữ nguyên bản gốc để kiểm tra:", "Corrupt or unknown data found; the original was kept aside:";
    PendingCount => "bản ghi đang chờ lưu", "records waiting to be saved";
    Retry => "Thử lưu lại", "Retry saving";
    ItemTextVi => "Nội dung câu hỏi bằng tiếng Việt", "Item text in Vietnamese";
    ItemTextEn => "Nội dung câu hỏi bằng tiếng Anh", "Item text in English";
    LoadingRecords => "Đang đọc dữ liệu…", "Reading the records…";
    CodeWaitsForRegister => "Sổ đang đọc các tháng cũ: chưa kiểm tra được mã này có trùng không, hãy thử lại sau giây lát", "The register is still reading older months: this code cannot be checked for a duplicate yet, try again in a moment";
    ReadingRatings => "Đang đọc các phiếu đánh giá của kỳ này", "Reading this period's ratings";
    ReadingOlderReport => "Đang đọc các tháng cũ: kỳ này cần số liệu cũ hơn, sẽ hiện khi đọc xong", "Reading older months: this period needs older figures, shown once they are read";
    ReadingOlder => "Đang đọc các tháng cũ: danh sách và tìm kiếm chưa gồm hồ sơ đã xong của các tháng đó", "Reading older months: the list and search do not hold their closed dossiers yet";
    Packing => "Đang chuyển dữ liệu cũ sang dạng lưu gọn (có thể tiếp tục dùng máy; nếu đóng trang, lần mở sau sẽ làm tiếp):", "Converting older data to the compact stored form (keep working; if the page is closed, the next start goes on):";
    Saved => "Đã lưu", "Saved";
    StatusReceived => "Mới tiếp nhận", "Received";
    StatusInProgress => "Đang xử lý", "In progress";
    StatusSupplementRequested => "Yêu cầu bổ sung", "Supplement requested";
    StatusSupplementReceived => "Đã bổ sung", "Supplement received";
    StatusResolved => "Đã xử lý xong", "Resolved";
    StatusReturned => "Đã trả kết quả", "Result returned";
    StatusRefused => "Từ chối", "Refused";
    StatusWithdrawn => "Công dân rút hồ sơ", "Withdrawn";
    StatusStopped => "Dừng xử lý", "Stopped";
    TimelinessOverdue => "Quá hạn", "Overdue";
    TimelinessDueSoon => "Sắp đến hạn", "Due soon";
    TimelinessInTime => "Trong hạn", "In time";
    TimelinessEarly => "Trước hạn", "Before due date";
    TimelinessOnTime => "Đúng hạn", "On the due date";
    TimelinessLate => "Quá hạn (đã xử lý)", "Late";
    TimelinessUnjudged => "Chưa rõ ngày xử lý xong", "End of processing unknown";
    TimelinessClosed => "Không xét hạn", "Not classified";
    ChannelDirect => "Trực tiếp", "In person";
    ChannelOnline => "Trực tuyến", "Online";
    ChannelPost => "Bưu chính công ích", "Public post";
    WelcomeTitle => "Ông/bà hài lòng với việc giải quyết thủ tục hôm nay không?", "How satisfied are you with our service today?";
    WelcomeAbout => "Khoảng", "About";
    WelcomeSub => "phút. Không cần ghi tên.", "min. No name needed.";
    Start => "Bắt đầu đánh giá", "Start";
    Back => "Quay lại", "Back";
    Skip => "Bỏ qua", "Skip";
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
    PinWait => "Sai quá nhiều lần. Thử lại sau {0} giây.", "Too many wrong tries. Try again in {0} seconds.";
    Cancel => "Hủy", "Cancel";
    Ok => "Đồng ý", "OK";
    EnterKiosk => "Bật chế độ khảo sát (khóa máy)", "Start kiosk mode (locks the tablet)";
    TodayCount => "Số phiếu hôm nay", "Responses today";
    TotalCount => "Tổng số phiếu", "Total responses";
    RecentCount => "Số phiếu 12 tháng gần nhất", "Responses, last 12 months";
    Last12Months => "12 tháng gần nhất", "last 12 months";
    LatestSuggestions => "Góp ý mới nhất", "Latest suggestions";
    NoSuggestions => "Chưa có góp ý.", "No suggestions yet.";
    Index => "Mức độ hài lòng qua phiếu khảo sát tại quầy", "Satisfaction measured by the desk survey";
    MeanScore => "Điểm trung bình", "Mean score";
    Responses => "Số phiếu", "Responses";
    TooFew => "Chưa đủ số phiếu để hiển thị", "Too few responses to show";
    NoData => "Chưa có dữ liệu", "No data";
    Formula => "Cách tính", "Formula";
    DeviceName => "Tên thiết bị", "Device name";
    DeviceId => "Mã thiết bị", "Device id";
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
    DataTitle => "Dữ liệu trên máy này", "Data on this device";
    StorageUse => "Dung lượng đã dùng (ký tự)", "Storage used (characters)";
    DossierTitle => "Sổ theo dõi hồ sơ", "Dossier register";
    LookupTitle => "Tra cứu hồ sơ", "Look up a dossier";
    LookupHint => "Nhập mã hồ sơ trên giấy biên nhận", "Type the code on your receipt";
    LookupNone => "Không tìm thấy hồ sơ với mã này", "No dossier with this code";
    LookupUnavailable => "Chưa tra cứu được lúc này. Vui lòng hỏi cán bộ tại quầy.", "The look-up is not available now. Please ask at the desk.";
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
    Delete => "Xóa hồ sơ", "Delete dossier";
    ConfirmDelete => "Bấm lần nữa để xóa", "Tap again to delete";
    ImportCsv => "Nhập sổ theo dõi hồ sơ từ Excel hoặc CSV (.xlsx, .xls, .csv)", "Import a register sheet from Excel or CSV (.xlsx, .xls, .csv)";
    ImportExpects => "Cần các cột: Mã hồ sơ, Tên thủ tục (hoặc mã TTHC), Tên tổ chức/cá nhân, Ngày nhận; nên có: Hẹn trả, Ngày có kết quả (xử lý xong), Ngày trả kết quả, Phương thức nhận kết quả. Tên cột khác vẫn được: chọn cột cho từng mục sau khi mở tệp.", "Needs the columns: code, procedure (or its code), applicant, received; best with: due, end of processing, returned, result channel. Other headers work too: choose the column for each field once the file is open.";
    SheetPick => "Trang tính", "Sheet";
    ColumnMapping => "Cột của từng mục", "Column of each field";
    NotInSheet => "(không có trong tệp)", "(not in the sheet)";
    BasisTitle => "Tệp không có cột ngày có kết quả (xử lý xong). Xét trước / đúng / quá hạn:", "The sheet has no end-of-processing column. Judge early / on time / late:";
    BasisReturn => "Theo ngày trả kết quả (khuyến nghị)", "By the return date (recommended)";
    BasisNone => "Không xét (ghi «chưa rõ ngày xử lý xong»)", "Not at all (recorded as «end of processing unknown»)";
    CheckRows => "Kiểm tra các dòng", "Check the rows";
    UnmatchedTitle => "Thủ tục không có trong danh mục: chọn thủ tục tương ứng rồi kiểm tra lại", "Procedures not in the catalogue: choose the matching one, then check again";
    AddAsNewProcedures => "Thêm tất cả vào danh mục thủ tục rồi kiểm tra lại", "Add them all to the catalogue, then check again";
    AddAsNewHint => "Thời hạn lấy theo ngày hẹn trả của các dòng (nếu không có: 1 ngày); hãy kiểm tra trong Cài đặt → Danh mục thủ tục.", "The term comes from the rows' due dates (else 1 day); check it in Settings → Catalogue.";
    FirstRows => "Các dòng đầu", "First rows";
    ExportXlsxRegister => "Tải sổ theo dõi (.xlsx)", "Download the register (.xlsx)";
    PinUnreadable => "Không đọc được mã PIN đã lưu (dữ liệu hỏng): máy được giữ khóa, không mã nào mở được. Báo bộ phận CNTT: cách mở mà không mất dữ liệu ở SECURITY.md, mục «Mã PIN không đọc được».", "The stored PIN cannot be read (damaged data): the tablet stays locked and no PIN opens it. Call IT: how to open it without losing data is in SECURITY.md, «A PIN that cannot be read».";
    RecordsLeftOut => "Bản ghi lỗi, bỏ qua (phần còn lại của tệp vẫn nhập được)", "Records with errors, left out (the rest of the file can still be imported)";
    HeldSuspicious => "Giữ lại, có thời điểm sau ngày xuất tệp hoặc sau giờ của máy này hơn một ngày (đồng hồ máy gửi có thể sai)", "Held: stamped more than a day after the file was exported or after this device's clock (the sending tablet's clock may be wrong)";
    HeldDeletions => "Giữ lại, Xóa bản ghi đang có trên máy này", "Held: deleting records that are live here";
    ReleaseHeld => "Vẫn áp dụng các bản ghi bị giữ lại (tôi đã kiểm tra)", "Apply the held records too (I have checked them)";
    ErrExcelModule => "Không tạo được tệp Excel", "Could not make the Excel file";
    ExportXlsxResponses => "Tải phiếu khảo sát (.xlsx)", "Download the responses (.xlsx)";
    ExportXlsxReport => "Tải báo cáo (.xlsx)", "Download the report (.xlsx)";
    ImportRows => "Nhập các dòng hợp lệ", "Import the valid rows";
    Imported => "Đã nhập", "Imported";
    Line => "Dòng", "Line";
    CalendarWarn => "Hạn chạy qua năm chưa có thông báo lịch nghỉ chính thức: ngày lễ tính theo luật và âm lịch, sẽ tính lại khi xác nhận lịch năm đó.", "The due date runs through a year without an official holiday notice: holidays computed by law and the lunar calendar, recomputed once that year is confirmed.";
    DueProvisional => "(tạm tính)", "(provisional)";
    YearProvisional => "Tạm tính — chưa có thông báo chính thức", "Provisional — no official notice yet";
    ConfirmYear => "Xác nhận theo thông báo", "Confirm from the notice";
    ConfirmNeedsNotice => "Ghi số, ngày của thông báo chính thức vào ô «Nguồn» trước khi xác nhận.", "Enter the official notice (number, date) under «Source» before confirming.";
    DueDatesMoved => "Hồ sơ đang giải quyết đổi hạn trả theo lịch mới (giấy hẹn đã phát ghi hạn cũ):", "Open dossiers whose due date moved with the new calendar (slips handed out show the old date):";
    NoDueDateMoved => "Không hồ sơ đang giải quyết nào đổi hạn trả.", "No open dossier's due date moved.";
    ReprintSlip => "In lại giấy hẹn", "Reprint the slip";
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
    EndUnknownWarn => "Các hồ sơ đã trả sẽ không được xếp trước / đúng / quá hạn (chưa rõ ngày xử lý xong).", "Returned dossiers will not be judged early / on time / late (end of processing unknown).";
    JudgedOnReturnNote => "Các hồ sơ đã trả được xét hạn theo ngày trả kết quả; báo cáo ghi rõ số hồ sơ này.", "Returned dossiers are judged by the return date; the report says how many.";
    IndexFormula => crate::survey::index::FORMULA_VI, crate::survey::index::FORMULA_EN;
    StorageAlmostFull => "Bộ nhớ trình duyệt đã dùng trên 80%. Hãy xuất dữ liệu và lưu trữ các năm đã đóng để giải phóng chỗ:", "Browser storage is over 80% full. Export and archive closed years to free space:";
    ExportTitle => "Xuất dữ liệu", "Export";
    ExportHint => "Tệp JSON để nhập vào máy khác (không trùng, không mất bản ghi); tệp CSV để mở bằng Excel.", "A JSON file to import on another device (no duplicates, nothing lost); CSV files to open in Excel.";
    WithoutPersonalData => "Không kèm thông tin cá nhân: bỏ tên, địa chỉ, điện thoại, số định danh, email, người ký nhận và mọi ghi chú (của hồ sơ, các bước, lý do gia hạn, phản ánh); giữ mã hồ sơ, thủ tục, các mốc thời gian và kết quả", "Without personal data: leaves out names, addresses, phones, ID numbers, e-mails, who signed and every note (the dossier's, the steps', the extension's reason, complaints); keeps codes, procedures, times and outcomes";
    ExportJson => "Xuất tệp JSON (đồng bộ)", "Export JSON (sync)";
    ExportCsvResponses => "CSV phiếu khảo sát (Excel)", "Responses CSV (Excel)";
    ExportCsvDossiers => "CSV sổ theo dõi hồ sơ (Excel)", "Register CSV (Excel)";
    Exported => "Đã tạo tệp", "File created";
    ImportTitle => "Nhập dữ liệu từ máy khác", "Import from other devices";
    DraftRestored => "Đã khôi phục hồ sơ đang nhập dở trước khi máy tự khóa.", "The dossier being typed before the tablet locked itself is back.";
    ChooseFile => "Chọn tệp…", "Choose a file…";
    ImportHint => "Kéo thả một hoặc nhiều tệp JSON vào đây, hoặc bấm để chọn tệp. Xem trước rồi mới ghi.", "Drop one or more JSON files here, or tap to choose. You see a preview before anything is written.";
    Reading => "Đang đọc tệp…", "Reading…";
    Writing => "Đang ghi vào máy (số tháng)", "Writing to this device (months)";
    ImportApply => "Nhập các tệp hợp lệ", "Import the valid files";
    ImportStorageFull => "Bộ nhớ trình duyệt đã đầy: chưa nhập gì, dữ liệu trên máy còn nguyên. Hãy lưu trữ một năm đã đóng (mục «Lưu trữ năm đã đóng») để giải phóng bộ nhớ, rồi bấm «Nhập các tệp hợp lệ» lại.", "Browser storage is full: nothing was imported and the data on this device is unchanged. Archive a closed year (see «Archive a closed year») to free space, then press «Import the valid files» again.";
    ImportDone => "Đã nhập xong. Biên nhận đã ghi vào lịch sử nhập.", "Imported. The receipt is in the import history.";
    NotImported => "Không nhập", "Not imported";
    ImportFailed => "Chưa nhập gì, dữ liệu trên máy còn nguyên: {0}", "Nothing was imported; the data on this device is unchanged: {0}";
    ImportHistory => "Lịch sử nhập dữ liệu", "Import history";
    KindResponses => "Phiếu khảo sát", "Responses";
    KindDossiers => "Hồ sơ", "Dossiers";
    KindQuestionnaires => "Phiên bản bảng hỏi", "Questionnaire versions";
    KindCatalogue => "Thủ tục (danh mục)", "Catalogue entries";
    KindCalendar => "Lịch làm việc", "Calendar";
    CountNew => "Mới", "New";
    CountUpdated => "Cập nhật", "Updated";
    CountDeleted => "Xóa", "Deleted";
    CountUnchanged => "Không đổi", "Unchanged";
    CountConflicting => "Xung đột (giữ bản trên máy)", "Conflicting (kept here)";
    CodeConflicts => "Các mã hồ sơ sau được dùng cho hơn một hồ sơ (hai máy cấp trùng số). Hãy kiểm tra và sửa mã trên giấy tờ:", "These dossier codes are used by more than one dossier (two devices issued the same number). Check and correct them:";
    ArchiveTitle => "Lưu trữ năm đã đóng", "Archive a closed year";
    ArchiveHint => "Xuất cả năm ra tệp, chọn lại đúng tệp vừa lưu để máy kiểm tra, rồi mới xóa năm đó khỏi máy.", "Export the whole year, pick the saved file again so that it is checked, then remove the year from this device.";
    ArchiveNothing => "Chưa có năm nào đã đóng để lưu trữ.", "No closed year to archive yet.";
    ArchiveExport => "1. Xuất tệp lưu trữ", "1. Export the archive";
    ArchiveCheck => "2. Chọn tệp vừa lưu để kiểm tra", "2. Pick the saved file to check it";
    ArchiveRemove => "3. Xóa năm này khỏi máy", "3. Remove this year from the device";
    ArchiveSaved => "Đã tạo tệp lưu trữ", "Archive file created";
    ArchiveVerified => "Tệp lưu trữ đầy đủ và khớp với dữ liệu trên máy. Có thể xóa năm này khỏi máy.", "The archive holds every record exactly. The year may be removed.";
    ArchiveNotVerified => "Tệp này không khớp với dữ liệu của năm trên máy: chưa xóa gì.", "This file does not match the year's data: nothing was removed.";
    ArchiveRemoved => "Đã xóa khỏi máy năm {0}: {1} ký tự được giải phóng.", "Removed year {0} from the device: {1} characters freed.";
    ArchiveKept => "Giữ lại các tháng không đọc được hoặc khác tệp lưu trữ (hãy xuất và kiểm tra lại): {0}", "Kept the months that cannot be read or differ from the archive (export and check again): {0}";
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
    ItemIndex => "Mức độ hài lòng qua phiếu khảo sát tại quầy (theo câu hỏi)", "Satisfaction measured by the desk survey (by item)";
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
    IndexTarget => "Mục tiêu mức độ hài lòng qua phiếu khảo sát tại quầy (%)", "Target for satisfaction measured by the desk survey (%)";
    PeriodKindLabel => "Kỳ báo cáo", "Period";
    KindMonth => "Tháng", "Month";
    KindQuarter => "Quý", "Quarter";
    KindYear => "Năm", "Year";
    KindYtd => "Từ đầu năm đến nay", "Year to date";
    KindHalfYear => "6 tháng", "6 months";
    KindNineMonths => "9 tháng", "9 months";
    BasisOfficial => "Kỳ báo cáo (15 → 14)", "Reporting period (15th → 14th)";
    BasisCalendar => "Theo tháng dương lịch", "Calendar months";
    BasisLabel => "Cách tính kỳ", "Period basis";
    KindCustom => "Tùy chọn", "Custom";
    AllUnits => "Mọi đơn vị", "All units";
    AllDevices => "Mọi thiết bị", "All devices";
    AllProcedures => "Mọi thủ tục", "All procedures";
    AllFields => "Mọi lĩnh vực", "All fields";
    ReportTableTitle => "Tình hình tiếp nhận và giải quyết hồ sơ", "Dossiers received and resolved";
    RowReceived => "Tổng số hồ sơ tiếp nhận", "Received";
    RowCarried => "Kỳ trước chuyển sang", "Carried over";
    RowNewOnline => "Mới tiếp nhận trực tuyến", "New, online";
    RowNewDirect => "Mới tiếp nhận trực tiếp, bưu chính", "New, in person or by post";
    RowResolved => "Đã giải quyết", "Resolved";
    RowEarly => "Trước hạn", "Before the due date";
    RowOnTime => "Đúng hạn", "On the due date";
    RowLate => "Quá hạn", "Late";
    RowUnjudged => "Chưa rõ ngày xử lý xong", "End of processing unknown";
    RowJudgedOnReturn => "Trong đó xét hạn theo ngày trả kết quả (tệp không có ngày xử lý xong)", "Of which judged by the return date (sheet without the end of processing)";
    RowExtended => "Trong đó đã gia hạn / trả đúng hạn mới", "Of which extended / renewed date kept";
    RowInProgress => "Đang giải quyết", "In progress";
    RowOpenInTime => "Trong hạn", "In time";
    RowOpenOverdue => "Quá hạn", "Overdue";
    RowClosed => "Rút hồ sơ, từ chối, dừng xử lý", "Withdrawn, refused, stopped";
    Balance => "Kiểm tra cân đối: tiếp nhận = đã giải quyết + đang giải quyết + rút/từ chối/dừng", "Balance: received = resolved + in progress + withdrawn/refused/stopped";
    BalanceOk => "khớp", "balanced";
    BalanceBad => "KHÔNG khớp", "NOT balanced";
    OnTimeHeadline => "Tỷ lệ giải quyết đúng hạn (trước hạn + đúng hạn)", "Resolved on time (early + on the day)";
    Share => "Tỷ lệ", "Share";
    Count => "Số hồ sơ", "Dossiers";
    Indicator => "Chỉ tiêu", "Indicator";
    ReportText => "Đoạn báo cáo", "Report paragraph";
    Copy => "Sao chép", "Copy";
    Copied => "Đã sao chép", "Copied";
    PrintView => "In báo cáo (A4)", "Print the report (A4)";
    VsPrevious => "so với kỳ trước", "vs the previous period";
    VsLastYear => "so với cùng kỳ năm trước", "vs the same period last year";
    Indicator766 => "Chỉ tiêu 5.4 – Mức độ hài lòng (766)", "Indicator 5.4 – Satisfaction (766)";
    Indicator21 => "Chỉ tiêu 2.1 – Tiến độ giải quyết (766)", "Indicator 2.1 – Processing on time (766)";
    Formula21 => "= hồ sơ giải quyết trước hạn, đúng hạn và đang giải quyết trong hạn / tổng số hồ sơ tiếp nhận hoặc giải quyết trong kỳ × 100%. Từ chối, dừng, rút hồ sơ cũng so với hạn; yêu cầu bổ sung chưa được đáp ứng tính đến lúc yêu cầu; từ 2 lần yêu cầu bổ sung là trễ hạn (Quyết định 766/QĐ-TTg).", "= dossiers resolved early or on time and open ones still in time / all dossiers received or handled in the period × 100%. Refused, stopped and withdrawn ones are judged against the due date too; an unanswered supplement request ends at the request; two or more requests are late (Decision 766/QĐ-TTg).";
    Formula54 => "= 100% − (tỷ lệ hồ sơ giải quyết quá hạn + tỷ lệ hồ sơ có phản ánh, kiến nghị hoặc đánh giá 1–2 điểm gắn mã hồ sơ); cả hai tỷ lệ trên số hồ sơ đã giải quyết trong kỳ (Quyết định 766/QĐ-TTg). Đạt điểm tối đa khi ≥ 90%.", "= 100% − (share of dossiers resolved late + share of dossiers with a complaint or a 1–2 rating tied to their code); both over the dossiers resolved in the period (Decision 766/QĐ-TTg). Full points at ≥ 90%.";
    OfficialIndex => "Chỉ số hài lòng (SIPAS) do tỉnh công bố", "Official satisfaction index (SIPAS) published by the province";
    OfficialIndexHint => "Chỉ số chính thức do khảo sát độc lập của tỉnh; ứng dụng không tự tính. Để trống nếu chưa có.", "The official figure from the province's independent survey; the app never computes it. Leave empty if none.";
    OfficialValue => "Giá trị (%)", "Value (%)";
    OfficialYear => "Năm khảo sát", "Survey year";
    OfficialDecision => "Văn bản công bố (số, ngày)", "Published by (number, date)";
    OfficialValueBad => "Giá trị phải là phần trăm 0–100, tối đa 2 chữ số thập phân (ví dụ 76,29).", "The value must be a percentage 0–100 with at most two decimals (e.g. 76.29).";
    OfficialYearBad => "Năm khảo sát không hợp lệ (2000–2100).", "The survey year is not valid (2000–2100).";
    OfficialDecisionMissing => "Ghi văn bản công bố chỉ số (số, ngày).", "Enter the document that published the index (number, date).";
    Complaints => "Phản ánh, kiến nghị", "Complaints and petitions";
    AddComplaint => "Ghi nhận phản ánh, kiến nghị", "Record a complaint";
    ComplaintNote => "Nội dung phản ánh, kiến nghị", "What the citizen raised";
    ComplaintAt => "Thời điểm phản ánh", "When it was raised";
    ComplaintSaved => "Đã ghi nhận phản ánh, kiến nghị.", "The complaint was recorded.";
    LateVsOnTime => "Hài lòng chung theo hồ sơ trễ hạn / đúng hạn", "Overall satisfaction, late vs on-time dossiers";
    ChartIndex => "Mức độ hài lòng qua phiếu khảo sát tại quầy, theo tháng", "Satisfaction measured by the desk survey, by month";
    ChartReceived => "Hồ sơ tiếp nhận theo tháng và kênh", "Dossiers received by month and channel";
    ChartResolved => "Hồ sơ đã giải quyết theo tháng", "Dossiers resolved by month";
    Target => "Mục tiêu", "Target";
    Percent => "Phần trăm (%)", "Percent (%)";
    DownloadSvg => "Tải ảnh biểu đồ (SVG, để in)", "Download the chart (SVG, to print)";
    Ranking => "Xếp hạng đơn vị theo mức độ hài lòng qua phiếu khảo sát tại quầy", "Units ranked by satisfaction measured by the desk survey";
    Rank => "Hạng", "Rank";
    Unit => "Đơn vị", "Unit";
    ErrDueBeforeReceived => "Hạn trả trước ngày nhận", "The due date is before the day received";
    ErrBadCode => "Mã hồ sơ không đúng dạng <mã cơ quan>-YYMMDD-NNNN", "The code is not of the form <agency>-YYMMDD-NNNN";
    ErrDuplicateCode => "Trùng mã hồ sơ", "This code is already in the register";
    ErrUnknownProcedure => "Không có thủ tục này trong danh mục", "No such procedure in the catalogue";
    ErrNotAllowed => "Không thể chuyển bước này", "This step cannot follow the current one";
    ErrBeforeLastEvent => "Thời điểm này trước bước đã ghi", "This time is before the last recorded step";
    ErrExtensionUsed => "Hồ sơ đã gia hạn một lần; không được gia hạn lần nữa", "The dossier was extended once already; it cannot be extended again";
    ErrExtensionTooLate => "Đã quá thời điểm xin lỗi, gia hạn (phải trước hạn ít nhất 1 ngày làm việc). Hồ sơ được tính là quá hạn: hãy ghi nhận «Phòng làm chậm» ở mục bên dưới.", "Too late to apologise and extend (it must be at least one working day before the due date). The dossier counts as late: record the division that caused the delay below.";
    ErrExtensionNotLater => "Hạn mới phải sau hạn hiện tại", "The new date must be later than the current one";
    ErrExtensionClosed => "Hồ sơ đã xử lý xong hoặc đã đóng: không gia hạn", "Resolved or closed: nothing to extend";
    ErrEmptyField => "Thiếu thông tin", "Missing";
    ErrCodeDate => "Ngày trong mã không khớp ngày nhận hồ sơ", "The date in the code is not the day received";
    ErrBadCopies => "Số bộ hồ sơ phải từ 1 đến 99", "Copies must be 1–99";
    ErrNewDueInvalid => "Chưa chọn hạn mới hợp lệ", "Choose a valid new due date";
    Device => "Thiết bị", "Device";
    Field => "Lĩnh vực", "Field";
    ReportTitle => "Báo cáo tình hình tiếp nhận, giải quyết hồ sơ và mức độ hài lòng", "Report on dossiers received and resolved, and satisfaction";
    NoFilter => "Toàn bộ hồ sơ và phiếu khảo sát (không lọc)", "All dossiers and survey responses (no filter)";
    LookupWait => "Tra cứu quá nhiều lần. Vui lòng đợi (giây):", "Too many look-ups. Please wait (seconds):";
    PinCurrent => "Nhập mã PIN hiện tại", "Enter the current PIN";
    PinNew => "Nhập mã PIN mới (4–8 chữ số)", "Enter the new PIN (4–8 digits)";
    PinChanged => "Đã đổi mã PIN", "PIN changed";
    Mon => "Thứ 2", "Mon";
    Tue => "Thứ 3", "Tue";
    Wed => "Thứ 4", "Wed";
    Thu => "Thứ 5", "Thu";
    Fri => "Thứ 6", "Fri";
    Sat => "Thứ 7", "Sat";
    Sun => "Chủ nhật", "Sun";
    Hour => "Giờ trong ngày", "Hour of the day";
    ChartPerDay => "Số phiếu theo ngày", "Responses per day";
    ChartHeat => "Số phiếu theo giờ và thứ trong tuần", "Responses by hour and weekday";
    Distribution => "Phân bố câu trả lời theo câu hỏi", "Answers per item";
    ByGroupAndItem => "Mức độ hài lòng qua phiếu tại quầy, theo nhóm và câu hỏi", "Desk survey satisfaction by group and item";
    LateByDivision => "Hồ sơ trễ hạn theo phòng gây chậm", "Late dossiers by the division that caused the delay";
    PreviousPeriod => "Kỳ trước", "Previous period";
    SameLastYear => "Cùng kỳ năm trước", "Same period last year";
    OnTimeRate => "Tỷ lệ đúng hạn (%)", "On-time rate (%)";
    PagePrev => "Trang trước", "Previous page";
    PageNext => "Trang sau", "Next page";
    DownloadPng => "Tải ảnh biểu đồ (PNG, để dán vào văn bản)", "Download the chart (PNG, to paste into a letter)";
    Increase => "tăng", "up";
    Decrease => "giảm", "down";
    Unchanged => "không đổi", "unchanged";
    Timeliness => "Tình trạng hạn", "Timeliness";
    Stt => "STT", "No.";
    LeadAgency => "Cơ quan chủ trì giải quyết", "Handling division";
    ReturnedAt => "Trả kết quả", "Returned";
    ResolvedAt => "Ngày có kết quả (xử lý xong)", "End of processing";
    ErrNotExcel => "Không đọc được tệp Excel (.xlsx, .xls)", "Cannot read the Excel file (.xlsx, .xls)";
    ErrNoSheet => "Không có trang tính", "No such sheet";
    ErrSheetEmpty => "Trang tính trống", "The sheet is empty";
    ErrNoHeader => "Không tìm thấy dòng tiêu đề có đủ các cột Mã hồ sơ, Tên thủ tục, Tên tổ chức/cá nhân, Ngày nhận: hãy chọn cột cho từng mục bên dưới", "No header row names the code, procedure, applicant and received columns: choose the column for each field below";
    SignedFor => "Ký nhận", "Signed for";
    Submitter => "Người nộp hồ sơ", "Submitted by";
    Receiver => "Người tiếp nhận hồ sơ", "Received by";
    SignHint => "(Ký, ghi rõ họ tên)", "(Signature and full name)";
    BackToRegister => "Về sổ hồ sơ", "Back to the register";
    ParentAgency => "Cơ quan chủ quản (dòng đầu tiêu đề văn bản, vd. UBND TỈNH KHÁNH HÒA)", "Parent agency (first heading line, e.g. UBND TỈNH KHÁNH HÒA)";
    AgencyName => "Tên cơ quan (vd. SỞ CÔNG THƯƠNG)", "Agency name (e.g. SỞ CÔNG THƯƠNG)";
    CounterName => "Tên bộ phận tiếp nhận (vd. Bộ phận Tiếp nhận và Trả kết quả)", "Counter's name (e.g. Bộ phận Tiếp nhận và Trả kết quả)";
    NationHeading => "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM";
    NationMotto => "Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness";
    FormNumber => "Số", "No.";
    IdNumber => "Số định danh cá nhân / Mã số doanh nghiệp", "Personal ID / enterprise code";
    DocumentsReceived => "Thành phần hồ sơ", "Documents received";
    RegisterBook => "Vào Sổ theo dõi hồ sơ, Quyển số", "Entered in the dossier register, book";
    RegisterStt => "Số thứ tự", "number";
    ReceiptLookupHint => "Tra cứu tình trạng hồ sơ: nhập mã hồ sơ trên giấy này tại máy khảo sát ở quầy («Tra cứu hồ sơ»). Mã QR chứa mã hồ sơ.", "Check the dossier's status: type the code on this slip at the desk's kiosk («Look up a dossier»). The QR code holds the code.";
    NoDossiers => "Chưa có hồ sơ nào. Tiếp nhận hồ sơ đầu tiên ở khung trên.", "No dossiers yet. Receive the first one above.";
    ErrBadIdNumber => "Số định danh không đúng: CCCD 12 chữ số, CMND 9 chữ số, mã số doanh nghiệp 10 chữ số (hoặc 10-3, vd. 0101234567-001). Để trống nếu chưa có.", "ID number not valid: citizen ID 12 digits, old ID 9, enterprise code 10 digits (or 10-3, e.g. 0101234567-001). Leave empty if unknown.";
    ErrBadEmail => "Địa chỉ email không đúng (vd. ten@vidu.vn). Để trống nếu không có.", "E-mail address not valid (e.g. name@example.vn). Leave empty if none.";
    ErrFiledAfterReceived => "Thời điểm nộp trên Cổng DVCQG phải trước thời điểm tiếp nhận.", "The time filed on the national portal must be before the time accepted.";
    ErrApologyBackdated => "Văn bản xin lỗi ghi ngày trước hôm nay. Nếu đúng là văn bản đã ban hành ngày đó, đánh dấu «Xác nhận ngày văn bản» rồi lưu lại: hồ sơ ghi cả ngày văn bản và ngày nhập.", "The apology is dated before today. If the letter really was issued that day, tick «Confirm the letter's date» and save again: the record keeps both the letter's date and the day entered.";
    ConfirmApologyDate => "Xác nhận ngày văn bản (văn bản đã ban hành trước hôm nay)", "Confirm the letter's date (issued before today)";
    ApologyEntered => "nhập ngày", "entered";
    SetupAgencyId => "Mã định danh điện tử của cơ quan (có dấu chấm, vd. 000.00.15.H34): phần đầu mã hồ sơ", "The agency's electronic id (with dots, e.g. 000.00.15.H34): the start of dossier codes";
    SetupDesk => "Máy này có phải là máy duy nhất tiếp nhận hồ sơ tại quầy?", "Is this the only tablet receiving dossiers at the counter?";
    SetupTitle => "Thiết lập đơn vị", "Set up the unit";
    SetupIntro => "Trước khi tiếp nhận hồ sơ đầu tiên: tên cơ quan in trên các mẫu của Thông tư 03/2025/TT-VPCP, mã định danh dùng cho mã hồ sơ, số quầy và cán bộ tiếp nhận.", "Before the first dossier: the names printed on the forms of Circular 03/2025/TT-VPCP, the id used in dossier codes, the desk number and the officers.";
    SetupMissing => "Còn thiếu", "Still missing";
    SetupSaved => "Đã lưu thiết lập.", "Setup saved.";
    SoleTabletYes => "Máy duy nhất", "The only tablet";
    SoleTabletNo => "Có nhiều máy: máy này là quầy số", "Several tablets: this one is desk number";
    CounterPhone => "Số điện thoại của bộ phận tiếp nhận", "The counter's phone";
    Officers => "Cán bộ tiếp nhận (mỗi dòng một người)", "Receiving officers (one per line)";
    HeadTitle => "Chức danh người ký văn bản (vd. GIÁM ĐỐC)", "Title of the signing head (e.g. GIÁM ĐỐC)";
    HeadName => "Họ tên người ký văn bản", "Name of the signing head";
    OnDuty => "Cán bộ trực", "Officer on duty";
    OnDutyPick => "Ai đang trực quầy? Tên này được ghi vào hồ sơ tiếp nhận và các bước xử lý.", "Who is on duty? This name is recorded on the dossiers received and the steps entered.";
    NoOfficer => "(chưa chọn)", "(none chosen)";
    Email => "Email", "E-mail";
    FiledOnline => "Nộp trên Cổng DVCQG lúc", "Filed on the national portal at";
    Digitised => "Đã số hóa hồ sơ", "File digitised";
    EResult => "Trả kết quả điện tử", "Electronic result";
    PaidOnline => "Thanh toán trực tuyến", "Paid online";
    DocumentCopies => "bản", "copies";
    OtherDocuments => "Giấy tờ khác (cách nhau bằng dấu ;)", "Other documents (separated by ;)";
    FormsOfDossier => "In mẫu", "Print form";
    ProcedureDocuments => "Thành phần hồ sơ (mỗi dòng một giấy tờ)", "Documents (one per line)";
    ProcedureSteps => "Quy trình nội bộ (mỗi dòng: đơn vị: số ngày làm việc, hoặc «4 giờ»)", "Internal steps (each line: division: working days, or «4 giờ»)";
    ErrSteps => "Quy trình nội bộ không đúng ở dòng {0}", "Internal steps not valid on line {0}";
    ProcedureCode => "Mã thủ tục (mã TTHC)", "Procedure code";
    ProcedureField => "Lĩnh vực", "Field";
    DocumentsShort => "Thành phần hồ sơ", "Documents";
    ProcedureTerm => "Thời hạn giải quyết", "Statutory time";
    ErrNoProcedureCode => "Không có mã thủ tục", "No procedure code";
    ErrNoProcedureName => "Không có tên thủ tục", "No procedure name";
    ErrTermUnreadable => "Không đọc được thời hạn giải quyết (cần «N ngày làm việc», «N giờ» hoặc «Trong ngày»)", "Statutory time not readable (needs «N ngày làm việc», «N giờ» or «Trong ngày»)";
    ErrRepeatedProcedure => "Trùng mã hoặc tên với dòng", "Same code or name as line";
    CatalogueImport => "Nhập danh mục từ bảng tính (.xlsx, .xls, .csv)", "Import the catalogue from a sheet (.xlsx, .xls, .csv)";
    CatalogueImportExpects => "Cần các cột: Mã TTHC, Tên thủ tục, Thời hạn giải quyết; nên có: Lĩnh vực, Phí/lệ phí, Phòng xử lý, Thành phần hồ sơ, Mức độ. Thủ tục đã có (cùng mã hoặc cùng tên) được cập nhật các cột có trong bảng, giữ nguyên quy trình nội bộ.", "Needs the columns: procedure code, name, statutory time; best with: field, fee, division, documents, online level. Entries already there (same code or name) get the sheet's columns; their internal steps stay.";
    PlanNew => "Thủ tục mới", "New procedures";
    PlanChanged => "Thủ tục thay đổi", "Changed procedures";
    PlanSame => "Không đổi", "Unchanged";
    PlanRefused => "Dòng lỗi, bỏ qua", "Rows left out";
    ImportCatalogue => "Cập nhật danh mục", "Update the catalogue";
    CatalogueUpdated => "Đã cập nhật danh mục: +{0} · ~{1}", "Catalogue updated: +{0} · ~{1}";
    MapRequired => "Chọn cột cho các mục có dấu *", "Choose the column of each field marked *";
    CatalogueSearch => "Tìm theo mã, tên thủ tục, lĩnh vực, phòng", "Search code, name, field, division";
    UndoImport => "Hoàn tác lần nhập cuối", "Undo the last import";
    UndoOf => "Lần nhập cuối:", "Last import:";
    UndoPutBack => "trả lại bản cũ", "versions put back";
    UndoRemoved => "bỏ bản ghi đã thêm", "added records removed";
    UndoUntil => "hoàn tác được đến", "can be undone until";
    UndoAsk => "Mọi bản ghi lần nhập cuối đã thay sẽ trở lại như trước khi nhập, bản ghi nó thêm sẽ bị bỏ; bản ghi đã sửa trên máy này sau khi nhập được giữ nguyên. Tiếp tục?", "Every record the last import replaced goes back to what it was, the records it added go; records changed on this tablet after the import stay. Go on?";
    UndoDone => "Đã hoàn tác lần nhập cuối: trả lại bản cũ {0} · bỏ bản ghi đã thêm {1} · giữ bản ghi đã sửa sau khi nhập {2}", "The last import was undone: versions put back {0} · added records removed {1} · kept (changed after the import) {2}";
    UndoGone => "Không còn gì để hoàn tác (đã quá hạn hoặc đã có lần nhập mới hơn).", "Nothing left to undo (expired, or a newer import).";
    RatedTitle => "Đánh giá gắn với hồ sơ", "Ratings tied to dossiers";
    RatedShare => "Hồ sơ đã trả kết quả được đánh giá", "Returned dossiers that were rated";
    RatedUnmatched => "Mã hồ sơ không khớp", "Codes matching no dossier";
    RatedSatisfied => "Hài lòng (lần đánh giá cuối của mỗi hồ sơ)", "Satisfied (each dossier's latest rating)";
    RatedInTime => "Trước hạn và đúng hạn", "Early or on the due date";
    RatedByTimeliness => "Kết quả giải quyết", "Timeliness";
    ScanOpen => "Quét mã trên giấy hẹn", "Scan the code on your receipt";
    ScanHint => "Đưa mã QR trên giấy tiếp nhận hồ sơ (hoặc phiếu trả kết quả) vào trước máy ảnh.", "Hold the QR code on your receipt (or result slip) up to the camera.";
    ScanDenied => "Máy ảnh không được phép dùng. Bạn vẫn đánh giá được: bấm «Đánh giá không cần mã», và có thể nhập mã hồ sơ ở bước cuối.", "The camera is not allowed. You can still rate: press «Rate without the code», and type the dossier code on the last step.";
    ScanNoCamera => "Không tìm thấy máy ảnh. Bạn vẫn đánh giá được và có thể nhập mã hồ sơ ở bước cuối.", "No camera found. You can still rate and type the dossier code on the last step.";
    ScanUnsupported => "Máy này không quét được mã. Bạn vẫn đánh giá được và có thể nhập mã hồ sơ ở bước cuối.", "This device cannot scan. You can still rate and type the dossier code on the last step.";
    ScanWithout => "Đánh giá không cần mã", "Rate without the code";
    CameraFacing => "Máy ảnh dùng để quét mã trên giấy hẹn", "Camera that scans the receipt's code";
    CameraFront => "Máy ảnh trước (hướng về người dân)", "Front camera (facing the citizen)";
    CameraBack => "Máy ảnh sau", "Back camera";
    InviteRating => "Mời đánh giá", "Invite a rating";
    InviteRatingHint => "Máy chuyển sang màn hình khảo sát của hồ sơ này cho người dân đánh giá; khóa bằng mã PIN như thường lệ.", "The tablet turns to this dossier's survey for the citizen to rate; locked by the PIN as usual.";
    Next => "Tiếp", "Next";
    OverallTitle => "Đánh giá chung", "Overall";
    ScaleLegend => "Chạm vào một mặt cho mỗi câu:", "Tap one face for each line:";
    ReasonsQ => "Vì sao ông/bà chưa hài lòng? Chạm để chọn (không bắt buộc).", "Why were you not satisfied? Tap to choose (optional).";
    ReasonsTitle => "Lý do chưa hài lòng (đánh giá nhanh 1–3 điểm)", "Reasons for low ratings (one-tap ratings of 1–3)";
    ReasonsLow => "Đánh giá nhanh 1–3 điểm", "One-tap ratings of 1–3";
    ReasonsExplained => "có chọn lý do", "gave a reason";
    ReasonsNone => "Chưa có đánh giá 1–3 điểm nào trong kỳ.", "No rating of 1–3 in the period.";
    OfficerTitle => "Mức độ hài lòng theo công chức trực quầy", "Satisfaction by officer on duty";
    OfficerSatisfied => "Hài lòng · điểm trung bình", "Satisfied · mean score";
    OfficerHidden => "ít phiếu, không hiển thị", "too few to show";
    RateOfficers => "Gắn đánh giá với công chức trực quầy (thống kê theo công chức)", "Tie ratings to the officer on duty (figures per officer)";
    LayoutLabel => "Cách hiển thị câu hỏi", "How questions are shown";
    LayoutGroup => "Mỗi nhóm một màn hình (nhanh hơn)", "One group a screen (faster)";
    LayoutItem => "Mỗi câu hỏi một màn hình", "One question a screen";
    ReasonsEdit => "Lý do hỏi sau đánh giá nhanh 1–3 điểm", "Reasons asked after a one-tap rating of 1–3";
    ReasonAdd => "Thêm lý do", "Add a reason";
    Remove => "Bỏ", "Remove";
    ResultSlipTitle => "Phiếu trả kết quả", "Result slip";
    ResultSlipNote => "Phiếu của đơn vị giao kèm kết quả (không phải mẫu của Thông tư 03/2025/TT-VPCP).", "The unit's own slip handed with the result (not a form of Circular 03/2025).";
    ResultSlipRate => "Mời ông/bà quét mã này tại máy khảo sát ở quầy để đánh giá mức độ hài lòng (không cần ghi tên).", "Please scan this code at the survey tablet at the counter to rate our service (no name needed).";
    PrintResultSlip => "In phiếu trả kết quả", "Print the result slip";
    ExtendedMark => "đã gia hạn (có văn bản xin lỗi)", "extended (with an apology)";
    RowsRead => "dòng đọc được", "rows read";
    RowsWithErrors => "dòng có lỗi (không nhập)", "rows with errors (not imported)";
    NothingToImport => "Bảng tính không thay đổi gì trong danh mục.", "The sheet changes nothing in the catalogue.";
    // Why a file or a record is refused (`sync::wire::ReadError::msg`); `{0}`, `{1}`… are the
    // message's arguments (`Msg`).
    WithDetail => "{0}: {1}", "{0}: {1}";
    Sentences => "{0} {1}", "{0} {1}";
    ErrDownload => "Trình duyệt không cho tải tệp xuống: {0}", "The browser refused the download: {0}";
    ErrStorageBrowser => "Trình duyệt không cho lưu dữ liệu (chế độ riêng tư hoặc bộ nhớ bị tắt?): {0}", "The browser refused to save (private mode or storage turned off?): {0}";
    ErrStorageBlocked => "Dữ liệu đã lưu không đọc được nên không ghi đè, chưa lưu gì: {0}", "Stored data cannot be read, so nothing was written over it: {0}";
    ErrStorageEncode => "Không chuyển được dữ liệu sang dạng lưu: chưa lưu gì.", "The data could not be encoded for storage: nothing was saved.";
    StatusStep => "«{0}» → «{1}»", "«{0}» → «{1}»";
    ErrRowUnreadable => "Dòng không đọc được: {0}", "Unreadable line: {0}";
    ErrCellInvalid => "{0} không hợp lệ: «{1}»", "{0} is not valid: «{1}»";
    ErrFileUnreadable => "Không đọc được tệp", "Cannot read the file";
    ErrFileEmpty => "Tệp rỗng", "The file is empty";
    ErrFileTooLarge => "Tệp quá lớn ({0} MB, tối đa {1} MB): hãy xuất theo từng năm", "The file is too large ({0} MB, at most {1} MB): export one year at a time";
    ErrNotUtf8 => "Tệp không phải văn bản UTF-8 (có thể không phải tệp xuất của motcua)", "The file is not UTF-8 text (perhaps not a motcua export)";
    ErrNotJson => "Tệp không phải JSON hợp lệ (dòng {0}, cột {1})", "The file is not valid JSON (line {0}, column {1})";
    ErrTruncated => "Tệp bị cắt cụt, thiếu phần cuối (chép lại tệp từ máy xuất)", "The file is cut short (copy it again from the tablet that exported it)";
    ErrTooDeep => "Tệp có cấu trúc lồng nhau quá sâu, không phải tệp xuất của motcua", "The file is nested too deeply: not a motcua export";
    ErrWrongFormat => "Không phải tệp xuất của motcua (format = «{0}»)", "Not a motcua export (format = «{0}»)";
    ErrNewerFile => "Tệp do phiên bản mới hơn tạo ra (định dạng v{0}, máy này đọc tới v{1}): hãy cập nhật ứng dụng", "Made by a newer version (format v{0}, this tablet reads up to v{1}): update the app";
    ErrBadField => "Tệp thiếu hoặc sai trường: {0}", "A field is missing or wrong: {0}";
    ErrBadRecord => "{0} thứ {1}: {2}", "{0} no. {1}: {2}";
    ErrBadRecordId => "{0} thứ {1} (id {2}): {3}", "{0} no. {1} (id {2}): {3}";
    ErrDuplicateId => "Trong tệp có hai {0} cùng id {1}", "Two of the file's {0} share the id {1}";
    KindResponse => "Phiếu khảo sát", "Response";
    KindDossier => "Hồ sơ", "Dossier";
    ErrMissingField => "thiếu trường «{0}»", "missing field «{0}»";
    ErrWrongType => "sai kiểu dữ liệu ({0})", "wrong type ({0})";
    ErrBadValue => "giá trị không hợp lệ ({0})", "invalid value ({0})";
    ErrJson => "không đọc được ({0})", "unreadable ({0})";
    ErrBadId => "id không hợp lệ", "bad id";
    ErrTimeRange => "thời điểm {0} ngoài khoảng 2000–2100", "{0} outside 2000–2100";
    ErrBadDevice => "thiếu hoặc sai mã thiết bị", "missing or bad device id";
    ErrTooLong => "trường {0} dài quá {1} ký tự", "field {0} longer than {1} characters";
    ErrAnswers => "câu trả lời (answers) chỉ gồm các chữ số 0–6", "answers must be digits 0–6";
    ErrOverallRange => "mức hài lòng chung {0} ngoài 0–5", "overall rating {0} outside 0–5";
    ErrVisitsRange => "số lần đi lại ngoài 0–2", "visits outside 0–2";
    ErrReasonId => "lý do không đúng dạng", "a reason id is not well formed";
    ErrRecordCode => "mã hồ sơ «{0}» không đúng dạng", "dossier code «{0}» is not well formed";
    ErrRecordDates => "ngày nhận hoặc hạn trả không hợp lệ", "the day received or the due date is not valid";
    ErrTimeline => "quá trình xử lý không hợp lệ", "the processing steps are not valid";
    ErrStepRange => "bước xử lý ngoài khoảng 2000–2100 hoặc trước ngày nhận", "a step outside 2000–2100 or before the day received";
    ErrExtensionRange => "gia hạn ngoài khoảng 2000–2100 hoặc trước ngày nhận", "an extension outside 2000–2100 or before the day received";
    ErrComplaintRange => "phản ánh ngoài khoảng 2000–2100 hoặc trước ngày nhận", "a complaint outside 2000–2100 or before the day received";
    ErrTermRange => "thời hạn giải quyết ngoài giới hạn", "the statutory time is out of range";
    ErrCopiesRange => "số bộ hồ sơ ngoài 1–99", "copies outside 1–99";
    ErrFiledAtRecord => "ngày nộp trực tuyến không hợp lệ", "the online filing date is not valid";
    ErrDocumentsRecord => "thành phần hồ sơ không hợp lệ", "the list of documents is not valid";
    ErrNoGroups => "bảng hỏi phiên bản {0} không có nhóm câu hỏi", "questionnaire version {0} has no groups";
    ErrItemIds => "bảng hỏi phiên bản {0} có mã câu hỏi không hợp lệ", "questionnaire version {0} has an item id that is not well formed";
    ErrDuplicateVersion => "hai bảng hỏi cùng số phiên bản", "two questionnaires share a version number";
    ErrDuplicateProcedure => "danh mục thủ tục có mã trùng hoặc rỗng", "the catalogue has a repeated or empty procedure id";
    ErrCatalogueIds => "Mã thủ tục phải khác nhau, có mã và tên", "Procedure ids must differ, and every procedure needs an id and a name";
    ErrProcedureTerm => "{0}: số ngày 1–{1} và số giờ 0–{2}", "{0}: days 1–{1} and hours 0–{2}";
    ErrProcedureSteps => "{0}: quy trình nội bộ hoặc thành phần hồ sơ không hợp lệ", "{0}: internal steps or documents not valid";
    ErrBadTime => "Giờ không hợp lệ: «{0}»", "Not a time: «{0}»";
    ErrHoursOrder => "Giờ làm việc phải theo thứ tự: sáng từ < đến ≤ chiều từ < đến", "Office hours must be in order: morning from < to ≤ afternoon from < to";
    ErrTooManyYears => "Lịch có quá nhiều năm", "The calendar has too many years";
    ErrBadYear => "Lịch năm {0} không hợp lệ", "The calendar of {0} is not valid";
    ErrBadDate => "Ngày không hợp lệ: «{0}»", "Not a date: «{0}»";
    ErrDateNotInYear => "{0} không thuộc năm {1}", "{0} is not in {1}";
    ErrSheetTooLarge => "Tệp quá lớn ({0} MB, tối đa {1} MB): hãy tách theo năm", "The file is too large ({0} MB, at most {1} MB): split it by year";
    ErrBrokenUtf16 => "Tệp UTF-16 bị hỏng", "The UTF-16 file is damaged";
    ErrSheetEncoding => "Tệp không phải UTF-8 hay UTF-16 (có thể là mã Windows-1258 hoặc TCVN3): trong Excel hãy chọn Lưu thành «CSV UTF-8» rồi nhập lại", "The file is neither UTF-8 nor UTF-16 (perhaps Windows-1258 or TCVN3): in Excel choose Save as «CSV UTF-8» and import it again";
    ErrMissingColumn => "Thiếu cột bắt buộc: {0}", "A required column is missing: {0}";
    ErrHeaderOnly => "Tệp chỉ có dòng tiêu đề, không có hồ sơ nào", "The sheet has a header and no rows";
    ErrCorruptData => "Dữ liệu hỏng: {0}", "Damaged data: {0}";
    ErrNewerData => "Dữ liệu của phiên bản mới hơn (v{0})", "Data from a newer version (v{0})";
    ErrWrongKind => "Sai loại dữ liệu ({0})", "Unexpected kind of data ({0})";
    ErrNoQuestionnaire => "Không có phiên bản phiếu khảo sát nào: đang dùng phiếu mặc định", "No questionnaire version: the shipped one is used";

}

/// What a message is made of: a text as it is (a name, a number), a key, or another message,
/// each put in the language of the screen that shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Key(K),
    Msg(Box<Msg>),
}

/// A message as it crosses to the screen: a key and its arguments (`{0}`, `{1}` … in both of
/// the key's texts), put together in the language of the screen that shows it. Core's errors
/// give one (issue 23: an error shown keeps its meaning and follows a language switch; no text
/// carries both languages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub key: K,
    pub args: Vec<Arg>,
}

impl Msg {
    pub fn new(key: K) -> Msg {
        Msg { key, args: Vec::new() }
    }

    /// With a text argument (a name, a number, a date).
    pub fn arg(mut self, a: impl std::fmt::Display) -> Msg {
        self.args.push(Arg::Text(a.to_string()));
        self
    }

    /// With an argument that is itself a key or a message.
    pub fn part(mut self, a: impl Into<Arg>) -> Msg {
        self.args.push(a.into());
        self
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let mut out = String::new();
        let mut rest = t(lang, self.key);
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let arg = after
                .find('}')
                .and_then(|close| Some((after[..close].parse::<usize>().ok()?, close)));
            match arg {
                Some((i, close)) => {
                    match self.args.get(i) {
                        Some(Arg::Text(s)) => out.push_str(s),
                        Some(Arg::Key(k)) => out.push_str(t(lang, *k)),
                        Some(Arg::Msg(m)) => out.push_str(&m.text(lang)),
                        None => {}
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

impl From<K> for Msg {
    fn from(k: K) -> Msg {
        Msg::new(k)
    }
}

impl From<K> for Arg {
    fn from(k: K) -> Arg {
        Arg::Key(k)
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

/// In Vietnamese, the app's first language (for logs and `Display`).
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::Vi))
    }
}

impl std::error::Error for Msg {}

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

    #[test]
    fn a_message_is_put_together_in_one_language() {
        let m = Msg::new(K::ErrBadRecordId)
            .part(K::KindDossier)
            .arg(3)
            .arg("x-1")
            .part(Msg::new(K::ErrTooLong).arg("notes").arg(500));
        assert_eq!(m.text(Lang::Vi), "Hồ sơ thứ 3 (id x-1): trường notes dài quá 500 ký tự");
        assert_eq!(m.text(Lang::En), "Dossier no. 3 (id x-1): field notes longer than 500 characters");
        // A brace that is not an argument stays; a missing argument is left out.
        assert_eq!(Msg::new(K::ErrBadField).text(Lang::En), "A field is missing or wrong: ");
        assert_eq!(Msg::new(K::ErrJson).arg("{x}").text(Lang::Vi), "không đọc được ({x})");
    }

    /// Issue 23: a key no source names is a text nobody sees (or a screen that lost it).
    #[test]
    fn every_key_is_named_by_a_source() {
        fn sources(dir: &std::path::Path, out: &mut String) {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    sources(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("i18n.rs") {
                    out.push_str(&std::fs::read_to_string(&p).unwrap());
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut text = String::new();
        sources(&root.join("src"), &mut text);
        sources(&root.join("../src"), &mut text);
        sources(&root.join("../formats/src"), &mut text);
        let unused: Vec<String> = ALL
            .iter()
            .map(|k| format!("{k:?}"))
            .filter(|name| {
                let needle = format!("K::{name}");
                !text
                    .match_indices(&needle)
                    .any(|(at, _)| !text[at + needle.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
            })
            .collect();
        assert!(unused.is_empty(), "keys no source names: {unused:?}");
    }

    /// Issue 23: the UI renames no error's cause (`Err(_) =>`) and picks no text by asking the
    /// language (everything on screen goes through `K`).
    #[test]
    fn the_ui_renames_no_error_and_asks_no_language() {
        fn check(dir: &std::path::Path, found: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    check(&p, found);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    let text = std::fs::read_to_string(&p).unwrap();
                    for (n, line) in text.lines().enumerate() {
                        if ["Err(_) =>", "== Lang::Vi", "== Lang::En"].iter().any(|bad| line.contains(bad)) {
                            found.push(format!("{}:{}: {}", p.display(), n + 1, line.trim()));
                        }
                    }
                }
            }
        }
        let mut found = Vec::new();
        check(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../src"), &mut found);
        assert!(found.is_empty(), "{found:#?}");
    }

    /// Issue 25: no text of either language carries the other after a slash.
    #[test]
    fn no_text_carries_both_languages() {
        let english_half = |s: &str| {
            s.split(" / ").skip(1).any(|part| {
                let words: Vec<&str> = part.split_whitespace().take(2).collect();
                words.len() == 2 && words.iter().all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
            })
        };
        for k in ALL {
            assert!(!english_half(t(Lang::Vi, *k)), "{k:?}: {}", t(Lang::Vi, *k));
        }
    }
}
