//! The staff PIN: kept only as a salted PBKDF2-HMAC-SHA256 hash (the `pbkdf2` crate), with a
//! growing delay after repeated wrong tries so that a citizen cannot guess it at the counter.
//! PINs stored by earlier builds (a hand-rolled iterated SHA-256) still open the tablet and are
//! stored again as PBKDF2 at that unlock ([`PinHash::needs_upgrade`]).

use crate::record::Millis;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The earlier builds' iterated SHA-256: read, never written.
const LEGACY_ROUNDS: u32 = 20_000;
/// PBKDF2 iterations: twice the earlier work, so that the unlock stays within its 400 ms on a
/// cheap tablet (issue 22). The wrong-try delay, not the hash, is what stops guessing at the
/// counter; the hash keeps the PIN out of a copied store (SECURITY.md).
pub const PBKDF2_ROUNDS: u32 = 20_000;
/// Wrong tries allowed before the first delay.
pub const FREE_TRIES: u32 = 3;
/// First delay, doubled after each further wrong try (capped at 15 minutes).
pub const BASE_DELAY_MS: Millis = 30_000;
/// The longest delay: even a clock set backwards cannot lock staff out for longer.
pub const MAX_DELAY_MS: Millis = 15 * 60 * 1000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash {
    pub salt: String,
    pub hash: String,
    /// PBKDF2's iterations; absent in a hash of the earlier builds (iterated SHA-256).
    #[serde(default, rename = "pbkdf2", skip_serializing_if = "Option::is_none")]
    pub pbkdf2_rounds: Option<u32>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn legacy_digest(salt: &str, pin: &str) -> String {
    let mut h: [u8; 32] = Sha256::digest(format!("{salt}:{pin}").as_bytes()).into();
    for _ in 0..LEGACY_ROUNDS {
        h = Sha256::digest(h).into();
    }
    hex(&h)
}

fn pbkdf2_digest(salt: &str, pin: &str, rounds: u32) -> String {
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(pin.as_bytes(), salt.as_bytes(), rounds, &mut out);
    hex(&out)
}

/// A PIN is 4 to 8 digits.
pub fn valid_pin(pin: &str) -> bool {
    (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

impl PinHash {
    pub fn new(pin: &str, salt_bytes: [u8; 16]) -> Self {
        let salt = hex(&salt_bytes);
        PinHash {
            hash: pbkdf2_digest(&salt, pin, PBKDF2_ROUNDS),
            salt,
            pbkdf2_rounds: Some(PBKDF2_ROUNDS),
        }
    }

    pub fn verify(&self, pin: &str) -> bool {
        let got = match self.pbkdf2_rounds {
            // A stored count out of reason (a damaged or forged value) opens nothing.
            Some(r) if !(1_000..=10_000_000).contains(&r) => return false,
            Some(r) => pbkdf2_digest(&self.salt, pin, r),
            None => legacy_digest(&self.salt, pin),
        };
        got == self.hash
    }

    /// Whether a PIN that just opened the tablet should be stored again (an earlier build's
    /// hash, or other iterations than today's).
    pub fn needs_upgrade(&self) -> bool {
        self.pbkdf2_rounds != Some(PBKDF2_ROUNDS)
    }
}

/// Wrong-try bookkeeping, persisted so that a reload does not reset the delay.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempts {
    pub failures: u32,
    pub locked_until: Millis,
}

impl Attempts {
    /// The stricter of two records of the wrong tries (the stored one, the session's, the
    /// page's memory): one that could not be written never loosens the delay.
    pub fn stricter(self, other: Attempts) -> Attempts {
        Attempts {
            failures: self.failures.max(other.failures),
            locked_until: self.locked_until.max(other.locked_until),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinCheck {
    Ok,
    Wrong,
    /// The stored PIN cannot be read (damaged, or from a newer build): the tablet stays locked
    /// and no PIN opens it (SECURITY.md, "A PIN that cannot be read").
    Unreadable,
    /// Too many wrong tries: wait this many seconds.
    Wait(i64),
}

impl Attempts {
    /// Check a PIN, honouring and updating the delay.
    pub fn check(&mut self, hash: &PinHash, pin: &str, now: Millis) -> PinCheck {
        // A clock moved backwards would stretch the wait; it never exceeds the longest delay.
        if self.locked_until - now > MAX_DELAY_MS {
            self.locked_until = now + MAX_DELAY_MS;
        }
        if now < self.locked_until {
            return PinCheck::Wait((self.locked_until - now + 999) / 1000);
        }
        if hash.verify(pin) {
            *self = Attempts::default();
            return PinCheck::Ok;
        }
        self.failures += 1;
        if self.failures >= FREE_TRIES {
            let extra = (self.failures - FREE_TRIES).min(5);
            let delay = (BASE_DELAY_MS << extra).min(MAX_DELAY_MS);
            self.locked_until = now + delay;
        }
        PinCheck::Wrong
    }
}

/// Why a PIN change was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinChangeError {
    /// The current PIN is wrong (or a wait is running).
    Current(PinCheck),
    Invalid,
    Mismatch,
}

impl PinCheck {
    /// What the PIN pad says when the PIN did not open the tablet (nothing when it did).
    pub fn msg(self) -> Option<crate::i18n::Msg> {
        use crate::i18n::{Msg, K};
        match self {
            PinCheck::Ok => None,
            PinCheck::Wrong => Some(K::PinWrong.into()),
            PinCheck::Unreadable => Some(K::PinUnreadable.into()),
            PinCheck::Wait(s) => Some(Msg::new(K::PinWait).arg(s)),
        }
    }
}

impl PinChangeError {
    pub fn msg(self) -> crate::i18n::Msg {
        use crate::i18n::K;
        match self {
            PinChangeError::Current(check) => check.msg().unwrap_or_else(|| K::PinWrong.into()),
            PinChangeError::Invalid => K::PinInvalid.into(),
            PinChangeError::Mismatch => K::PinMismatch.into(),
        }
    }
}

/// Change the staff PIN: the current PIN (when there is one) first, through the same wrong-try
/// delay as unlocking, then the new one twice.
pub fn change_pin(
    current: Option<&PinHash>,
    attempts: &mut Attempts,
    old: &str,
    new: &str,
    repeat: &str,
    salt: [u8; 16],
    now: Millis,
) -> Result<PinHash, PinChangeError> {
    if let Some(h) = current {
        match attempts.check(h, old, now) {
            PinCheck::Ok => {}
            other => return Err(PinChangeError::Current(other)),
        }
    }
    if !valid_pin(new) {
        return Err(PinChangeError::Invalid);
    }
    if new != repeat {
        return Err(PinChangeError::Mismatch);
    }
    Ok(PinHash::new(new, salt))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stricter_record_of_wrong_tries_wins() {
        let a = Attempts {
            failures: 5,
            locked_until: 10,
        };
        let b = Attempts {
            failures: 2,
            locked_until: 30,
        };
        assert_eq!(
            a.clone().stricter(b.clone()),
            Attempts {
                failures: 5,
                locked_until: 30
            }
        );
        assert_eq!(
            b.stricter(a.clone()),
            a.clone().stricter(Attempts::default()).stricter(Attempts {
                failures: 0,
                locked_until: 30
            })
        );
    }

    #[test]
    fn a_pin_is_pbkdf2_and_an_earlier_builds_hash_still_opens_and_asks_for_an_upgrade() {
        let h = PinHash::new("2468", [1; 16]);
        assert!(h.verify("2468") && !h.verify("2469") && !h.needs_upgrade());
        // PBKDF2-HMAC-SHA256 itself (RFC 7914's test vector, one iteration, first 32 bytes).
        let mut out = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha256>(b"passwd", b"salt", 1, &mut out);
        assert_eq!(hex(&out), "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        // A hash stored by the earlier builds: no iterations field.
        let old: PinHash = serde_json::from_str(&format!(r#"{{"salt":"00ff","hash":"{}"}}"#, legacy_digest("00ff", "1357"))).unwrap();
        assert!(old.verify("1357") && !old.verify("1358") && old.needs_upgrade());
        // Stored and read back, today's hash keeps its iterations; a forged count opens nothing.
        let back: PinHash = serde_json::from_str(&serde_json::to_string(&h).unwrap()).unwrap();
        assert_eq!(back, h);
        let forged = PinHash {
            pbkdf2_rounds: Some(1),
            ..h.clone()
        };
        assert!(!forged.verify("2468"));
    }

    #[test]
    fn a_pin_change_asks_the_current_pin_and_the_new_one_twice() {
        let h = PinHash::new("2468", [1; 16]);
        let mut at = Attempts::default();
        assert_eq!(
            change_pin(Some(&h), &mut at, "1111", "1357", "1357", [2; 16], 0),
            Err(PinChangeError::Current(PinCheck::Wrong))
        );
        assert_eq!(
            change_pin(Some(&h), &mut at, "2468", "12", "12", [2; 16], 1),
            Err(PinChangeError::Invalid)
        );
        assert_eq!(
            change_pin(Some(&h), &mut at, "2468", "1357", "1358", [2; 16], 2),
            Err(PinChangeError::Mismatch)
        );
        let new = change_pin(Some(&h), &mut at, "2468", "1357", "1357", [2; 16], 3).unwrap();
        assert!(new.verify("1357") && !new.verify("2468"));
        // Guessing the current PIN goes through the same delay as unlocking.
        for t in 0..3 {
            change_pin(Some(&h), &mut at, "0000", "1357", "1357", [2; 16], 10 + t).ok();
        }
        assert!(matches!(
            change_pin(Some(&h), &mut at, "2468", "1357", "1357", [2; 16], 20),
            Err(PinChangeError::Current(PinCheck::Wait(_)))
        ));
        // No PIN yet: creating one needs only the new one twice.
        assert!(change_pin(None, &mut Attempts::default(), "", "9999", "9999", [3; 16], 0).is_ok());
    }

    #[test]
    fn a_clock_set_backwards_cannot_lock_staff_out_longer_than_the_longest_delay() {
        let h = PinHash::new("2468", [1; 16]);
        let mut at = Attempts {
            failures: 8,
            locked_until: 1_000_000_000_000 + MAX_DELAY_MS,
        };
        // The tablet's clock now reads a year earlier.
        let now = 1_000_000_000_000 - 365 * 86_400_000;
        assert_eq!(at.check(&h, "2468", now), PinCheck::Wait(MAX_DELAY_MS / 1000));
        assert_eq!(at.check(&h, "2468", now + MAX_DELAY_MS), PinCheck::Ok);
    }

    #[test]
    fn hash_is_salted_and_verifies() {
        let a = PinHash::new("2468", [1; 16]);
        let b = PinHash::new("2468", [2; 16]);
        assert_ne!(a.hash, b.hash, "same PIN, different salt");
        assert!(!a.hash.contains("2468"));
        assert!(a.verify("2468"));
        assert!(!a.verify("2469"));
    }

    #[test]
    fn pin_format() {
        assert!(valid_pin("1234"));
        assert!(valid_pin("12345678"));
        assert!(!valid_pin("123"));
        assert!(!valid_pin("12a4"));
    }

    #[test]
    fn repeated_wrong_tries_are_delayed() {
        let h = PinHash::new("2468", [1; 16]);
        let mut at = Attempts::default();
        assert_eq!(at.check(&h, "0000", 0), PinCheck::Wrong);
        assert_eq!(at.check(&h, "0000", 1), PinCheck::Wrong);
        assert_eq!(at.check(&h, "0000", 2), PinCheck::Wrong);
        assert_eq!(at.check(&h, "2468", 3), PinCheck::Wait(30), "even the right PIN waits");
        assert_eq!(at.check(&h, "2468", 2 + BASE_DELAY_MS), PinCheck::Ok);
        assert_eq!(at, Attempts::default());
    }

    #[test]
    fn delay_doubles() {
        let h = PinHash::new("2468", [1; 16]);
        let mut at = Attempts {
            failures: 3,
            locked_until: 0,
        };
        at.check(&h, "1", 0);
        assert_eq!(at.locked_until, 2 * BASE_DELAY_MS);
    }
}
