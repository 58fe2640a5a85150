//! AppState's reading side: the records read after the first screen (newest month first, a
//! few chunks between frames, with progress) and the background packing of chunks an earlier
//! build or an ended month left unpacked.

use crate::platform::now_millis;
use crate::state::AppState;
use crate::storage;
use leptos::prelude::*;
use motcua_domain::dossier::Dossier;
use motcua_domain::record::ListEdit;
use motcua_domain::survey::response::Response;
use motcua_formats::codec::stage::{Needs, Screen};
use motcua_formats::codec::{self, Kind};
use motcua_formats::sync::merge;

/// How far the records are read and packed: every load flag in one place. Staff screens wait
/// on it (`app::early`); the kiosk's start never does.
#[derive(Clone, Copy)]
pub struct Loading {
    /// Every record is read (`AppState::load_history`).
    all_read: RwSignal<bool>,
    /// The months each early screen needs (`codec::stage::Screen`: desk, worklist, the
    /// dashboard's table, its cards) are read: it is shown while older months are still read.
    ready: RwSignal<[bool; Screen::ALL.len()]>,
    /// Chunks read so far and in all, while the records are read.
    pub reading: RwSignal<(usize, usize)>,
    /// Chunks packed so far and in all, while older data is converted to the compact form.
    pub packing: RwSignal<(usize, usize)>,
}

impl Loading {
    pub fn new() -> Loading {
        Loading {
            all_read: RwSignal::new(false),
            ready: RwSignal::new([false; Screen::ALL.len()]),
            reading: RwSignal::new((0, 0)),
            packing: RwSignal::new((0, 0)),
        }
    }

    /// Whether every record is read (tracked).
    pub fn all_read(&self) -> bool {
        self.all_read.get()
    }

    /// Whether every record is read, outside any view (not tracked).
    pub fn all_read_now(&self) -> bool {
        self.all_read.get_untracked()
    }

    /// Whether a screen's months are read (or everything is).
    pub fn is_ready(&self, screen: Screen) -> bool {
        self.all_read.get() || self.ready.with(|r| r[screen as usize])
    }

    /// A screen's months are read: it can be shown (see `app::early`).
    fn set_ready(&self, screen: Screen) {
        self.ready.update(|r| r[screen as usize] = true);
        crate::platform::mark(&format!("ready-{screen:?}"));
    }
}

impl Default for Loading {
    fn default() -> Loading {
        Loading::new()
    }
}

/// Chunks read newest month first, as one list oldest month first (emptied).
fn oldest_first<T>(chunks: &mut Vec<Vec<T>>) -> Vec<T> {
    std::mem::take(chunks).into_iter().rev().flatten().collect()
}

impl AppState {
    /// Read every record (merged into what this tab already holds), newest month first, a
    /// chunk at a time between frames: a decade takes seconds to read, and meanwhile the kiosk
    /// answers taps and staff see how far it got. Then pack, the same way, the chunks an
    /// earlier build or an ended month left unpacked.
    pub fn load_history(&self) {
        let st = *self;
        leptos::task::spawn_local(async move {
            let now = now_millis();
            let month = codec::period_of(now);
            // What the screen on show needs first (`codec::stage`), then what the other early
            // screens need, then the rest, newest month first. A screen is shown once its
            // months are read (`AppState::ready`), the other staff screens when everything is.
            let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
            let order = Needs::order(Screen::of_route(motcua_domain::paths::route_of(crate::platform::base(), &path)));
            let needs = Needs::at(now);
            let mut keys: Vec<(Kind, String, String, usize)> = [Kind::Response, Kind::Dossier]
                .into_iter()
                .flat_map(|k| storage::chunk_keys(k).into_iter().map(move |(key, m)| (k, key, m)))
                .map(|(k, key, m)| {
                    let rank = needs.rank(&order, k, &m, || storage::chunk_settled::<Dossier>(k, &key));
                    (k, key, m, rank)
                })
                .collect();
            keys.sort_by(|a, b| a.3.cmp(&b.3).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
            // Where each screen's stage ends (its last chunk's position + 1).
            let ends: Vec<(Screen, usize)> = order
                .iter()
                .enumerate()
                .map(|(p, s)| (*s, keys.iter().filter(|k| k.3 <= p).count()))
                .collect();
            for (s, _) in ends.iter().filter(|(_, end)| *end == 0) {
                st.loading.set_ready(*s);
            }
            let total = keys.len();
            crate::platform::mark("history-start");
            let (mut responses, mut dossiers) = (Vec::new(), Vec::new());
            let (mut problems, mut stale) = (Vec::new(), Vec::new());
            for (i, (kind, key, period, _)) in keys.into_iter().enumerate() {
                let old = match kind {
                    Kind::Response => storage::load_one::<Response>(kind, &key, &period, &month).map(|(r, old)| {
                        responses.push(r);
                        old
                    }),
                    Kind::Dossier => storage::load_one::<Dossier>(kind, &key, &period, &month).map(|(d, old)| {
                        dossiers.push(d);
                        old
                    }),
                };
                match old {
                    Ok(true) => stale.push(key),
                    Ok(false) => {}
                    Err(p) => problems.extend(p),
                }
                st.loading.reading.set((i + 1, total));
                if ends.iter().any(|(_, end)| *end == i + 1) {
                    // What is read so far, oldest month first, into what this tab holds: the
                    // screens whose months are read can show it while older months are read.
                    // A kind with nothing new is not touched: its screens need not recompute.
                    let (rs, ds) = (oldest_first(&mut responses), oldest_first(&mut dossiers));
                    if !rs.is_empty() {
                        st.responses.update(|x| merge::apply(x, rs));
                    }
                    if !ds.is_empty() {
                        st.edit_dossiers(|x| {
                            merge::apply(x, ds);
                            ListEdit::Any
                        });
                    }
                    for (s, _) in ends.iter().filter(|(_, end)| *end == i + 1) {
                        st.loading.set_ready(*s);
                    }
                    crate::platform::yield_now().await;
                } else if i % 4 == 3 {
                    crate::platform::yield_now().await;
                }
            }
            // Oldest month first again, as a full read always gave them (the months of the early
            // stages, already held, come after the older ones in the merge).
            let (responses, dossiers) = (oldest_first(&mut responses), oldest_first(&mut dossiers));
            st.responses.update(|rs| {
                let mine = std::mem::replace(rs, responses);
                merge::apply(rs, mine);
            });
            st.edit_dossiers(|ds| {
                let mine = std::mem::replace(ds, dossiers);
                merge::apply(ds, mine);
                ListEdit::Any
            });
            if !problems.is_empty() {
                st.problems.update(|ps| ps.append(&mut problems));
            }
            st.loading.all_read.set(true);
            st.redate_after_upgrade();
            crate::platform::mark("history-read");
            st.retry_durable().await;
            st.pack(stale).await;
        });
    }

    /// The kiosk's work after its first screen. It reads no history: a citizen's screen needs
    /// none, and a look-up reads the months it needs (`AppState::find_dossier`). Responses
    /// that waited for space are retried. It packs nothing (issue 22: the kiosk carries no
    /// packer): the staff app packs the tails at its start (`storage::load_one`).
    pub fn settle_kiosk(&self) {
        let st = *self;
        leptos::task::spawn_local(async move { st.retry_durable().await });
    }

    /// Responses that waited for space when a tab was closed: counted and retried.
    async fn retry_durable(self) {
        let kept: Vec<Response> = crate::session::stashed_durable(Kind::Response).await;
        if !kept.is_empty() {
            self.durable_held.set_value(true);
            self.responses.update(|rs| merge::apply(rs, kept.clone()));
            self.pending.update(|p| merge::apply(p, kept));
            self.flush_pending();
        }
    }

    /// Pack the given chunks of either kind one at a time, with progress for staff.
    async fn pack(self, stale: Vec<String>) {
        self.pack_with(stale, |key| match codec::parse_chunk_key(key) {
            Some((Kind::Dossier, _)) => storage::pack_chunk::<Dossier>(Kind::Dossier, key),
            _ => storage::pack_chunk::<Response>(Kind::Response, key),
        })
        .await
    }

    /// Pack the given chunks with `pack_one`, one at a time, with progress for staff.
    async fn pack_with(self, stale: Vec<String>, pack_one: impl Fn(&str) -> Result<(), storage::StoreError>) {
        if stale.is_empty() {
            return;
        }
        let total = stale.len();
        self.loading.packing.set((0, total));
        for (i, key) in stale.into_iter().enumerate() {
            crate::platform::yield_now().await;
            // A chunk that cannot be packed now (storage refused) stays readable as it is and
            // is tried again at the next start.
            pack_one(&key).ok();
            self.loading.packing.set((i + 1, total));
        }
        self.measure_used(true);
    }
}
