//! File sync as staff use it: two tablets export, a third imports both (twice, in both
//! orders) and shows the summed figures; bad files get clear messages and change nothing;
//! CSV for Excel; archiving a closed year frees its space.

use motcua_e2e::{Browser, Server, R, TABLET_LANDSCAPE};
use serde_json::{json, Value};
use std::path::Path;

/// Set up the unit with this tablet's desk number, and name the tablet.
async fn name_device(b: &Browser, srv: &Server, name: &str, desk: &str) -> R {
    b.set_up_unit(srv, Some(desk), &[]).await?;
    b.fill("#device-name", name).await?;
    b.click("#save-settings").await?;
    b.wait_css("#settings-saved").await?;
    Ok(())
}

/// Export this tablet's JSON from the Dữ liệu page; returns a copy of the saved file that
/// outlives the browser's profile (as a file sent by USB or Zalo would).
async fn export_json(b: &Browser, srv: &Server) -> R<std::path::PathBuf> {
    b.goto(&srv.url("/data")).await?;
    b.click("#export-json").await?;
    b.wait_css("#export-done").await?;
    let saved = b.download(".json").await?;
    let dir = std::env::temp_dir().join(format!("motcua-sync-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let copy = dir.join(saved.file_name().unwrap_or_default());
    std::fs::copy(&saved, &copy)?;
    Ok(copy)
}

/// Pick files in the import card and wait for their previews.
async fn pick(b: &Browser, files: &[&Path]) -> R {
    b.pick_files("#import-files", files).await?;
    b.wait_js(&format!("document.querySelectorAll('.file-preview').length === {}", files.len()))
        .await?;
    Ok(())
}

/// A count cell of the preview: file `i`, kind, column.
async fn cell(b: &Browser, i: usize, kind: &str, col: &str) -> R<i64> {
    let v = b
        .js(&format!(
            "return document.querySelectorAll('.file-preview')[{i}].querySelector('tr[data-kind={kind}] td.{col}').innerText"
        ))
        .await?;
    Ok(v.as_str().unwrap_or_default().replace('.', "").parse()?)
}

async fn totals(b: &Browser) -> R<(String, String)> {
    Ok((b.text("#data-responses").await?, b.text("#data-dossiers").await?))
}

#[tokio::test]
async fn two_tablets_export_and_a_third_imports_both_twice_in_both_orders() -> R {
    let srv = Server::start();
    // Tablet A (desk 0): two dossiers, one response with a formula-like suggestion.
    let a = Browser::new("sync-a", TABLET_LANDSCAPE).await?;
    name_device(&a, &srv, "Quầy 1", "0").await?;
    let a1 = a.receive(&srv, "TM-02", "Công ty CP Biển Xanh").await?;
    let a2 = a.receive(&srv, "TM-02", "=HYPERLINK(\"http://x\",\"bấm\")").await?;
    a.goto(&srv.url("/kiosk")).await?;
    a.answer(&[5; 20], "<b>in đậm</b> +84 cần thêm ghế", None).await?;
    let file_a = export_json(&a, &srv).await?;
    assert!(
        file_a
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("motcua-000-00-15-H34-Quay-1-"),
        "{file_a:?}"
    );
    // CSV for Excel: BOM, Vietnamese headers and diacritics, formulas neutralised.
    a.click("#export-csv-dossiers").await?;
    let csv = std::fs::read_to_string(a.download("so-ho-so.csv").await?)?;
    assert!(
        csv.starts_with("\u{feff}\"STT\",\"Mã hồ sơ\",\"Tên thủ tục hành chính\",\"Tên tổ chức, cá nhân\""),
        "{csv}"
    );
    assert!(csv.contains("Công ty CP Biển Xanh") && csv.contains("Đăng ký thực hiện khuyến mại"));
    assert!(csv.contains("\"'=HYPERLINK("), "formula neutralised: {csv}");
    a.click("#export-csv-responses").await?;
    let rcsv = std::fs::read_to_string(a.download("phieu-khao-sat.csv").await?)?;
    assert!(rcsv.starts_with("\u{feff}\"Mã phiếu\",\"Thời điểm\","));
    assert!(rcsv.contains("<b>in đậm</b> +84"), "text kept as text: {rcsv}");
    // The same responses as a workbook: scores as numbers, the suggestion as text.
    a.click("#export-xlsx-responses").await?;
    let xlsx = a.download("phieu-khao-sat.xlsx").await?;
    {
        use calamine::Reader;
        let mut wb = calamine::open_workbook_auto(&xlsx)?;
        let range = wb.worksheet_range("Phieu khao sat")?;
        assert_eq!(range.get_value((0, 0)), Some(&calamine::Data::String("Mã phiếu".into())));
        assert_eq!(range.get_value((1, 4)), Some(&calamine::Data::Float(4.0)), "overall as a number");
        assert_eq!(
            range.get_value((1, 8)),
            Some(&calamine::Data::String("<b>in đậm</b> +84 cần thêm ghế".into()))
        );
    }
    a.shot("1-data-page-1280x800").await?;
    a.close().await?;

    // Tablet B (desk 1): its running numbers never meet A's.
    let b = Browser::new("sync-b", TABLET_LANDSCAPE).await?;
    name_device(&b, &srv, "Quầy 2", "1").await?;
    let b1 = b.receive(&srv, "TM-02", "Hộ KD Trần Văn Nam").await?;
    assert!(b1.ends_with("-1001"), "desk 1 numbers from 1001: {b1}");
    assert!(a1.ends_with("-0001") && a2.ends_with("-0002"));
    b.goto(&srv.url("/kiosk")).await?;
    b.answer(&[2; 20], "", None).await?;
    let file_b = export_json(&b, &srv).await?;
    b.close().await?;

    // The manager's browser imports both files.
    let m = Browser::new("sync-m", TABLET_LANDSCAPE).await?;
    m.goto(&srv.url("/data")).await?;
    m.wait_css("#import-files").await?;
    pick(&m, &[&file_a, &file_b]).await?;
    assert_eq!(cell(&m, 0, "responses", "new").await?, 1);
    assert_eq!(cell(&m, 0, "dossiers", "new").await?, 2);
    assert_eq!(cell(&m, 1, "dossiers", "new").await?, 1);
    assert_eq!(
        totals(&m).await?,
        ("0".into(), "0".into()),
        "nothing written before the preview is accepted"
    );
    m.js("document.querySelector('#import').scrollIntoView()").await?;
    m.shot("2-preview-1280x800").await?;
    m.click("#import-apply").await?;
    m.wait_css("#import-done").await?;
    assert_eq!(totals(&m).await?, ("2".into(), "3".into()));
    // Again, the other order: everything unchanged, nothing added.
    pick(&m, &[&file_b, &file_a]).await?;
    assert_eq!(cell(&m, 0, "dossiers", "new").await?, 0);
    assert_eq!(cell(&m, 0, "dossiers", "unchanged").await?, 1);
    assert_eq!(cell(&m, 1, "responses", "unchanged").await?, 1);
    m.click("#import-apply").await?;
    m.wait_js("document.querySelectorAll('#import-history .receipts li').length === 4")
        .await?;
    assert_eq!(totals(&m).await?, ("2".into(), "3".into()));
    assert!(m.js("return document.querySelector('#code-conflicts') === null").await? == Value::Bool(true));
    m.js("document.querySelector('#import-history').scrollIntoView()").await?;
    m.shot("3-history-1280x800").await?;
    // The summed figures on the desk screen and the register.
    m.goto(&srv.url("/staff")).await?;
    m.wait_css("#index-card").await?;
    let desk = m.text("main").await?;
    assert!(desk.contains("<b>in đậm</b>"), "a suggestion with HTML shows as text");
    assert!(m.js("return document.querySelector('main b') === null").await? == Value::Bool(true));
    m.goto(&srv.url("/dossiers")).await?;
    m.wait_js("document.querySelectorAll('#worklist tbody tr.row').length === 3")
        .await?;
    for c in [&a1, &a2, &b1] {
        assert!(m.text("#worklist").await?.contains(c.as_str()));
    }
    assert!(m.console_errors().await?.is_empty());
    m.close().await
}

/// A valid export in the public format, written as an outside tool would.
fn export_file(responses: Vec<Value>, dossiers: Vec<Value>) -> Value {
    json!({
        "format": "motcua-export", "version": 1, "exported_at": 1_764_000_000_000_i64,
        "source": {"device_id": "ext00001", "device_name": "Máy ngoài", "unit": "SCT"},
        "from": null, "to": null, "personal_data": true,
        "questionnaires": [], "catalogue": [], "responses": responses, "dossiers": dossiers
    })
}

fn response(n: u32, created: i64) -> Value {
    json!({"id": format!("{n:032x}"), "created_at": created, "updated_at": created, "device": "ext00001",
           "questionnaire": 1, "answers": "5555555555555555555", "overall": 5})
}

#[tokio::test]
async fn bad_files_get_clear_messages_and_change_nothing() -> R {
    let srv = Server::start();
    let m = Browser::new("sync-bad", TABLET_LANDSCAPE).await?;
    m.goto(&srv.url("/data")).await?;
    m.wait_css("#import-files").await?;
    let dir = std::env::temp_dir().join(format!("motcua-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let good = export_file(vec![response(1, 1_764_000_000_000)], vec![]).to_string();
    let deep = format!(
        "{{\"format\":\"motcua-export\",\"version\":1,\"x\":{}{}}}",
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    let dup = export_file(vec![response(1, 1_764_000_000_000), response(1, 1_764_000_000_001)], vec![]).to_string();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("not-json.json", b"xin chao".to_vec(), "không phải JSON"),
        ("truncated.json", good.as_bytes()[..good.len() / 2].to_vec(), "cắt cụt"),
        (
            "kobo.json",
            br#"{"format":"kobo","version":1}"#.to_vec(),
            "Không phải tệp xuất của motcua",
        ),
        (
            "newer.json",
            good.replacen("\"version\":1", "\"version\":9", 1).into_bytes(),
            "phiên bản mới hơn",
        ),
        (
            "missing.json",
            good.replacen("\"source\"", "\"nguon\"", 1).into_bytes(),
            "thiếu trường «source»",
        ),
        (
            "wrong-type.json",
            good.replacen("\"overall\":5", "\"overall\":\"năm\"", 1).into_bytes(),
            "Phiếu khảo sát thứ 1",
        ),
        (
            "range.json",
            good.replacen("\"overall\":5", "\"overall\":7", 1).into_bytes(),
            "ngoài 0–5",
        ),
        ("dup.json", dup.into_bytes(), "cùng id"),
        ("deep.json", deep.into_bytes(), "lồng nhau quá sâu"),
        ("latin1.json", vec![0x7b, 0xe9, 0xff, 0x7d], "UTF-8"),
        ("big.json", vec![b' '; motcua_formats::sync::wire::MAX_BYTES + 1], "quá lớn"),
    ];
    m.js("localStorage.setItem('motcua.marker', 'x')").await?;
    let before = m.stored().await?;
    for (name, bytes, want) in &cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes)?;
        pick(&m, &[&path]).await?;
        if ["wrong-type.json", "range.json"].contains(name) {
            // One bad record is named and left out; the rest of the file (here: nothing) could
            // still be imported.
            let msg = m.text(".file-preview .refused").await?;
            assert!(msg.contains(want) && msg.contains(": 1"), "{name}: {msg}");
        } else {
            let msg = m.text(".file-preview .import-error").await?;
            assert!(msg.contains(want), "{name}: {msg}");
            assert!(m.js("return document.querySelector('#import-apply').disabled").await? == Value::Bool(true));
        }
        if *name == "range.json" {
            m.js("document.querySelector('#import').scrollIntoView()").await?;
            m.shot("4-bad-file-1280x800").await?;
        }
        m.click("#import-cancel").await?;
    }
    assert_eq!(m.stored().await?, before, "stored data exactly as it was");
    std::fs::remove_dir_all(&dir).ok();
    assert!(m.console_errors().await?.is_empty());
    m.close().await
}

#[tokio::test]
async fn archiving_a_closed_year_frees_its_space() -> R {
    let srv = Server::start();
    let m = Browser::new("sync-archive", TABLET_LANDSCAPE).await?;
    m.goto(&srv.url("/data")).await?;
    m.wait_css("#archive-none").await?;
    // 5 000 responses from 2025 and 2 from this year, imported from a file.
    let y2025 = 1_740_000_000_000_i64; // 19/02/2025
    let mut rs: Vec<Value> = (0..5000).map(|n| response(n, y2025 + n as i64 * 360_000)).collect();
    let now = m.js("return Date.now()").await?.as_i64().unwrap_or_default();
    rs.push(response(100_000, now));
    rs.push(response(100_001, now));
    let path = std::env::temp_dir().join(format!("motcua-archive-{}.json", std::process::id()));
    // Exported now: a file's records are not stamped after it was made (those are held).
    let mut file = export_file(rs, vec![]);
    file["exported_at"] = json!(now);
    std::fs::write(&path, file.to_string())?;
    // A larger file shows how far the reading got.
    m.js("window.__progress = 0; new MutationObserver(() => { const p = document.querySelector('#import-progress'); if (p) window.__progress = Math.max(window.__progress, +p.value); }).observe(document.body, {subtree: true, childList: true, attributes: true});").await?;
    pick(&m, &[&path]).await?;
    assert!(
        m.js("return window.__progress").await?.as_i64().unwrap_or_default() >= 2000,
        "progress shown"
    );
    m.click("#import-apply").await?;
    m.wait_css("#import-done").await?;
    assert_eq!(m.text("#data-responses").await?, "5002");
    let used = |s: String| s.replace('.', "").parse::<i64>().unwrap_or_default();
    let before = used(m.text("#storage-used").await?);
    // Export 2025, pick the saved file again, then remove the year.
    m.wait_css("#archive-year").await?;
    assert_eq!(m.js("return document.querySelector('#archive-year').value").await?, "2025");
    assert!(m.js("return document.querySelector('#archive-remove').disabled").await? == Value::Bool(true));
    m.click("#archive-export").await?;
    let saved = m.download(".luu-tru-2025.json").await?;
    // A wrong file is refused: the year stays.
    m.pick_files("#archive-file", &[&path]).await?;
    m.wait_js("document.querySelector('#archive-msg').innerText.includes('không khớp')")
        .await?;
    m.pick_files("#archive-file", &[&saved]).await?;
    m.wait_js("document.querySelector('#archive-msg').innerText.includes('đầy đủ')")
        .await?;
    // Between the check and the removal, March's chunk changed (another tab's write, here a
    // damaged value): February goes, March stays and is named.
    let march = "motcua.resp.2025-03";
    let original = m.js(&format!("return localStorage.getItem('{march}')")).await?;
    assert!(original.is_string(), "March holds responses");
    m.js(&format!("localStorage.setItem('{march}', 'garbage')")).await?;
    m.click("#archive-remove").await?;
    m.wait_js("document.querySelector('#archive-msg').innerText.includes('Đã xóa')")
        .await?;
    assert!(
        m.text("#archive-msg").await?.contains("2025-03"),
        "{}",
        m.text("#archive-msg").await?
    );
    let keys = m.js("return Object.keys(localStorage)").await?.to_string();
    assert!(!keys.contains("motcua.resp.2025-02") && keys.contains(march), "{keys}");
    // March back as it was: exported again, checked, removed.
    m.js(&format!("localStorage.setItem('{march}', {original})")).await?;
    let first = std::env::temp_dir().join(format!("motcua-archive-first-{}.json", std::process::id()));
    std::fs::rename(&saved, &first)?;
    m.click("#archive-export").await?;
    let saved = m.download(".luu-tru-2025.json").await?;
    m.pick_files("#archive-file", &[&saved]).await?;
    m.wait_js("document.querySelector('#archive-msg').innerText.includes('đầy đủ')")
        .await?;
    m.click("#archive-remove").await?;
    m.wait_js("document.querySelector('#archive-msg').innerText.includes('Đã xóa') && !document.querySelector('#archive-msg').innerText.includes('2025-03')")
        .await?;
    assert_eq!(m.text("#data-responses").await?, "2");
    let after = used(m.text("#storage-used").await?);
    // 5 000 alike responses pack to a few hundred units; what matters is that the year's
    // chunks are gone and their space with them.
    assert!(after < before, "the year's responses freed their space: {before} → {after}");
    let stored = m.stored().await?;
    assert!(
        !stored.as_object().unwrap().keys().any(|k| k.starts_with("motcua.resp.2025")),
        "no 2025 chunk left"
    );
    m.js("document.querySelector('#archive').scrollIntoView()").await?;
    m.shot("5-archived-1280x800").await?;
    // The archive files bring the year back when imported.
    pick(&m, &[&first, &saved]).await?;
    assert_eq!(cell(&m, 0, "responses", "new").await?, 5000);
    assert_eq!(cell(&m, 1, "responses", "new").await?, 0, "the second archive is March again");
    std::fs::remove_file(&first).ok();
    std::fs::remove_file(&path).ok();
    m.close().await
}

#[tokio::test]
async fn a_future_stamped_deletion_is_held_until_a_person_applies_it() -> R {
    let srv = Server::start();
    let m = Browser::new("sync-held", TABLET_LANDSCAPE).await?;
    m.goto(&srv.url("/data")).await?;
    m.wait_css("#import-files").await?;
    let dir = std::env::temp_dir().join(format!("motcua-held-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let first = dir.join("phieu.json");
    std::fs::write(&first, export_file(vec![response(1, 1_764_000_000_000)], vec![]).to_string())?;
    pick(&m, &[&first]).await?;
    m.click("#import-apply").await?;
    m.wait_css("#import-done").await?;
    // An unknown tablet's file deletes it, stamped in 2099.
    let mut gone = response(1, 1_764_000_000_000);
    gone["deleted"] = json!(true);
    gone["updated_at"] = json!(4_070_908_800_000_i64);
    gone["device"] = json!("ext00002");
    let forged = dir.join("xoa.json");
    std::fs::write(&forged, export_file(vec![gone], vec![]).to_string())?;
    pick(&m, &[&forged]).await?;
    assert!(m.text(".file-preview .held-suspicious").await?.contains(": 1"));
    m.js("document.querySelector('#import').scrollIntoView()").await?;
    m.shot("5-held-1280x800").await?;
    m.click("#import-apply").await?;
    m.wait_css("#import-done").await?;
    let live = |rs: &[Value]| rs.iter().filter(|r| r["x"] != true).count();
    assert_eq!(live(&m.stored_responses().await?), 1, "not deleted by default");
    // A person looks and chooses to apply it.
    pick(&m, &[&forged]).await?;
    m.click("#import-release-held").await?;
    m.click("#import-apply").await?;
    m.wait_css("#import-done").await?;
    assert_eq!(live(&m.stored_responses().await?), 0);
    std::fs::remove_dir_all(&dir).ok();
    assert!(m.console_errors().await?.is_empty());
    m.close().await
}

#[tokio::test]
async fn the_last_import_is_undone_exactly() -> R {
    let srv = Server::start();
    let m = Browser::new("sync-undo", TABLET_LANDSCAPE).await?;
    name_device(&m, &srv, "Máy quầy", "1").await?;
    let a = m.receive(&srv, "TM-02", "Công ty Hoàn Tác").await?;
    m.receive(&srv, "TM-02", "Công ty Giữ Nguyên").await?;
    let before = m.stored_dossiers().await?;
    let by_code = |ds: &[Value], code: &str| ds.iter().find(|d| d["code"] == code).cloned();
    let original = by_code(&before, &a).ok_or("no dossier A")?;
    // An unknown tablet's file, stamped in 2099: A deleted, and a dossier this tablet never had.
    let mut gone = original.clone();
    gone["x"] = json!(true);
    gone["u"] = json!(4_070_908_800_000_i64);
    gone["d"] = json!("ext00002");
    let mut added = before.iter().find(|d| d["code"] != a.as_str()).cloned().ok_or("no dossier B")?;
    added["id"] = json!(format!("{:032x}", 77));
    added["code"] = json!("SCT-261201-0099");
    added["d"] = json!("ext00002");
    let dir = std::env::temp_dir().join(format!("motcua-undo-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let forged = dir.join("la.json");
    std::fs::write(&forged, export_file(vec![], vec![gone, added]).to_string())?;
    m.goto(&srv.url("/data")).await?;
    pick(&m, &[&forged]).await?;
    m.click("#import-release-held").await?;
    m.click("#import-apply").await?;
    m.wait_css("#import-done").await?;
    let after = m.stored_dossiers().await?;
    assert_eq!(
        by_code(&after, &a).map(|d| d["x"] == true),
        Some(true),
        "the forged deletion went in"
    );
    assert!(by_code(&after, "SCT-261201-0099").is_some());
    let receipt = m.text("#import-history").await?;
    assert!(receipt.contains("Xóa 1"), "a deletion is counted apart: {receipt}");

    // Undo, in two taps: A back exactly as it was, the added dossier gone.
    let summary = m.text("#undo-summary").await?;
    assert!(
        summary.contains("trả lại bản cũ 1") && summary.contains("bỏ bản ghi đã thêm 1"),
        "{summary}"
    );
    m.click("#undo-import").await?;
    m.js("document.querySelector('#undo').scrollIntoView()").await?;
    m.shot("6-undo-ask-1280x800").await?;
    m.click("#undo-confirm").await?;
    m.wait_css("#undo-done").await?;
    let undone = m.stored_dossiers().await?;
    assert_eq!(by_code(&undone, &a), Some(original), "the replaced dossier is back exactly");
    assert!(by_code(&undone, "SCT-261201-0099").is_none());
    assert_eq!(undone.len(), before.len());
    // Done once: nothing left to undo, also after a reload; the register shows A again.
    m.goto(&srv.url("/data")).await?;
    m.wait_css("#import-files").await?;
    assert!(m.js("return document.querySelector('#undo') === null").await? == true);
    m.goto(&srv.url("/dossiers")).await?;
    m.wait_js(&format!("document.body.innerText.includes('{a}')")).await?;
    std::fs::remove_dir_all(&dir).ok();
    assert!(m.console_errors().await?.is_empty());
    m.close().await
}

/// Issue 23: the export reminder follows the export. It read its date once per page load, so
/// it stayed up after a backup until the next reload.
#[tokio::test]
async fn the_export_reminder_goes_once_a_backup_is_made() -> R {
    let srv = Server::start();
    let b = Browser::new("export-reminder", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/staff")).await?;
    b.wait_css("#today-count").await?;
    // Ratings of a month ago, never exported: the reminder (7 days by default) is due.
    b.seed_ratings(3, 30 * 86_400_000, 11).await?;
    b.goto(&srv.url("/data")).await?;
    b.wait_css("#export-reminder").await?;
    // A backup (every record, with personal data), then back to the desk without a reload.
    b.click("#export-json").await?;
    b.wait_css("#export-done").await?;
    b.click(".topbar a[href='/staff']").await?;
    b.wait_css("#today-count").await?;
    b.wait_js("!document.querySelector('#export-reminder')").await?;
    b.close().await
}
