//! Bytes packed into text that localStorage keeps exactly: 15 bits per character.
//!
//! The browser counts its quota in UTF-16 units, whatever the character, so a unit should carry
//! as many bits as it safely can. Every character written here is one of U+3000..=U+AFFF: one
//! UTF-16 unit, never a surrogate (U+D800..U+DFFF, which a Rust string cannot hold and a lone
//! one would be mangled), never a control character or a quote that JSON would escape. Base64
//! would carry 6 bits a unit; this carries 15.

/// The first code point used; a 15-bit value `v` is written as `BASE + v`.
const BASE: u32 = 0x3000;
const BITS: u32 = 15;

/// `bytes` as characters (15 bits each, the last one padded with zeros).
pub fn pack(bytes: &[u8]) -> String {
    let mut out = String::with_capacity((bytes.len() * 8).div_ceil(BITS as usize) * 3);
    let (mut acc, mut n) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        n += 8;
        if n >= BITS {
            n -= BITS;
            push(&mut out, (acc >> n) & 0x7fff);
            acc &= (1 << n) - 1;
        }
    }
    if n > 0 {
        push(&mut out, (acc << (BITS - n)) & 0x7fff);
    }
    out
}

fn push(out: &mut String, v: u32) {
    // BASE + v ≤ 0xAFFF is always a scalar value; the fallback is never taken.
    out.push(char::from_u32(BASE + v).unwrap_or('\u{3000}'));
}

/// The first `len` bytes packed in `text`; `None` when a character is out of range or the text
/// is too short (a value that is not ours, or was cut).
pub fn unpack(text: &str, len: usize) -> Option<Vec<u8>> {
    // `len` is the stored value's word: reserve no more than the text can hold (a damaged
    // length must not abort the page by asking for the whole address space).
    let mut out = Vec::with_capacity(len.min(text.len().saturating_mul(2)));
    let (mut acc, mut n) = (0u32, 0u32);
    for c in text.chars() {
        let v = u32::from(c).checked_sub(BASE).filter(|v| *v < 0x8000)?;
        acc = (acc << BITS) | v;
        n += BITS;
        while n >= 8 && out.len() < len {
            n -= 8;
            out.push((acc >> n) as u8);
            acc &= (1 << n) - 1;
        }
    }
    (out.len() == len).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fifteen_bits_a_unit() {
        let bytes: Vec<u8> = (0..=255).collect();
        let text = pack(&bytes);
        assert_eq!(text.encode_utf16().count(), (256 * 8usize).div_ceil(15));
        assert!(text.chars().all(|c| ('\u{3000}'..='\u{AFFF}').contains(&c)));
        assert_eq!(unpack(&text, 256).unwrap(), bytes);
        assert_eq!(unpack(&text, usize::MAX), None, "a damaged length reserves nothing huge");
        // JSON leaves these characters as they are (no escapes).
        assert_eq!(serde_json::to_string(&text).unwrap().len(), text.len() + 2);
    }

    #[test]
    fn foreign_or_cut_text_is_refused() {
        assert_eq!(unpack("abc", 2), None);
        let text = pack(&[1, 2, 3, 4]);
        assert_eq!(unpack(&text, 9), None);
        assert_eq!(unpack("", 0), Some(vec![]));
    }

    proptest! {
        #[test]
        fn round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let text = pack(&bytes);
            prop_assert_eq!(unpack(&text, bytes.len()), Some(bytes));
        }
    }
}
