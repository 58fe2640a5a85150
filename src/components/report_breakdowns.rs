//! The dashboard's breakdowns: by group and item (with the distribution of answers), by day
//! and hour of the week, late dossiers by division, and the latest suggestions. Figures are
//! `core::report::breakdown`; these only lay them out.

use super::report_parts::{ChartCard, Scope};
use super::tr;
use crate::charts;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::format::{index_value, thousands};
use motcua_domain::i18n::{t, K};
use motcua_domain::report::breakdown;

const WEEKDAYS: [K; 7] = [K::Mon, K::Tue, K::Wed, K::Thu, K::Fri, K::Sat, K::Sun];

/// Group indices and item percentages of the current questionnaire, and the distribution chart.
#[component]
pub fn ItemsCard(scope: Scope) -> impl IntoView {
    let st = use_app();
    let Scope {
        period, filter, lookup, ..
    } = scope;
    let data = Memo::new(move |_| {
        let min_n = st.settings.with(|s| s.min_n);
        let current = st.book.with(|b| b.current().clone());
        scope.records(|data| breakdown::items(data, &current, &period.get(), &filter.get(), &lookup.get(), min_n))
    });
    let text = move |group: &str, item: Option<&str>| {
        st.book.with(|b| {
            let g = b.current().groups.iter().find(|g| g.id == group);
            match item {
                None => g.map(|g| g.title.get(st.lang()).to_string()),
                Some(i) => g
                    .and_then(|g| g.items.iter().find(|x| x.id == i))
                    .map(|x| x.text.get(st.lang()).to_string()),
            }
            .unwrap_or_default()
        })
    };
    let svg = Memo::new(move |_| {
        let rows = data.with(|d| d.1.clone());
        let labels: Vec<String> = rows.iter().map(|r| r.item.clone()).collect();
        let names = [K::Scale1, K::Scale2, K::Scale3, K::Scale4, K::Scale5].map(|k| t(st.lang(), k));
        let series: Vec<(&str, Vec<u64>)> = (0..5)
            .map(|v| (names[v], rows.iter().map(|r| u64::from(r.distribution[v])).collect()))
            .collect();
        charts::stacked_with(
            &labels,
            &series,
            t(st.lang(), K::Distribution),
            t(st.lang(), K::Responses),
            &charts::FIVE,
            None,
        )
    });
    view! {
        <div class="card" id="items-card">
            <h2>{tr(K::ByGroupAndItem)}</h2>
            <table class="list items-table">
                <thead><tr><th></th><th>{tr(K::Index)}</th><th>"n"</th></tr></thead>
                <tbody>
                    {move || { let (groups, rows) = data.get(); groups.into_iter().map(|(g, v)| {
                        let items: Vec<_> = rows.iter().filter(|r| r.group == g).cloned().collect();
                        view! {
                            <tr class="total"><th>{text(&g, None)}</th><td class="num">{index_value(v)}</td><td></td></tr>
                            {items.into_iter().map(|r| view! {
                                <tr class="sub" data-item=r.item.clone()><th>{r.item.clone()}". "{text(&r.group, Some(&r.item))}</th><td class="num">{index_value(r.percent)}</td><td class="num">{thousands(u64::from(r.n))}</td></tr>
                            }).collect_view()}
                        }
                    }).collect_view() }}
                </tbody>
            </table>
        </div>
        <ChartCard id="chart-distribution" svg=svg.into() file=Signal::derive(move || { let p = period.get(); format!("bieu-do-phan-bo-tra-loi-{}.svg", p.file_tag()) }) />
    }
}

/// Responses per day and by hour of the week.
#[component]
pub fn TimeCharts(scope: Scope) -> impl IntoView {
    let st = use_app();
    let Scope {
        period, filter, lookup, ..
    } = scope;
    let per_day = Memo::new(move |_| {
        let days = scope.records(|data| breakdown::per_day(data, &period.get(), &filter.get(), &lookup.get()));
        if days.iter().all(|d| d.1 == 0) {
            String::from("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        } else {
            charts::bar_chart(&days, t(st.lang(), K::ChartPerDay))
        }
    });
    let heat = Memo::new(move |_| {
        let min_n = st.settings.with(|s| s.min_n);
        let grid = scope.records(|data| breakdown::hour_weekday(data, &period.get(), &filter.get(), &lookup.get(), min_n));
        charts::heat_map(
            &grid,
            WEEKDAYS.map(|k| t(st.lang(), k)),
            t(st.lang(), K::ChartHeat),
            t(st.lang(), K::Hour),
        )
    });
    let file = move |what: &'static str| {
        Signal::derive(move || {
            let p = period.get();
            format!("bieu-do-{what}-{}.svg", p.file_tag())
        })
    };
    view! {
        <ChartCard id="chart-per-day" svg=per_day.into() file=file("phieu-theo-ngay") />
        <ChartCard id="chart-heat" svg=heat.into() file=file("phieu-theo-gio") />
    }
}

/// Late dossiers by the division that caused the delay.
#[component]
pub fn LateByDivision(scope: Scope) -> impl IntoView {
    let rows = scope.figure(|data, period, filter, lookup, _| breakdown::late_by_division(data, period, filter, lookup));
    view! {
        <div class="card" id="late-by-division">
            <h2>{tr(K::LateByDivision)}</h2>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=|| view! { <p class="muted">{tr(K::NoData)}</p> }>
                <table class="list"><tbody>
                    {move || rows.get().into_iter().map(|(d, n)| view! { <tr><th>{d}</th><td class="num">{thousands(n)}</td></tr> }).collect_view()}
                </tbody></table>
            </Show>
        </div>
    }
}

/// The latest suggestions of the period, filtered by a word.
#[component]
pub fn SuggestionsCard(scope: Scope) -> impl IntoView {
    let Scope {
        period, filter, lookup, ..
    } = scope;
    let query = RwSignal::new(String::new());
    let rows = Memo::new(move |_| {
        scope.records(|data| breakdown::suggestions(data, &period.get(), &filter.get(), &lookup.get(), &query.get(), 30))
    });
    // The report's last card is on screen: read by the benchmark that opens the dashboard.
    Effect::new(move |_| crate::platform::mark("dashboard-drawn"));
    view! {
        <div class="card" id="dash-suggestions">
            <h2>{tr(K::LatestSuggestions)}</h2>
            <input class="no-print" id="suggestion-filter" type="search" placeholder=tr(K::Search) aria-label=tr(K::Search) prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=|| view! { <p class="muted">{tr(K::NoSuggestions)}</p> }>
                // Text nodes: a suggestion is shown as typed, never parsed as HTML.
                <ul class="suggestions">{move || rows.get().into_iter().map(|(at, field, s)| view! {
                    <li><time>{motcua_domain::format::date_time(at)}</time>" · "{field}" — "{s}</li>
                }).collect_view()}</ul>
            </Show>
        </div>
    }
}
