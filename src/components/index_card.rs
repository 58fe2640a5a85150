use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::format::{index_value, score, share};
use motcua_domain::i18n::K;
use motcua_domain::survey::index;

/// The satisfaction index over the desk's window (the last 12 months) on this device, with its
/// formula, or "too few".
#[component]
pub fn IndexCard() -> impl IntoView {
    let st = use_app();
    let ix = Memo::new(move |_| {
        let book = st.book.get();
        st.responses
            .with(|rs| motcua_domain::survey::desk::window_index(rs, &book.versions, crate::platform::now_millis()))
    });
    let min_n = move || st.settings.with(|s| s.min_n);
    view! {
        <div class="card index-card" id="index-card">
            <h2>{tr(K::Index)}" · "{tr(K::Last12Months)}</h2>
            {move || {
                let ix = ix.get();
                let overall = ix.overall_question;
                let overall_view = if index::shown(overall.valid, min_n()) {
                    view! { <p id="overall-measure">{tr(K::OverallMeasure)}": "<strong>{share(u64::from(overall.satisfied), u64::from(overall.valid))}</strong>" · n = "{overall.valid}</p> }.into_any()
                } else {
                    view! { <p class="muted" id="overall-measure">{tr(K::OverallMeasure)}": "{tr(K::TooFew)}" (n = "{overall.valid}")"</p> }.into_any()
                };
                if !index::shown(ix.n_items, min_n()) {
                    view! { {overall_view}<p class="muted" id="too-few">{tr(K::ItemIndex)}": "{tr(K::TooFew)}" (n = "{ix.n_items}" < "{min_n()}")"</p> }.into_any()
                } else {
                    view! {
                        {overall_view}
                        <p>{tr(K::ItemIndex)}</p>
                        <p class="big" id="index-value">{index_value(ix.overall)}</p>
                        <p>{tr(K::MeanScore)}": "{score(ix.mean_score)}" · n = "<span id="index-n">{ix.n_items}</span></p>
                        <table class="groups">
                            {ix.groups.iter().map(|(g, v)| {
                                let title = st.book.with(|b| b.current().groups.iter().find(|x| &x.id == g).map(|x| x.title.get(st.lang()).to_string())).unwrap_or_else(|| g.clone());
                                view! { <tr><td>{title}</td><td class="num">{index_value(*v)}</td></tr> }
                            }).collect_view()}
                        </table>
                    }.into_any()
                }
            }}
            <details>
                <summary>{tr(K::Formula)}</summary>
                <p class="formula">{tr(K::IndexFormula)}</p>
            </details>
        </div>
    }
}
