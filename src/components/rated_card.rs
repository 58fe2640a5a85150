//! Ratings joined to their dossiers (`report::rated`): how many returned dossiers were rated,
//! and satisfaction by timeliness, procedure, division and channel, each with its n (the
//! share hidden under the anonymity threshold, the n always shown).

use super::report_parts::Scope;
use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::format::share;
use motcua_domain::i18n::{t, K};
use motcua_domain::report::rated::rated;
use motcua_domain::survey::index::{shown, Tally};

#[component]
pub fn RatedCard(scope: Scope) -> impl IntoView {
    let st = use_app();
    let r = scope.figure(|data, period, filter, lookup, _| rated(data, period, filter, lookup));
    // Each row: its group (for the eye and for tests), its label and its tally.
    let rows = move || {
        let lang = st.lang();
        let r = r.get();
        let mut out: Vec<(&'static str, String, Tally)> = vec![
            ("timeliness", t(lang, K::RowLate).to_string(), r.late),
            ("timeliness", t(lang, K::RatedInTime).to_string(), r.in_time),
        ];
        out.extend(r.by_procedure.into_iter().map(|(p, x)| ("procedure", p, x)));
        out.extend(r.by_division.into_iter().map(|(d, x)| ("division", d, x)));
        out.extend(r.by_channel.into_iter().map(|(c, x)| ("channel", c.label(lang).to_string(), x)));
        out
    };
    let cell = move |x: Tally| {
        let n = x.valid;
        if shown(n, st.settings.with(|s| s.min_n)) {
            format!("{} (n = {n})", share(u64::from(x.satisfied), u64::from(n)))
        } else {
            format!("— (n = {n})")
        }
    };
    let group = move |g: &str| {
        t(
            st.lang(),
            match g {
                "timeliness" => K::RatedByTimeliness,
                "procedure" => K::Procedure,
                "division" => K::Division,
                _ => K::Channel,
            },
        )
    };
    view! {
        <div class="card" id="rated-card">
            <h2>{tr(K::RatedTitle)}</h2>
            <p id="rated-share">{tr(K::RatedShare)}": "<strong>{move || r.with(|r| share(r.returned_rated, r.returned))}</strong>
                {move || r.with(|r| format!(" ({} / {})", r.returned_rated, r.returned))}
                " · "{tr(K::RatedUnmatched)}": "<span id="rated-unmatched">{move || r.with(|r| r.unmatched)}</span></p>
            <table class="list" id="rated-table">
                <thead><tr><th></th><th></th><th>{tr(K::RatedSatisfied)}</th></tr></thead>
                <tbody>{move || rows().into_iter().map(|(g, label, x)| view! {
                    <tr data-group=g><td class="muted">{group(g)}</td><td>{label}</td><td class="num">{cell(x)}</td></tr>
                }).collect_view()}</tbody>
            </table>
        </div>
    }
}
