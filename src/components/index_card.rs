use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_core::format::{index_value, score};
use motcua_core::i18n::K;
use motcua_core::survey::index;

/// The satisfaction index over all responses on this device, with its formula, or "too few".
#[component]
pub fn IndexCard() -> impl IntoView {
    let st = use_app();
    let ix = Memo::new(move |_| {
        let book = st.book.get();
        st.responses.with(|rs| index::compute(rs.iter(), &book.versions))
    });
    let min_n = move || st.settings.with(|s| s.min_n);
    view! {
        <div class="card index-card" id="index-card">
            <h2>{tr(K::Index)}</h2>
            {move || {
                let ix = ix.get();
                if !index::shown(ix.n, min_n()) {
                    view! { <p class="muted" id="too-few">{tr(K::TooFew)}" (n = "{ix.n}" < "{min_n()}")"</p> }.into_any()
                } else {
                    view! {
                        <p class="big" id="index-value">{index_value(ix.overall)}</p>
                        <p>{tr(K::MeanScore)}": "{score(ix.mean_score)}" · n = "{ix.n}</p>
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
