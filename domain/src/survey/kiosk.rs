//! The citizen's walk through the survey, as a plain state machine the kiosk screen only calls.
//!
//! It owns the rules that matter for the desk: back is allowed, an idle citizen's half-filled
//! answers are discarded, and a response is handed out for saving exactly once however often
//! "submit" is tapped. The screens are the questionnaire's ([`Questionnaire::screens`]): a
//! screen of one question moves on when it is answered, a screen of several when "next" is
//! tapped.

use super::funnel::Ending;
use super::questionnaire::{Questionnaire, Row, REASONS_AT_MOST, SUGGESTION_MAX};
use super::response::{encode_answers, Response, NOT_APPLICABLE};
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
    /// The i-th of the questionnaire's screens ([`Questionnaire::screens`]).
    Screen(usize),
    /// Optional suggestion and dossier code, then submit.
    Comment,
    Thanks,
    /// Thanks after a one-tap rating, offering "Góp ý chi tiết" for a few seconds (and, after
    /// a low rating, the reasons).
    QuickThanks,
}

#[derive(Clone, Debug)]
pub struct KioskFlow {
    pub q: Questionnaire,
    /// The questionnaire's screens, made once per questionnaire.
    screens: Vec<Vec<Row>>,
    pub step: Step,
    pub answers: Vec<Option<u8>>,
    pub overall: Option<u8>,
    pub visits: Option<u8>,
    pub field: String,
    pub suggestion: String,
    pub code: String,
    /// The reasons tapped after a low one-tap rating (ids of `q.reasons`, in the order offered).
    pub reasons: Vec<String>,
    /// The officer the ratings are about (the last on duty at this tablet), when the unit
    /// chose to rate officers; empty otherwise. Kept across citizens, like the idle limit.
    pub officer: String,
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
            screens: q.screens(),
            q,
            step: Step::Welcome,
            answers: vec![None; n],
            overall: None,
            visits: None,
            field: String::new(),
            suggestion: String::new(),
            code: String::new(),
            reasons: Vec::new(),
            officer: String::new(),
            last_activity: now,
            idle_seconds: IDLE_SECONDS,
            amending: None,
            started_at: now,
            furthest: 0,
            ending: None,
        }
    }

    /// Ask another questionnaire (the editor published one); what was answered is forgotten.
    pub fn ask(&mut self, q: Questionnaire, now: Millis) {
        self.q = q;
        self.reset(now);
    }

    /// Whether a question is left out: after a one-tap rating, the overall question (already
    /// answered) and the ones the questionnaire does not want after it.
    fn skipped(&self, r: Row) -> bool {
        if self.amending.is_none() {
            return false;
        }
        let quick = self.q.quick;
        match r {
            Row::Overall => true,
            Row::Item(_) => !quick.items,
            Row::Visits => !quick.visits,
            Row::Field => !quick.field,
        }
    }

    /// The questions of screen `s` that are asked.
    fn rows_of(&self, s: usize) -> Vec<Row> {
        self.screens
            .get(s)
            .map(|rows| rows.iter().copied().filter(|r| !self.skipped(*r)).collect())
            .unwrap_or_default()
    }

    /// The questions on the screen shown (none outside the question screens).
    pub fn rows(&self) -> Vec<Row> {
        match self.step {
            Step::Screen(s) => self.rows_of(s),
            _ => Vec::new(),
        }
    }

    /// The screens asked, in order.
    fn shown(&self) -> Vec<usize> {
        (0..self.screens.len()).filter(|s| !self.rows_of(*s).is_empty()).collect()
    }

    /// Steps in order, for the progress bar: (current, total). Welcome is 0 / total; the
    /// comment screen and the thanks are total / total.
    pub fn progress(&self) -> (usize, usize) {
        let shown = self.shown();
        let total = shown.len() + 1;
        let cur = match self.step {
            Step::Welcome => 0,
            Step::Screen(s) => shown.iter().position(|x| *x == s).map_or(0, |p| p + 1),
            Step::Comment | Step::Thanks | Step::QuickThanks => total,
        };
        (cur, total)
    }

    fn next_step(&self) -> Step {
        let from = match self.step {
            Step::Welcome => 0,
            Step::Screen(s) => s + 1,
            other => return other,
        };
        self.shown().into_iter().find(|s| *s >= from).map_or(Step::Comment, Step::Screen)
    }

    fn previous_step(&self) -> Step {
        let before = match self.step {
            Step::Screen(s) => s,
            Step::Comment => self.screens.len(),
            other => return other,
        };
        self.shown()
            .into_iter()
            .rev()
            .find(|s| *s < before)
            .map_or(Step::Welcome, Step::Screen)
    }

    fn advance(&mut self) {
        self.step = self.next_step();
        self.reached();
    }

    pub fn start(&mut self, now: Millis) {
        self.reset(now);
        self.advance();
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

    /// The one-tap rating as it stands (its overall score, reasons and officer; no item
    /// answers, not even skips), stamped with `meta`.
    fn one_tap(&self, meta: Meta) -> Response {
        Response {
            digits: String::new(),
            ..self.response(meta)
        }
    }

    /// The response as it stands, stamped with `meta`.
    fn response(&self, meta: Meta) -> Response {
        Response {
            meta,
            version: self.q.version,
            digits: encode_answers(&self.answers),
            overall: self.overall.unwrap_or(0),
            visits: self.visits,
            field: self.field.clone(),
            suggestion: self.suggestion.trim().to_string(),
            dossier_code: self.code.clone(),
            reason_ids: self.reasons.join(","),
            officer: self.officer.clone(),
            extra: Default::default(),
        }
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
        Some(self.one_tap(meta))
    }

    /// Whether the thanks after a one-tap rating asks why: a rating of 1–3
    /// ([`REASONS_AT_MOST`]) and a questionnaire with reasons.
    pub fn offers_reasons(&self) -> bool {
        self.step == Step::QuickThanks && self.overall.is_some_and(|o| o <= REASONS_AT_MOST) && !self.q.reasons.is_empty()
    }

    /// A reason tapped (or tapped again, to take it back) after a low one-tap rating: the
    /// rating is saved again with it (the same response, amended). `None` when no reason is
    /// asked or the id is not one of the questionnaire's.
    pub fn toggle_reason(&mut self, id: &str, now: Now, device: &str) -> Option<Response> {
        if !self.offers_reasons() || !self.q.reasons.iter().any(|r| r.id == id) {
            return None;
        }
        self.last_activity = now.mono;
        let mut chosen = std::mem::take(&mut self.reasons);
        match chosen.iter().position(|r| r == id) {
            Some(p) => drop(chosen.remove(p)),
            None => chosen.push(id.to_string()),
        }
        // In the order offered, whatever the order tapped (no sort: the kiosk carries none).
        self.reasons = self
            .q
            .reasons
            .iter()
            .filter(|r| chosen.contains(&r.id))
            .map(|r| r.id.clone())
            .collect();
        let meta = {
            let m = self.amending.as_mut()?;
            m.touch(now.wall, device);
            m.clone()
        };
        Some(self.one_tap(meta))
    }

    /// "Góp ý chi tiết" after a one-tap rating: the questionnaire goes on, amending the same
    /// response when it is sent.
    pub fn continue_detailed(&mut self, now: Millis) {
        if self.step == Step::QuickThanks {
            self.last_activity = now;
            self.started_at = now;
            self.step = Step::Welcome;
            self.advance();
        }
    }

    /// Answer one question of the screen shown (a score, a visit count, "not applicable" on an
    /// item); a screen of that one question moves on.
    pub fn answer(&mut self, row: Row, value: u8, now: Millis) {
        self.last_activity = now;
        let rows = self.rows();
        if !rows.contains(&row) {
            return;
        }
        let ok = match row {
            Row::Item(i) => match self.answers.get_mut(i) {
                Some(a) if (1..=5).contains(&value) || value == NOT_APPLICABLE => {
                    *a = Some(value);
                    true
                }
                _ => false,
            },
            Row::Overall if (1..=5).contains(&value) => {
                self.overall = Some(value);
                true
            }
            Row::Visits if value <= 2 => {
                self.visits = Some(value);
                true
            }
            _ => false,
        };
        if ok && rows.len() == 1 {
            self.advance();
        }
    }

    /// Answer the first question of the screen shown (a screen of one question: its answer).
    pub fn choose(&mut self, value: u8, now: Millis) {
        if let Some(r) = self.rows().first() {
            self.answer(*r, value, now);
        }
    }

    /// Choose the field served and move on.
    pub fn choose_field(&mut self, field: &str, now: Millis) {
        self.last_activity = now;
        if self.rows().contains(&Row::Field) {
            self.field = field.to_string();
            self.advance();
        }
    }

    /// Answer "Không áp dụng" to the item of a one-item screen and move on.
    pub fn not_applicable(&mut self, now: Millis) {
        if let [r @ Row::Item(_)] = self.rows()[..] {
            self.answer(r, NOT_APPLICABLE, now);
        }
    }

    /// Move on: from a screen of several questions once they are answered (or not), from one
    /// question without an answer.
    pub fn skip(&mut self, now: Millis) {
        self.last_activity = now;
        if matches!(self.step, Step::Screen(_)) {
            self.advance();
        }
    }

    /// One screen back; back from the first screen returns to the start (the survey is
    /// abandoned there, and counted so).
    pub fn back(&mut self, now: Millis) {
        self.last_activity = now;
        if !matches!(self.step, Step::Screen(_) | Step::Comment) {
            return;
        }
        match self.previous_step() {
            Step::Welcome => self.abandon(now),
            s => self.step = s,
        }
    }

    /// "Về màn hình đầu" or idleness: the survey is dropped; how far it got is kept,
    /// anonymously, for the funnel (no answers).
    pub fn abandon(&mut self, now: Millis) {
        if matches!(self.step, Step::Screen(_) | Step::Comment) {
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

    /// The value chosen for a question, to highlight it (after "back", on a screen of rows).
    pub fn choice(&self, row: Row) -> Option<u8> {
        match row {
            Row::Item(i) => self.answers.get(i).copied().flatten(),
            Row::Overall => self.overall,
            Row::Visits => self.visits,
            Row::Field => None,
        }
    }

    /// The value chosen for the first question of the screen shown.
    pub fn current_choice(&self) -> Option<u8> {
        self.rows().first().and_then(|r| self.choice(*r))
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
        Some(self.response(meta))
    }

    /// A touch anywhere on the screen: the citizen is still there.
    pub fn touch(&mut self, now: Millis) {
        self.last_activity = now;
    }

    /// Back to the welcome screen with every answer forgotten.
    pub fn reset(&mut self, now: Millis) {
        let (idle, officer) = (self.idle_seconds, std::mem::take(&mut self.officer));
        *self = KioskFlow::new(self.q.clone(), now);
        self.idle_seconds = idle;
        self.officer = officer;
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
        assert_eq!(r.dossier_code, "SCT-261201-0001");
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
        assert_eq!(r.digits, "54321");
        assert_eq!((r.overall, r.visits), (4, Some(1)));
        assert_eq!(r.field, "Điện lực");
        assert_eq!(r.suggestion, "Cần thêm ghế");
        assert_eq!(r.dossier_code, "KH-1");
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
        assert_eq!(f.step, Step::Screen(1));
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
        assert_eq!(f.step, Step::Screen(1));
        f.set_comment(&"x".repeat(2000), "", 1);
        assert_eq!(f.suggestion.chars().count(), SUGGESTION_MAX);
        assert_eq!(f.progress(), (2, 9));
    }

    #[test]
    fn a_quick_rating_then_a_continued_survey_is_one_response() {
        let mut f = flow();
        let quick = f.quick(4, [7; 16], Now::same(1_000), "dev").expect("one tap saves at once");
        assert_eq!((quick.overall, quick.digits.as_str()), (4, ""), "no per-question placeholders");
        assert!(f.quick(5, [8; 16], Now::same(1_001), "dev").is_none(), "a double tap saves once");
        assert_eq!(f.step, Step::QuickThanks);
        f.continue_detailed(2_000);
        assert_eq!(f.step, Step::Screen(0));
        for v in [5, 4, 3] {
            f.choose(v, 3_000);
        }
        f.skip(3_000);
        f.skip(3_000);
        assert_eq!(f.step, Step::Screen(6), "the overall question is not asked again");
        f.skip(3_000);
        f.skip(3_000);
        let full = f.submit([9; 16], Now::same(10_000), "dev").unwrap();
        assert_eq!(full.meta.id, quick.meta.id, "the same response, amended");
        assert_eq!(full.meta.created_at, quick.meta.created_at);
        assert!(full.meta.updated_at > quick.meta.updated_at);
        assert_eq!((full.overall, full.digits.as_str()), (4, "54300"));
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
        assert_eq!(g.step, Step::Screen(6));
        g.skip(2);
        assert_eq!(g.step, Step::Comment);
        q.quick.enabled = false;
        let mut h = KioskFlow::new(q, 0);
        assert!(h.quick(5, [1; 16], Now::same(0), "d").is_none());
    }

    /// The shipped questionnaire, one group a screen.
    fn grouped() -> KioskFlow {
        KioskFlow::new(Questionnaire::seed(), 0)
    }

    #[test]
    fn the_seed_asks_a_group_a_screen_in_eight_screens() {
        let mut f = grouped();
        f.start(0);
        assert_eq!(f.progress(), (1, 8), "5 groups, overall + visits, field, comment");
        assert_eq!(f.rows(), (0..5).map(Row::Item).collect::<Vec<_>>(), "group I, 5 items");
        // A row's face does not move on; each row keeps its own answer.
        f.answer(Row::Item(0), 5, 1);
        f.answer(Row::Item(3), 2, 1);
        f.answer(Row::Item(4), NOT_APPLICABLE, 1);
        f.answer(Row::Item(7), 5, 1); // not on this screen: ignored
        f.answer(Row::Item(1), 9, 1); // not a score: ignored
        assert_eq!(f.step, Step::Screen(0));
        assert_eq!((f.choice(Row::Item(0)), f.choice(Row::Item(3))), (Some(5), Some(2)));
        f.skip(2);
        assert_eq!(f.rows(), (5..9).map(Row::Item).collect::<Vec<_>>());
        for _ in 0..4 {
            f.skip(3);
        }
        assert_eq!(f.rows(), vec![Row::Overall, Row::Visits]);
        f.answer(Row::Overall, 4, 4);
        f.answer(Row::Visits, 1, 4);
        assert_eq!(f.step, Step::Screen(5), "two questions: next is tapped");
        f.skip(5);
        f.choose_field("Điện lực", 6);
        assert_eq!((f.step, f.progress()), (Step::Comment, (8, 8)));
        f.back(7);
        f.back(7);
        assert_eq!(f.choice(Row::Visits), Some(1), "back keeps the answers");
        let mut f2 = f.clone();
        f2.skip(8);
        f2.skip(8);
        let r = f2.submit([1; 16], Now::same(9), "d").unwrap();
        assert_eq!(r.digits, "50026000000000000000");
        assert_eq!((r.overall, r.visits, r.field.as_str()), (4, Some(1), "Điện lực"));
        // Back from the first screen abandons the survey at screen 1.
        f.start(10);
        f.back(11);
        assert_eq!(f.step, Step::Welcome);
    }

    #[test]
    fn after_a_quick_rating_the_grouped_survey_asks_visits_alone() {
        let mut f = grouped();
        f.quick(2, [1; 16], Now::same(0), "d").unwrap();
        f.continue_detailed(1);
        for _ in 0..5 {
            f.skip(2);
        }
        assert_eq!(f.rows(), vec![Row::Visits], "overall already given");
        f.choose(0, 3);
        assert_eq!(f.rows(), vec![Row::Field], "one question: answered moves on");
        assert_eq!(f.progress(), (7, 8));
    }

    #[test]
    fn a_low_quick_rating_asks_why_and_each_tap_saves_the_same_response() {
        let mut f = grouped();
        f.officer = "Nguyễn Văn A".into();
        let first = f.quick(2, [1; 16], Now::same(0), "d").unwrap();
        assert_eq!(first.officer, "Nguyễn Văn A", "the officer is carried");
        assert!(f.offers_reasons());
        let a = f.toggle_reason("seats", Now::same(1_000), "d").unwrap();
        let b = f.toggle_reason("wait", Now::same(2_000), "d").unwrap();
        assert_eq!(
            (a.meta.id.as_str(), b.meta.id.as_str()),
            (first.meta.id.as_str(), first.meta.id.as_str())
        );
        assert!(b.meta.updated_at > a.meta.updated_at);
        assert_eq!(b.reason_ids, "wait,seats", "in the order offered");
        assert_eq!(b.reasons().collect::<Vec<_>>(), ["wait", "seats"]);
        assert_eq!(
            f.toggle_reason("wait", Now::same(3_000), "d").unwrap().reason_ids,
            "seats",
            "tapped again: taken back"
        );
        assert!(f.toggle_reason("nope", Now::same(3_000), "d").is_none(), "not one of the reasons");
        assert_eq!((b.digits.as_str(), b.overall), ("", 2));
        // The survey that goes on keeps the reasons; the next citizen starts without them but
        // with the same officer.
        f.continue_detailed(4_000);
        while f.step != Step::Comment {
            f.skip(4_000);
        }
        let full = f.submit([2; 16], Now::same(5_000), "d").unwrap();
        assert_eq!((full.reason_ids.as_str(), full.meta.id.as_str()), ("seats", first.meta.id.as_str()));
        f.start(6_000);
        assert!(f.reasons.is_empty());
        assert_eq!(f.officer, "Nguyễn Văn A");
        // A good rating is not asked why.
        let mut g = grouped();
        g.quick(4, [3; 16], Now::same(0), "d").unwrap();
        assert!(!g.offers_reasons());
        assert!(g.toggle_reason("wait", Now::same(1), "d").is_none());
    }

    #[test]
    fn submit_before_the_end_is_refused() {
        let mut f = flow();
        f.start(0);
        assert!(f.submit([1; 16], Now::same(1), "d").is_none());
    }
}
