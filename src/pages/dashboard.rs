//! Managers' overview: the index and responses per day as a chart.

use crate::charts;
use crate::components::index_card::IndexCard;
use crate::components::Page;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_core::i18n::K;

/// The dashboard. Breakdowns and the official report text come with the dashboard issue.
#[component]
pub fn Dashboard() -> impl IntoView {
    let st = use_app();
    let svg = Memo::new(move |_| {
        let days = st.responses.with(|rs| {
            charts::per_day(
                rs.iter().filter(|r| !r.meta.deleted).map(|r| r.meta.created_at),
                30,
                crate::platform::now_millis(),
            )
        });
        charts::bar_chart(
            &days,
            if st.lang() == motcua_core::Lang::Vi {
                "Số phiếu 30 ngày qua"
            } else {
                "Responses, last 30 days"
            },
        )
    });
    view! {
        <Page title=K::NavDashboard>
            <div class="cards">
                <IndexCard />
                // The SVG comes from our own chart code, never from user text.
                <div class="card chart" id="chart-per-day" inner_html=move || svg.get()></div>
            </div>
        </Page>
    }
}
