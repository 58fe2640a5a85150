use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_core::format::decimal;
use motcua_core::i18n::K;
use motcua_core::survey::index::{self, FORMULA_EN, FORMULA_VI};
use motcua_core::Lang;

/// The satisfaction index over all responses on this device, with its formula, or "too few".
#[component]
pub fn IndexCard() -> impl IntoView {
    let st = use_app();
    let ix = Memo::new(move |_| {
        let book = st.book.get();
        st.responses.with(|rs| index::compute(rs.iter(), &book.versions))
    });
    let min_n = move || st.settings.with(|s| s.min_n);
    let pct = |x: Option<f64>| x.map_or("—".to_string(), |v| format!("{}%", decimal(v, 2)));
    view! {
        <div class="card index-card" id="index-card">
            <h2>{tr(K::Index)}</h2>
            {move || {
                let ix = ix.get();
                if !index::shown(ix.n, min_n()) {
                    view! { <p class="muted" id="too-few">{tr(K::TooFew)}" (n = "{ix.n}" < "{min_n()}")"</p> }.into_any()
                } else {
                    view! {
                        <p class="big" id="index-value">{pct(ix.overall)}</p>
                        <p>{tr(K::MeanScore)}": "{ix.mean_score.map_or("—".into(), |m| decimal(m, 2))}" · n = "{ix.n}</p>
                        <table class="groups">
                            {ix.groups.iter().map(|(g, v)| {
                                let title = st.book.with(|b| b.current().groups.iter().find(|x| &x.id == g).map(|x| x.title.get(st.lang()).to_string())).unwrap_or_else(|| g.clone());
                                view! { <tr><td>{title}</td><td class="num">{pct(*v)}</td></tr> }
                            }).collect_view()}
                        </table>
                    }.into_any()
                }
            }}
            <details>
                <summary>{tr(K::Formula)}</summary>
                <p class="formula">{move || if st.lang() == Lang::Vi { FORMULA_VI } else { FORMULA_EN }}</p>
            </details>
        </div>
    }
}
