//! The catalogue on a 768-px tablet: found by search, one procedure per form, and a province's
//! list of 120 procedures imported from .xlsx after a preview of what is new, changed and left
//! out.

use motcua_e2e::{Browser, Server, R, TABLET_PORTRAIT};

const ROWS: usize = 120;

#[tokio::test]
async fn a_provinces_list_of_120_procedures_imports_after_its_preview() -> R {
    let shipped = motcua_domain::dossier::default_catalogue().len();
    let path = std::env::temp_dir().join(format!("motcua-danh-muc-{}.xlsx", std::process::id()));
    std::fs::write(&path, motcua_e2e::gen::catalogue_xlsx(ROWS))?;
    let srv = Server::start();
    let b = Browser::new("catalogue", TABLET_PORTRAIT).await?;
    b.goto(&srv.url("/settings")).await?;
    b.click("#catalogue summary").await?;

    // Search without marks; the list shows whole names, a form shows one procedure.
    b.set_value("#catalogue-search", "ruou ban buon").await?;
    b.wait_js("document.querySelectorAll('.catalogue-item').length === 1").await?;
    b.click(".catalogue-item[data-id='TM-01']").await?;
    assert_eq!(
        b.wait_css("#proc-name").await?.prop("value").await?.as_deref(),
        Some("Cấp Giấy phép bán buôn sản phẩm rượu")
    );
    assert!(
        b.js("return document.querySelector('#procedure-form').scrollWidth <= document.documentElement.clientWidth")
            .await?
            == true,
        "the form fits the 768-px screen"
    );
    b.shot("1-form-768").await?;
    b.click("#proc-close").await?;
    b.set_value("#catalogue-search", "").await?;

    // The list imported: the plan first, nothing written yet.
    b.click("#catalogue-import summary").await?;
    b.pick_files("#cat-file", &[&path]).await?;
    b.wait_css_for("#cat-plan-counts", std::time::Duration::from_secs(30)).await?;
    let counts = b.text("#cat-plan-counts").await?;
    assert!(
        counts.contains(&format!("Thủ tục mới: {}", ROWS - 3))
            && counts.contains("Thủ tục thay đổi: 3")
            && counts.contains("Dòng lỗi, bỏ qua: 1"),
        "{counts}"
    );
    let plan = b.text("#cat-plan").await?;
    assert!(plan.contains("Theo quy định của pháp luật"), "the refused row says why: {plan}");
    assert!(plan.contains("~ TM-02"), "matched by its name, it keeps its code: {plan}");
    assert!(
        plan.contains("10 ngày làm việc → 15 ngày làm việc"),
        "a term's change is shown: {plan}"
    );
    assert!(
        b.text("#catalogue-count").await?.starts_with(&format!("{shipped} /")),
        "nothing written before the officer says so"
    );
    b.js("document.querySelector('#cat-plan-counts').scrollIntoView()").await?;
    b.shot("2-plan-768").await?;
    b.click("#cat-import").await?;
    b.wait_css("#cat-done").await?;
    let total = shipped + ROWS - 3;
    assert_eq!(b.text("#catalogue-count").await?, format!("{total} / {total}"));

    // Kept across a reload, each entry as the list wrote it.
    b.goto(&srv.url("/settings")).await?;
    b.click("#catalogue summary").await?;
    assert_eq!(b.text("#catalogue-count").await?, format!("{total} / {total}"));
    b.set_value("#catalogue-search", "1.001005").await?;
    b.click(".catalogue-item[data-id='1.001005']").await?;
    // Row 5 (i = 5): "Trong ngày", documents as two lines, one part online.
    assert_eq!(b.js("return document.querySelector('#proc-same-day').checked").await?, true);
    assert_eq!(
        b.wait_css("#papers-documents").await?.prop("value").await?.as_deref(),
        Some("Đơn đề nghị (bản chính)\nBản sao giấy chứng nhận đăng ký doanh nghiệp")
    );
    b.click("#proc-close").await?;
    b.set_value("#catalogue-search", "CN-01").await?;
    b.click(".catalogue-item[data-id='CN-01']").await?;
    assert_eq!(b.wait_css("#proc-days").await?.prop("value").await?.as_deref(), Some("30"));
    std::fs::remove_file(&path).ok();
    b.close().await
}
