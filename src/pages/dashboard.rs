//! The manager's dashboard: a period and filters, the standard report table with its balance
//! check, the report paragraph to copy, satisfaction against the previous period and last year,
//! charts by month, and the ranking of units. Every figure is `core::report`; this page binds.

use crate::components::report_breakdowns::{ItemsCard, LateByDivision, SuggestionsCard, TimeCharts};
use crate::components::report_parts::{period_text, ChartCard, PeriodPicker, ReportFilters, ReportTableCard, Scope};
use crate::components::{tr, Page, ReadingProgress};
use crate::platform::now_local;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::format::{index_change, index_value, share, thousands};
use motcua_domain::i18n::{t, K};
use motcua_domain::report::{self, text, Filter, Lookup, Period};
use std::collections::BTreeMap;

/// Which unit each device belongs to and the name staff gave it: this tablet's own, and every
/// imported file's source.
fn device_sources(st: crate::state::AppState) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let history = st.docs.imports.get_untracked();
    let mut units = BTreeMap::new();
    let mut names = BTreeMap::new();
    for r in history {
        units.insert(r.source.device_id.clone(), r.source.unit);
        names.insert(r.source.device_id, r.source.device_name);
    }
    st.settings.with_untracked(|s| {
        units.insert(s.device_id.clone(), s.agency_code.clone());
        names.insert(s.device_id.clone(), s.device_name.clone());
    });
    (units, names)
}

/// The dashboard page.
#[component]
pub fn Dashboard() -> impl IntoView {
    let st = use_app();
    let today = now_local().date();
    let period = RwSignal::new(Period::default_for(today));
    // Before every month is read, a period reaching further back than the opening one waits.
    let shown = move || st.loading.all_read() || period.with(|p| p.within_default(today));
    let filter = RwSignal::new(Filter::default());
    let (units, names) = device_sources(st);
    let lookup = Memo::new(move |_| Lookup::new(&st.catalogue.get(), units.clone()));
    let scope = Scope::new(period, filter, lookup);
    // The devices that made records, by name (not by the period or filter: the list stays).
    let devices = Memo::new(move |_| scope.records(|data| report::device_choices(data, &names)));
    let min_n = move || st.settings.with(|s| s.min_n);
    let table_of = move |p: Period| {
        let (f, l) = (filter.get(), lookup.get());
        scope.records(|data| report::dossier_table(data, &p, &f, &l))
    };
    let table = Memo::new(move |_| table_of(period.get()));
    let table_prev = Memo::new(move |_| table_of(period.get().previous()));
    let table_last = Memo::new(move |_| table_of(period.get().same_last_year()));
    let satisfaction_of = move |p: Period| {
        let (f, l) = (filter.get(), lookup.get());
        scope.records(|data| report::satisfaction(data, &p, &f, &l))
    };
    let index_of = move |p: Period| report::shown_index(&satisfaction_of(p), min_n());
    // The period's whole index (both measures with their n), computed once.
    let full = Memo::new(move |_| satisfaction_of(period.get()));
    let ix = Memo::new(move |_| full.with(|x| report::shown_index(x, min_n())));
    let ix_prev = Memo::new(move |_| index_of(period.get().previous()));
    let ix_last = Memo::new(move |_| index_of(period.get().same_last_year()));
    let paragraph = Memo::new(move |_| {
        let kiosk = text::KioskMeasure {
            value: ix.get(),
            last_year: ix_last.get(),
            n: full.with(|f| f.n_items),
        };
        st.settings
            .with(|s| text::paragraph(&period.get(), &table.get(), kiosk, s.official_index.as_ref()))
    });
    let xlsx_error = RwSignal::new(None::<motcua_domain::i18n::Msg>);
    view! {
        <Page title=K::NavDashboard>
            <div class="card no-print report-controls">
                <PeriodPicker period />
                <ReportFilters filter lookup devices />
                <button id="print-report" on:click=move |_| { if let Some(w) = web_sys::window() { w.print().ok(); } }>{tr(K::PrintView)}</button>
                " "<button id="export-xlsx-report" on:click=move |_| {
                    // The table of the kỳ on show, as the report prints it, numbers as numbers.
                    let (lang, p) = (st.lang(), period.get_untracked());
                    let req = motcua_formats::sheet::XlsxRequest::Report {
                        table: table.get_untracked(),
                        head: st.settings.with_untracked(motcua_domain::dossier::forms::Letterhead::of),
                        title: t(lang, K::ReportTitle).to_string(),
                        period: period_text(&p),
                        lang,
                    };
                    crate::excel::download_xlsx(format!("bao-cao-{}.xlsx", p.file_tag()), req, xlsx_error);
                }>{tr(K::ExportXlsxReport)}</button>
                {move || xlsx_error.get().map(|e| view! { " "<span class="error-text" role="alert">{crate::components::tm(e)}</span> })}
            </div>
            <Show when=shown fallback=|| view! { <ReadingProgress id="report-waiting" text=K::ReadingOlderReport /> }>
            <div class="report-print" id="report">
                <ReportHeading period filter />
                <ReportTableCard table table_prev table_last />
                <AfterPaint>
                    <ReportParagraph paragraph />
                    <SatisfactionCard scope full ix ix_prev ix_last />
                    <IndicatorsCard scope />
                    <crate::components::rated_card::RatedCard scope />
                    <crate::components::reasons_card::ReasonsCard scope />
                    <Show when=move || st.settings.with(|s| s.rate_officers)>
                        <crate::components::reasons_card::OfficerCard scope />
                    </Show>
                    <MonthCharts scope />
                    <LateByDivision scope />
                    <div class="charts">
                        <ItemsCard scope />
                        <TimeCharts scope />
                    </div>
                    <UnitRanking scope />
                    <SuggestionsCard scope />
                </AfterPaint>
            </div>
            </Show>
        </Page>
    }
}

/// What the printed report covers, at its top: the title, the unit, the period with its basis,
/// and the filters (the controls that say it on screen are not printed).
#[component]
fn ReportHeading(period: RwSignal<Period>, filter: RwSignal<Filter>) -> impl IntoView {
    let st = use_app();
    view! {
        <header class="report-head print-only" id="report-head">
            <h2>{tr(K::ReportTitle)}</h2>
            <p>{tr(K::Unit)}": "<strong>{move || st.settings.with(|s| motcua_domain::dossier::forms::Letterhead::of(s).agency)}</strong></p>
            <p id="report-head-period">{move || period_text(&period.get())}</p>
            <p id="report-head-filter">{move || filter.with(|f| f.describe(st.lang())).unwrap_or_else(|| t(st.lang(), K::NoFilter).into())}</p>
        </header>
    }
}

/// Its children, drawn once the page around them is painted and the ratings of the period's
/// months are read (`codec::stage::Screen::Ratings`): the report's table shows as soon as its
/// dossier months are read, the paragraph, charts and breakdowns a frame later at the soonest.
#[component]
fn AfterPaint(children: ChildrenFn) -> impl IntoView {
    let st = use_app();
    let painted = RwSignal::new(false);
    crate::platform::after_first_paint(move || {
        // The page may be gone by then.
        painted.try_set(true);
    });
    let ratings = move || st.loading.is_ready(motcua_formats::codec::stage::Screen::Ratings);
    view! {
        <Show when=move || painted.get() && ratings()
            fallback=move || (!ratings()).then(|| view! { <ReadingProgress id="report-ratings-waiting" text=K::ReadingRatings /> })>
            {children()}
        </Show>
    }
}

/// The paragraph in the letters' style, with a copy button.
#[component]
fn ReportParagraph(paragraph: Memo<String>) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        if let Some(w) = web_sys::window() {
            drop(wasm_bindgen_futures::JsFuture::from(
                w.navigator().clipboard().write_text(&paragraph.get_untracked()),
            ));
            copied.set(true);
        }
    };
    view! {
        <div class="card" id="report-text-card">
            <h2>{tr(K::ReportText)}</h2>
            <p class="report-text" id="report-text">{move || paragraph.get()}</p>
            <button class="no-print" id="copy-report" on:click=copy>{move || if copied.get() { tr(K::Copied)() } else { tr(K::Copy)() }}</button>
        </div>
    }
}

/// The kiosk's measurement against the previous period and last year, overall satisfaction,
/// the official index as entered, and satisfaction of late vs on-time dossiers.
#[component]
fn SatisfactionCard(
    scope: Scope,
    full: Memo<motcua_domain::survey::index::SatisfactionIndex>,
    ix: Memo<Option<f64>>,
    ix_prev: Memo<Option<f64>>,
    ix_last: Memo<Option<f64>>,
) -> impl IntoView {
    let st = use_app();
    let period = scope.period;
    let change = move |other: Option<f64>| match (ix.get(), other) {
        (Some(a), Some(b)) => index_change(a - b, st.lang()),
        _ => "—".into(),
    };
    let by_timeliness = Memo::new(move |_| scope.records(|data| report::satisfaction_by_timeliness(data, &period.get())));
    let min_n = move || st.settings.with(|s| s.min_n);
    view! {
        <div class="card" id="satisfaction-card">
            <h2>{tr(K::Index)}</h2>
            <p class="big" id="dash-index">{move || index_value(ix.get())}</p>
            <p>{tr(K::ItemIndex)}": n = "<span id="dash-index-n">{move || full.with(|f| f.n_items)}</span></p>
            <p id="dash-overall">{tr(K::OverallMeasure)}": "<strong>{move || full.with(|f| {
                let o = f.overall_question;
                if motcua_domain::survey::index::shown(o.valid, min_n()) { share(u64::from(o.satisfied), u64::from(o.valid)) } else { "—".into() }
            })}</strong>" (n = "{move || full.with(|f| f.overall_question.valid)}")"</p>
            <details class="no-print"><summary>{tr(K::Formula)}</summary><p class="formula">{tr(K::IndexFormula)}</p></details>
            <p>{tr(K::VsPrevious)}": "<span id="dash-vs-prev">{move || change(ix_prev.get())}</span>" · "{tr(K::VsLastYear)}": "<span id="dash-vs-last">{move || change(ix_last.get())}</span></p>
            {move || st.settings.with(|s| s.official_index.clone()).map(|o| view! {
                <p id="dash-official">{tr(K::OfficialIndex)}" "{o.year}": "<strong>{o.text()}</strong>" ("{o.decision}")"</p>
            })}
            <h3>{tr(K::LateVsOnTime)}</h3>
            <table class="list">
                <thead><tr><th>{tr(K::Procedure)}</th><th>{tr(K::RowLate)}</th><th>{tr(K::RowOnTime)}</th></tr></thead>
                <tbody>{move || by_timeliness.get().into_iter().map(|(p, (late, ok))| {
                    let cell = move |x: motcua_domain::survey::index::Tally| if motcua_domain::survey::index::shown(x.valid, min_n()) { format!("{} (n = {})", share(u64::from(x.satisfied), u64::from(x.valid)), x.valid) } else { format!("— (n = {})", x.valid) };
                    view! { <tr><td>{p}</td><td class="num">{cell(late)}</td><td class="num">{cell(ok)}</td></tr> }
                }).collect_view()}</tbody>
            </table>
        </div>
    }
}

/// Indicators 2.1 and 5.4 of Quyết định 766, each with its formula and n.
#[component]
fn IndicatorsCard(scope: Scope) -> impl IntoView {
    let ind = scope.figure(|data, period, filter, lookup, _| report::indicators(data, period, filter, lookup));
    let ratio = |r: report::Ratio| format!("{} / {}", thousands(r.num), thousands(r.den));
    view! {
        <div class="card" id="indicators-card">
            <h2>{tr(K::Indicator21)}</h2>
            <p class="big" id="dash-21">{move || { let r = ind.get().progress; share(r.num, r.den) }}</p>
            <p class="muted">"n = "<span id="dash-21-n">{move || ratio(ind.get().progress)}</span></p>
            <p class="formula muted">{tr(K::Formula21)}</p>
            <h2>{tr(K::Indicator766)}</h2>
            <p class="big" id="dash-54">{move || index_value(ind.get().satisfaction_5_4())}</p>
            <p class="muted" id="dash-54-parts">{tr(K::RowLate)}": "{move || ratio(ind.get().late)}" · "{tr(K::Complaints)}": "{move || ratio(ind.get().complained)}</p>
            <p class="formula muted">{tr(K::Formula54)}</p>
        </div>
    }
}

/// Index by month with the target, received by channel, resolved by class.
#[component]
fn MonthCharts(scope: Scope) -> impl IntoView {
    let st = use_app();
    let period = scope.period;
    let rows = scope.figure(report::monthly);
    let labels = move || {
        rows.with(|r| {
            r.iter()
                .map(|m| motcua_domain::format::month_year(m.year, m.month))
                .collect::<Vec<_>>()
        })
    };
    let lang = move || st.lang();
    let index_svg = Memo::new(move |_| {
        let target = st.settings.with(|s| s.index_target) as f64;
        let values: Vec<Option<f64>> = rows.with(|r| r.iter().map(|m| m.index).collect());
        crate::charts::index_trend(
            &labels(),
            &values,
            target,
            [
                t(lang(), K::ChartIndex),
                t(lang(), K::Percent),
                t(lang(), K::Index),
                t(lang(), K::Target),
            ],
        )
    });
    let received_svg = Memo::new(move |_| {
        let col = |k: usize| rows.with(|r| r.iter().map(|m| m.received[k]).collect::<Vec<_>>());
        let names = motcua_domain::dossier::Channel::ALL.map(|c| c.label(lang()));
        crate::charts::stacked(
            &labels(),
            &[(names[0], col(0)), (names[1], col(1)), (names[2], col(2))],
            t(lang(), K::ChartReceived),
            t(lang(), K::Count),
        )
    });
    let resolved_svg = Memo::new(move |_| {
        let col = |f: fn(&report::MonthRow) -> u64| rows.with(|r| r.iter().map(f).collect::<Vec<_>>());
        let series = [
            (t(lang(), K::RowEarly), col(|m| m.early)),
            (t(lang(), K::RowLate), col(|m| m.late)),
            (t(lang(), K::RowOnTime), col(|m| m.on_time)),
        ];
        let rate: Vec<Option<f64>> = rows.with(|r| r.iter().map(report::MonthRow::on_time_rate).collect());
        crate::charts::stacked_with(
            &labels(),
            &series,
            t(lang(), K::ChartResolved),
            t(lang(), K::Count),
            &[crate::charts::DARK, crate::charts::MIDDLE, crate::charts::LIGHT],
            Some((&rate, t(lang(), K::OnTimeRate))),
        )
    });
    let slug = move |what: &str| {
        let p = period.get();
        format!("bieu-do-{what}-{}.svg", p.file_tag())
    };
    view! {
        <div class="charts">
            <ChartCard id="chart-index" svg=index_svg.into() file=Signal::derive(move || slug("chi-so-hai-long")) />
            <ChartCard id="chart-received" svg=received_svg.into() file=Signal::derive(move || slug("tiep-nhan")) />
            <ChartCard id="chart-resolved" svg=resolved_svg.into() file=Signal::derive(move || slug("giai-quyet")) />
        </div>
    }
}

/// Units ranked by their index over the period (those under the threshold left out).
#[component]
fn UnitRanking(scope: Scope) -> impl IntoView {
    let st = use_app();
    let Scope { period, lookup, .. } = scope;
    let rows = Memo::new(move |_| {
        let min_n = st.settings.with(|s| s.min_n);
        scope.records(|data| report::unit_ranking(data, &period.get(), &lookup.get(), min_n))
    });
    view! {
        <div class="card" id="unit-ranking">
            <h2>{tr(K::Ranking)}</h2>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=|| view! { <p class="muted">{tr(K::NoData)}</p> }>
                <table class="list">
                    <thead><tr><th>{tr(K::Rank)}</th><th>{tr(K::Unit)}</th><th>{tr(K::Index)}</th><th>"n"</th></tr></thead>
                    <tbody>{move || rows.get().into_iter().map(|(rank, unit, v, n)| view! {
                        <tr><td class="num">{rank}</td><td>{unit}</td><td class="num">{index_value(Some(v))}</td><td class="num">{thousands(u64::from(n))}</td></tr>
                    }).collect_view()}</tbody>
                </table>
            </Show>
        </div>
    }
}
