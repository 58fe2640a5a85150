//! The receipt's QR code read at the kiosk (issue 26): a frame of the camera as grey levels
//! (`read_qr`, with `rqrr`, feature `qr`: built into the scan module only), and the text it
//! holds taken as a dossier code (`scanned_code`). The receipt (Mẫu 01) and the result slip
//! encode the dossier code alone (`worklist::qr_svg`).

/// The largest frame read (a 4K camera's): a bigger one is not decoded.
pub const MAX_PIXELS: usize = 3840 * 2160;

/// The text of the first QR code found in a `width` × `height` frame of grey levels (row by
/// row, one byte a pixel); `None` when there is none, the frame is too large, or short.
#[cfg(feature = "qr")]
pub fn read_qr(width: usize, height: usize, luma: &[u8]) -> Option<String> {
    let pixels = width.checked_mul(height)?;
    if pixels == 0 || pixels > MAX_PIXELS || luma.len() < pixels {
        return None;
    }
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
    img.detect_grids().into_iter().find_map(|g| g.decode().ok().map(|(_, text)| text))
}

/// A scanned text as a dossier code: trimmed and upper case, letters, digits, `.` and `-`,
/// 3 to 40 of them (the codes this app makes and the province's, `dossier::code`); `None` for
/// anything else (a web address, a product's barcode text), which the kiosk says it cannot use.
pub fn scanned_code(text: &str) -> Option<String> {
    let code = text.trim().to_ascii_uppercase();
    let ok = (3..=40).contains(&code.chars().count()) && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    ok.then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_receipts_code_is_taken_and_other_texts_are_not() {
        assert_eq!(scanned_code(" sct-261201-0001\n").as_deref(), Some("SCT-261201-0001"));
        assert_eq!(
            scanned_code("000.00.15.H34-261201-0001").as_deref(),
            Some("000.00.15.H34-261201-0001")
        );
        for bad in ["https://example.com/x", "", "ab", "a b c", "<script>", &"X".repeat(41)] {
            assert_eq!(scanned_code(bad), None, "{bad}");
        }
    }

    #[cfg(feature = "qr")]
    #[test]
    fn a_frame_showing_the_receipts_qr_reads_back_to_the_code() {
        let code = qrcode::QrCode::with_error_correction_level(b"SCT-261201-0001", qrcode::EcLevel::M).unwrap();
        let (w, colors) = (code.width(), code.to_colors());
        // 640 x 480, white, the code drawn 8 px a module with its quiet zone, a little off centre.
        let (fw, fh, scale, left, top) = (640usize, 480usize, 8usize, 150usize, 70usize);
        let mut frame = vec![235u8; fw * fh];
        for y in 0..w * scale {
            for x in 0..w * scale {
                if colors[(y / scale) * w + x / scale] == qrcode::Color::Dark {
                    frame[(top + y) * fw + left + x] = 20;
                }
            }
        }
        assert_eq!(read_qr(fw, fh, &frame).as_deref(), Some("SCT-261201-0001"));
        assert_eq!(read_qr(fw, fh, &vec![235; fw * fh]), None, "a blank frame");
        assert_eq!(read_qr(fw, fh, &frame[..100]), None, "a short frame");
        assert_eq!(read_qr(usize::MAX, 2, &frame), None);
    }
}
