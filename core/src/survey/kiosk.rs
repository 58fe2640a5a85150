//! The citizen's walk through the survey, as a plain state machine the kiosk screen only calls.
//!
//! It owns the rules that matter for the desk: back is allowed, an idle citizen's half-filled
//! answers are discarded, and a response is handed out for saving exactly once however often
//! "submit" is tapped.

use super::funnel::Ending;
use super::questionnaire::{Questionnaire, SUGGESTION_MAX};
use super::response::{encode_answers, Response};
use crate::record::{Meta, Millis};

/// The two clocks of a moment: the wall clock stamps the record (when it was given); the
/// monotonic one (the page's, which no clock change moves) times idleness and the survey's
/// length. Every other method of [`KioskFlow`] takes the monotonic time alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub wall: Millis,
    pub mono: Millis,
}

impl Now {
    /// One time for both (tests; a clock that does not move).
    pub fn same(t: Millis) -> Now {
        Now { wall: t, mono: t }
    }
}

/// Default seconds without a touch after which a started survey is discarded.
pub const IDLE_SECONDS: i64 = 60;
/// Seconds the thank-you screen stays before the welcome screen returns.
pub const THANKS_SECONDS: i64 = 6;
/// Seconds the thanks after a one-tap rating offers to go on before the welcome returns.
pub const QUICK_OFFER_SECONDS: i64 = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Welcome,
    /// The i-th active item.
    Item(usize),
    Overall,
    Visits,
    /// Procedure / field served.
    Field,
    /// Optional suggestion and dossier code, then submit.
    Comment,
    Thanks,
    /// Thanks after a one-tap rating, offering "Góp ý chi tiết" for a few seconds.
    QuickThanks,
}

#[derive(Clone, Debug)]
pub struct KioskFlow {
    pub q: Questionnaire,
    pub step: Step,
    pub answers: Vec<Option<u8>>,
    pub overall: Option<u8>,
    pub visits: Option<u8>,
    pub field: String,
    pub suggestion: String,
    pub code: String,
    /// Last touch, or when the thank-you screen appeared.
    pub last_activity: Millis,
    /// Idle limit in seconds (a setting; [`IDLE_SECONDS`] by default).
    pub idle_seconds: i64,
    /// The one-tap response this survey amends (same id, later `updated_at`).
    pub amending: Option<Meta>,
    /// When the questionnaire was started, and the furthest screen reached (for the funnel).
    pub started_at: Millis,
    pub furthest: usize,
    /// How the last survey ended, for the screen to record (taken once).
    pub ending: Option<Ending>,
}

impl KioskFlow {
    pub fn new(q: Questionnaire, now: Millis) -> Self {
        let n = q.active_items().count();
        KioskFlow {
            q,
            step: Step::Welcome,
            answers: vec![None; n],
            overall: None,
            visits: None,
            field: String::new(),
            suggestion: String::new(),
            code: String::new(),
            last_activity: now,
            idle_seconds: IDLE_SECONDS,
            amending: None,
            started_at: now,
            furthest: 0,
            ending: None,
        }
    }

    /// Whether a screen is left out: after a one-tap rating, the overall question (already
    /// answered) and the screens the questionnaire does not want after it.
    fn skipped(&self, s: Step) -> bool {
        if self.amending.is_none() {
            return false;
        }
        let quick = self.q.quick;
        match s {
            Step::Overall => true,
            Step::Item(_) => !quick.items,
            Step::Visits => !quick.visits,
            Step::Field => !quick.field,
            _ => false,
        }
    }

    fn item_count(&self) -> usize {
        self.answers.len()
    }

    /// Steps in order, for the progress bar: (current, total). Welcome and Thanks are 0 / total.
    pub fn progress(&self) -> (usize, usize) {
        let total = self.item_count() + 4;
        let cur = match self.step {
            Step::Welcome => 0,
            Step::Item(i) => i + 1,
            Step::Overall => self.item_count() + 1,
            Step::Visits => self.item_count() + 2,
            Step::Field => self.item_count() + 3,
            Step::Comment => self.item_count() + 4,
            Step::Thanks | Step::QuickThanks => total,
        };
        (cur, total)
    }

    fn next_step(&self) -> Step {
        let mut s = self.following(self.step);
        while self.skipped(s) {
            s = self.following(s);
        }
        s
    }

    fn following(&self, step: Step) -> Step {
        match step {
            Step::Welcome if self.item_count() > 0 => Step::Item(0),
            Step::Welcome => Step::Overall,
            Step::Item(i) if i + 1 < self.item_count() => Step::Item(i + 1),
            Step::Item(_) => Step::Overall,
            Step::Overall => Step::Visits,
            Step::Visits => Step::Field,
            Step::Field => Step::Comment,
            Step::Comment | Step::Thanks | Step::QuickThanks => step,
        }
    }

    pub fn start(&mut self, now: Millis) {
        self.reset(now);
        self.step = self.next_step();
        self.reached();
    }

    /// Start the survey tied to a dossier (its code scanned from the receipt, `survey::scan`):
    /// the response carries the code, which the last screen shows and the citizen may clear.
    pub fn start_for(&mut self, code: &str, now: Millis) {
        self.start(now);
        self.code = code.trim().chars().take(40).collect();
    }

    fn reached(&mut self) {
        self.furthest = self.furthest.max(self.progress().0);
    }

    /// One tap on a face of the welcome screen: the overall rating is saved at once (the
    /// response is returned the first time only; a double tap saves once).
    pub fn quick(&mut self, score: u8, random: [u8; 16], now: Now, device: &str) -> Option<Response> {
        if self.step != Step::Welcome || !self.q.quick.enabled || !(1..=5).contains(&score) {
            return None;
        }
        self.reset(now.mono);
        let meta = Meta::new(random, now.wall, device);
        self.amending = Some(meta.clone());
        self.overall = Some(score);
        self.step = Step::QuickThanks;
        self.ending = Some(Ending::Quick { version: self.q.version });
        Some(Response {
            meta,
            q: self.q.version,
            a: String::new(),
            o: score,
            v: None,
            p: String::new(),
            s: String::new(),
            k: String::new(),
            extra: Default::default(),
        })
    }

    /// "Góp ý chi tiết" after a one-tap rating: the questionnaire goes on, amending the same
    /// response when it is sent.
    pub fn continue_detailed(&mut self, now: Millis) {
        if self.step == Step::QuickThanks {
            self.last_activity = now;
            self.started_at = now;
            self.step = Step::Welcome;
            self.step = self.next_step();
            self.reached();
        }
    }

    /// Answer the current question (a score, a visit count or a field index) and move on.
    pub fn choose(&mut self, value: u8, now: Millis) {
        self.last_activity = now;
        match self.step {
            Step::Item(i) => {
                if let Some(a) = self.answers.get_mut(i) {
                    *a = Some(value);
                }
            }
            Step::Overall => self.overall = Some(value),
            Step::Visits => self.visits = Some(value),
            _ => return,
        }
        self.step = self.next_step();
        self.reached();
    }

    /// Choose the field served and move on.
    pub fn choose_field(&mut self, field: &str, now: Millis) {
        self.last_activity = now;
        if self.step == Step::Field {
            self.field = field.to_string();
            self.step = self.next_step();
            self.reached();
        }
    }

    /// Answer "Không áp dụng" to the current item (only items offer it) and move on.
    pub fn not_applicable(&mut self, now: Millis) {
        if matches!(self.step, Step::Item(_)) {
            self.choose(super::response::NOT_APPLICABLE, now);
        }
    }

    /// Skip the current question without an answer.
    pub fn skip(&mut self, now: Millis) {
        self.last_activity = now;
        if !matches!(self.step, Step::Comment | Step::Thanks | Step::Welcome | Step::QuickThanks) {
            self.step = self.next_step();
            self.reached();
        }
    }

    fn preceding(&self, step: Step) -> Step {
        match step {
            Step::Item(0) => Step::Welcome,
            Step::Item(i) => Step::Item(i - 1),
            Step::Overall if self.item_count() > 0 => Step::Item(self.item_count() - 1),
            Step::Overall => Step::Welcome,
            Step::Visits => Step::Overall,
            Step::Field => Step::Visits,
            Step::Comment => Step::Field,
            s => s,
        }
    }

    /// One screen back; back from the first screen returns to the start (the survey is
    /// abandoned there, and counted so).
    pub fn back(&mut self, now: Millis) {
        self.last_activity = now;
        let mut s = self.preceding(self.step);
        while self.skipped(s) {
            s = self.preceding(s);
        }
        if s == Step::Welcome && !matches!(self.step, Step::Welcome | Step::Thanks | Step::QuickThanks) {
            self.abandon(now);
        } else {
            self.step = s;
        }
    }

    /// "Về màn hình đầu" or idleness: the survey is dropped; how far it got is kept,
    /// anonymously, for the funnel (no answers).
    pub fn abandon(&mut self, now: Millis) {
        if matches!(
            self.step,
            Step::Item(_) | Step::Overall | Step::Visits | Step::Field | Step::Comment
        ) {
            self.ending = Some(Ending::Abandoned {
                version: self.q.version,
                reached: self.furthest as u32,
                seconds: ((self.last_activity - self.started_at) / 1000).max(0) as u32,
            });
        }
        let ending = self.ending.take();
        self.reset(now);
        self.ending = ending;
    }

    /// How the last survey ended, once.
    pub fn take_ending(&mut self) -> Option<Ending> {
        self.ending.take()
    }

    /// The value already chosen for the current step, to highlight it after "back".
    pub fn current_choice(&self) -> Option<u8> {
        match self.step {
            Step::Item(i) => self.answers.get(i).copied().flatten(),
            Step::Overall => self.overall,
            Step::Visits => self.visits,
            _ => None,
        }
    }

    /// Keep the text fields, cut to their limits (characters, not bytes).
    pub fn set_comment(&mut self, suggestion: &str, code: &str, now: Millis) {
        self.last_activity = now;
        self.suggestion = suggestion.chars().take(SUGGESTION_MAX).collect();
        self.code = code.trim().chars().take(40).collect();
    }

    /// Finish: returns the response to save the first time only; every later call (a double
    /// tap, a repeated click) returns `None`.
    pub fn submit(&mut self, random: [u8; 16], now: Now, device: &str) -> Option<Response> {
        if self.step != Step::Comment {
            return None;
        }
        self.step = Step::Thanks;
        self.last_activity = now.mono;
        self.ending = Some(Ending::Completed {
            version: self.q.version,
            seconds: ((now.mono - self.started_at) / 1000).max(0) as u32,
            after_quick: self.amending.is_some(),
        });
        let meta = match self.amending.take() {
            Some(mut m) => {
                m.touch(now.wall, device);
                m
            }
            None => Meta::new(random, now.wall, device),
        };
        Some(Response {
            meta,
            q: self.q.version,
            a: encode_answers(&self.answers),
            o: self.overall.unwrap_or(0),
            v: self.visits,
            p: self.field.clone(),
            s: self.suggestion.trim().to_string(),
            k: self.code.clone(),
            extra: Default::default(),
        })
    }

    /// A touch anywhere on the screen: the citizen is still there.
    pub fn touch(&mut self, now: Millis) {
        self.last_activity = now;
    }

    /// Back to the welcome screen with every answer forgotten.
    pub fn reset(&mut self, now: Millis) {
        let idle = self.idle_seconds;
        *self = KioskFlow::new(self.q.clone(), now);
        self.idle_seconds = idle;
    }

    /// Called by a timer: discards a survey left idle, and leaves the thank-you screen after a
    /// few seconds. Returns whether anything changed.
    pub fn tick(&mut self, now: Millis) -> bool {
        let idle = (now - self.last_activity) / 1000;
        let expired = match self.step {
            Step::Welcome => false,
            Step::Thanks => idle >= THANKS_SECONDS,
            Step::QuickThanks => idle >= QUICK_OFFER_SECONDS,
            _ => idle >= self.idle_seconds,
        };
        if expired {
            self.abandon(now);
        }
        expired
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_survey_started_from_a_scanned_receipt_carries_its_code() {
        let mut f = KioskFlow::new(Questionnaire::short(), 0);
        f.start_for(" SCT-261201-0001 ", 0);
        assert_ne!(f.step, Step::Welcome);
        while f.step != Step::Comment {
            f.skip(1);
        }
        let r = f.submit([1; 16], Now::same(2), "d").unwrap();
        assert_eq!(r.k, "SCT-261201-0001");
        // The next citizen starts without it.
        f.start(3);
        assert!(f.code.is_empty());
    }

    #[test]
    fn a_wall_clock_jump_neither_resets_nor_times_the_survey() {
        let mut f = KioskFlow::new(Questionnaire::short(), 0);
        f.start(0);
        while f.step != Step::Comment {
            let before = f.step;
            f.choose(5, 1_000);
            if f.step == before {
                f.skip(1_000);
            }
        }
        // The wall clock jumped a day ahead meanwhile; the page's clock says 20 s went by.
        assert!(!f.tick(20_000), "no idle reset");
        let r = f
            .submit(
                [1; 16],
                Now {
                    wall: 86_400_000,
                    mono: 20_000,
                },
                "d",
            )
            .unwrap();
        assert_eq!(r.meta.created_at, 86_400_000, "stamped by the wall clock");
        assert!(
            matches!(f.ending, Some(Ending::Completed { seconds: 20, .. })),
            "timed by the page's clock"
        );
    }

    fn flow() -> KioskFlow {
        KioskFlow::new(Questionnaire::short(), 0)
    }

    fn walk(f: &mut KioskFlow) {
        f.start(0);
        for v in [5, 4, 3, 2, 1] {
            f.choose(v, 1);
        }
        f.choose(4, 1);
        f.choose(1, 1);
        f.choose_field("Điện lực", 1);
        f.set_comment("  Cần thêm ghế  ", " KH-1 ", 1);
    }

    #[test]
    fn a_full_walk_gives_one_response() {
        let mut f = flow();
        walk(&mut f);
        assert_eq!(f.step, Step::Comment);
        let r = f.submit([3; 16], Now::same(10), "dev").expect("first submit saves");
        assert_eq!(r.a, "54321");
        assert_eq!((r.o, r.v), (4, Some(1)));
        assert_eq!(r.p, "Điện lực");
        assert_eq!(r.s, "Cần thêm ghế");
        assert_eq!(r.k, "KH-1");
        assert_eq!(f.step, Step::Thanks);
        assert!(f.submit([4; 16], Now::same(11), "dev").is_none(), "double submit saves nothing");
    }

    #[test]
    fn back_keeps_answers_and_can_change_them() {
        let mut f = flow();
        f.start(0);
        f.choose(5, 1);
        f.choose(4, 1);
        f.back(2);
        assert_eq!(f.step, Step::Item(1));
        assert_eq!(f.current_choice(), Some(4));
        f.choose(2, 3);
        assert_eq!(f.answers[1], Some(2));
        f.back(4);
        f.back(4);
        f.back(4);
        assert_eq!(f.step, Step::Welcome);
    }

    #[test]
    fn idle_survey_is_discarded_and_thanks_resets() {
        let mut f = flow();
        f.start(0);
        f.choose(5, 1000);
        assert!(!f.tick(1000 + (IDLE_SECONDS - 1) * 1000));
        assert!(f.tick(1000 + IDLE_SECONDS * 1000));
        assert_eq!(f.step, Step::Welcome);
        assert!(f.answers.iter().all(|a| a.is_none()), "answers forgotten");
        walk(&mut f);
        f.submit([1; 16], Now::same(50_000), "d").unwrap();
        assert!(!f.tick(50_000 + 1000));
        assert!(f.tick(50_000 + THANKS_SECONDS * 1000));
        assert_eq!(f.step, Step::Welcome);
        assert!(!f.tick(10_000_000), "welcome never times out");
    }

    #[test]
    fn idle_limit_is_a_setting_that_survives_reset() {
        let mut f = flow();
        f.idle_seconds = 10;
        f.start(0);
        assert!(f.tick(10_000));
        assert_eq!(f.idle_seconds, 10);
    }

    #[test]
    fn skip_and_limits() {
        let mut f = flow();
        f.start(0);
        f.skip(1);
        assert_eq!(f.step, Step::Item(1));
        f.set_comment(&"x".repeat(2000), "", 1);
        assert_eq!(f.suggestion.chars().count(), SUGGESTION_MAX);
        assert_eq!(f.progress(), (2, 9));
    }

    #[test]
    fn a_quick_rating_then_a_continued_survey_is_one_response() {
        let mut f = flow();
        let quick = f.quick(4, [7; 16], Now::same(1_000), "dev").expect("one tap saves at once");
        assert_eq!((quick.o, quick.a.as_str()), (4, ""), "no per-question placeholders");
        assert!(f.quick(5, [8; 16], Now::same(1_001), "dev").is_none(), "a double tap saves once");
        assert_eq!(f.step, Step::QuickThanks);
        f.continue_detailed(2_000);
        assert_eq!(f.step, Step::Item(0));
        for v in [5, 4, 3] {
            f.choose(v, 3_000);
        }
        f.skip(3_000);
        f.skip(3_000);
        assert_eq!(f.step, Step::Visits, "the overall question is not asked again");
        f.skip(3_000);
        f.skip(3_000);
        let full = f.submit([9; 16], Now::same(10_000), "dev").unwrap();
        assert_eq!(full.meta.id, quick.meta.id, "the same response, amended");
        assert_eq!(full.meta.created_at, quick.meta.created_at);
        assert!(full.meta.updated_at > quick.meta.updated_at);
        assert_eq!((full.o, full.a.as_str()), (4, "54300"));
        assert!(matches!(
            f.take_ending(),
            Some(Ending::Completed {
                after_quick: true,
                seconds: 8,
                ..
            })
        ));
    }

    #[test]
    fn the_quick_offer_times_out_and_the_editor_can_turn_it_off_or_choose_what_follows() {
        let mut f = flow();
        f.quick(2, [7; 16], Now::same(0), "dev").unwrap();
        assert!(!f.tick((QUICK_OFFER_SECONDS - 1) * 1000));
        assert!(f.tick(QUICK_OFFER_SECONDS * 1000));
        assert_eq!(f.step, Step::Welcome);
        let mut q = Questionnaire::short();
        q.quick.items = false;
        q.quick.field = false;
        let mut g = KioskFlow::new(q.clone(), 0);
        g.quick(5, [1; 16], Now::same(0), "d").unwrap();
        g.continue_detailed(1);
        assert_eq!(g.step, Step::Visits);
        g.skip(2);
        assert_eq!(g.step, Step::Comment);
        q.quick.enabled = false;
        let mut h = KioskFlow::new(q, 0);
        assert!(h.quick(5, [1; 16], Now::same(0), "d").is_none());
    }

    #[test]
    fn submit_before_the_end_is_refused() {
        let mut f = flow();
        f.start(0);
        assert!(f.submit([1; 16], Now::same(1), "d").is_none());
    }
}
