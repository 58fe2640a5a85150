//! Why citizens rated low and whom the ratings are about (issue 26): the reasons tapped after
//! one-tap ratings of 1–3 in the period (`report::breakdown::reasons`), and satisfaction per
//! officer on duty (`report::breakdown::by_officer`), shown only when the unit rates officers,
//! each officer's figures hidden under the anonymity threshold.

use super::report_parts::Scope;
use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::format::{score, share};
use motcua_domain::i18n::{t, K};
use motcua_domain::report::breakdown::{by_officer, reasons};

#[component]
pub fn ReasonsCard(scope: Scope) -> impl IntoView {
    let st = use_app();
    let x = scope.figure(|data, period, filter, lookup, _| reasons(data, period, filter, lookup));
    view! {
        <div class="card" id="reasons-card">
            <h2>{tr(K::ReasonsTitle)}</h2>
            <Show when=move || x.with(|x| x.low > 0) fallback=|| view! { <p class="muted">{tr(K::ReasonsNone)}</p> }>
                <p id="reasons-low">{tr(K::ReasonsLow)}": "<strong>{move || x.with(|x| x.low)}</strong>
                    ", "{tr(K::ReasonsExplained)}": "{move || x.with(|x| format!("{} ({})", x.explained, share(x.explained, x.low)))}</p>
                <table class="list" id="reasons-table">
                    <tbody>{move || x.get().counts.into_iter().map(|(id, text, n)| view! {
                        <tr data-reason=id><td>{text.get(st.lang()).to_string()}</td><td class="num">{n}</td></tr>
                    }).collect_view()}</tbody>
                </table>
            </Show>
        </div>
    }
}

#[component]
pub fn OfficerCard(scope: Scope) -> impl IntoView {
    let st = use_app();
    let rows = scope.figure(by_officer);
    let cell = move |n: u32, x: Option<motcua_domain::survey::index::Tally>| match x {
        Some(x) => format!("{} · {} (n = {n})", share(u64::from(x.satisfied), u64::from(n)), score(x.mean())),
        None => format!("{} (n = {n})", t(st.lang(), K::OfficerHidden)),
    };
    view! {
        <div class="card" id="officer-card">
            <h2>{tr(K::OfficerTitle)}</h2>
            <table class="list" id="officer-table">
                <thead><tr><th></th><th>{tr(K::OfficerSatisfied)}</th></tr></thead>
                <tbody>{move || rows.get().into_iter().map(|(name, n, x)| view! {
                    <tr><td>{name}</td><td class="num">{cell(n, x)}</td></tr>
                }).collect_view()}</tbody>
            </table>
        </div>
    }
}
