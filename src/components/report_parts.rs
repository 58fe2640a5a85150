//! Parts of the dashboard: the period picker, the filters, the report table and a chart card
//! with its download.

use super::date_field::{DateField, FieldKind};
use super::tr;
use crate::platform::download;
use crate::state::use_app;
use chrono::Datelike;
use leptos::prelude::*;
use motcua_domain::dossier::Channel;
use motcua_domain::format::{share, thousands};
use motcua_domain::i18n::K;
use motcua_domain::report::{
    period, Basis, DossierTable, Filter, Lookup, Period, PeriodChoice, PeriodKind, Records, TableRow, Timeline, TABLE_ROWS,
};

/// What every part of the dashboard reads: the chosen period and filter, the lookup, and the
/// records with their timeline (built once when the records change, not once per figure).
#[derive(Clone, Copy)]
pub struct Scope {
    pub period: RwSignal<Period>,
    pub filter: RwSignal<Filter>,
    pub lookup: Memo<Lookup>,
    timeline: Memo<Timeline>,
}

impl Scope {
    pub fn new(period: RwSignal<Period>, filter: RwSignal<Filter>, lookup: Memo<Lookup>) -> Self {
        let st = use_app();
        let timeline = Memo::new(move |_| st.responses.with(|rs| st.dossiers.with(|ds| Timeline::new(rs, ds))));
        Scope {
            period,
            filter,
            lookup,
            timeline,
        }
    }

    /// A figure of the scope as a memo: `f` over the records, the period, the filter, the lookup
    /// and the anonymity threshold, computed again when any of them changes (every card's way
    /// to ask core for its numbers).
    pub fn figure<T>(self, f: impl Fn(Records, &Period, &Filter, &Lookup, u32) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        let st = use_app();
        Memo::new(move |_| {
            let min_n = st.settings.with(|s| s.min_n);
            self.records(|data| f(data, &self.period.get(), &self.filter.get(), &self.lookup.get(), min_n))
        })
    }

    /// `f` over the records (tracked: a memo that calls this runs again when they change).
    pub fn records<R>(&self, f: impl FnOnce(Records) -> R) -> R {
        let st = use_app();
        let cal = st.calendar.read();
        st.book.with(|b| {
            st.responses.with(|rs| {
                st.dossiers.with(|ds| {
                    self.timeline.with(|tl| {
                        f(Records {
                            responses: rs,
                            dossiers: ds,
                            versions: &b.versions,
                            cal: &cal,
                            timeline: tl,
                        })
                    })
                })
            })
        })
    }
}

/// A kind (tháng, quý, 6 tháng, 9 tháng, năm, year to date, custom) on a basis (kỳ báo cáo
/// 15 → 14, or calendar), the year and the month or quarter by name. The days come from
/// `PeriodChoice::period` in the core.
#[component]
pub fn PeriodPicker(period: RwSignal<Period>) -> impl IntoView {
    let today = crate::platform::now_local().date();
    let choice = RwSignal::new(PeriodChoice::opening(today));
    let from = RwSignal::new(motcua_domain::format::date_key(today.with_day(1).unwrap_or(today)));
    let to = RwSignal::new(motcua_domain::format::date_key(today));
    Effect::new(move |_| {
        let day = move |s: String| motcua_domain::format::parse_date_key(&s).unwrap_or(today);
        period.set(choice.get().period(today, day(from.get()), day(to.get())));
    });
    let kind = move || choice.with(|c| c.kind);
    view! {
        <div class="filters period-picker">
            <select id="period-kind" aria-label=tr(K::PeriodKindLabel)
                on:change=move |ev| if let Some(k) = PeriodKind::from_code(&event_target_value(&ev)) { choice.update(|c| c.kind = k) }>
                {PeriodKind::ALL.into_iter().map(|k| view! { <option value=k.code() selected=move || kind() == k>{tr(k.key())}</option> }).collect_view()}
            </select>
            <Show when=move || kind() != PeriodKind::Custom>
                <select id="period-basis" aria-label=tr(K::BasisLabel)
                    on:change=move |ev| if let Some(b) = Basis::from_code(&event_target_value(&ev)) { choice.update(|c| c.basis = b) }>
                    {Basis::ALL.into_iter().map(|b| view! { <option value=b.code() selected=move || choice.with(|c| c.basis == b)>{tr(b.key())}</option> }).collect_view()}
                </select>
            </Show>
            <Show when=move || kind().by_year()>
                <label class="inline">{tr(K::Year)}<input id="period-year" type="number" min=*PeriodChoice::YEARS.start() max=*PeriodChoice::YEARS.end() prop:value=move || choice.with(|c| c.year.to_string())
                    on:change=move |ev| choice.update(|c| c.set_year(&event_target_value(&ev))) /></label>
            </Show>
            <Show when=move || { kind().parts() != 0 }>
                <PartSelect choice />
            </Show>
            <Show when=move || kind() == PeriodKind::Custom>
                <label class="inline">{tr(K::From)}<DateField id="period-from" kind=FieldKind::Date value=from /></label>
                <label class="inline">{tr(K::To)}<DateField id="period-to" kind=FieldKind::Date value=to /></label>
            </Show>
            <span class="period-label" id="period-label">{move || period_text(&period.get())}</span>
        </div>
    }
}

/// "Tháng 11" or "Quý IV": the month or quarter by name.
#[component]
fn PartSelect(choice: RwSignal<PeriodChoice>) -> impl IntoView {
    let kind = move || choice.with(|c| c.kind);
    let name = move |i: u32| {
        let lang = use_app().lang();
        match kind() {
            PeriodKind::Quarter => format!("{} {}", motcua_domain::i18n::t(lang, K::KindQuarter), period::roman(i)),
            _ => format!("{} {i}", motcua_domain::i18n::t(lang, K::KindMonth)),
        }
    };
    view! {
        <select id="period-part" aria-label=move || tr(kind().key())()
            on:change=move |ev| { let p = event_target_value(&ev).parse().unwrap_or(1); choice.update(|c| c.part = p) }>
            {move || (1..=kind().parts()).map(|i| view! {
                <option value=i.to_string() selected=move || choice.with(|c| c.part.clamp(1, c.kind.parts().max(1)) == i)>{name(i)}</option>
            }).collect_view()}
        </select>
    }
}

/// A period's days and basis, as printed with its figures.
pub fn period_text(p: &Period) -> String {
    let days = format!("{} – {}", motcua_domain::format::date(p.from), motcua_domain::format::date(p.to));
    if p.kind == PeriodKind::Custom {
        return days;
    }
    format!("{days} · {}", motcua_domain::i18n::t(use_app().lang(), p.basis.key()))
}

/// Unit, device (`devices`: id and label, `report::device_choices`), procedure, field, channel
/// and division.
#[component]
pub fn ReportFilters(filter: RwSignal<Filter>, lookup: Memo<Lookup>, devices: Memo<Vec<(String, String)>>) -> impl IntoView {
    let st = use_app();
    let units = move || {
        let mut u: Vec<String> = lookup.with(|l| l.unit_of_device.values().cloned().collect());
        u.sort_unstable();
        u.dedup();
        u
    };
    let select = |id: &'static str, all: K, options: Box<dyn Fn() -> Vec<(String, String)> + Send + Sync>, set: fn(&mut Filter, String)| {
        view! {
            <select id=id aria-label=tr(all) on:change=move |ev| filter.update(|f| set(f, event_target_value(&ev)))>
                <option value="">{tr(all)}</option>
                {move || options().into_iter().map(|(v, label)| view! { <option value=v>{label}</option> }).collect_view()}
            </select>
        }
    };
    let pairs = |v: Vec<String>| v.into_iter().map(|x| (x.clone(), x)).collect::<Vec<_>>();
    let procs = move || {
        st.catalogue.with(|c| {
            c.iter()
                .map(|p| (p.id.clone(), format!("{} – {}", p.id, p.name)))
                .collect::<Vec<_>>()
        })
    };
    let fields = move || {
        let mut f: Vec<String> = st.catalogue.with(|c| c.iter().map(|p| p.field.clone()).collect());
        f.sort_unstable();
        f.dedup();
        f
    };
    let divisions = move || {
        let mut f: Vec<String> = st.catalogue.with(|c| c.iter().map(|p| p.division.clone()).collect());
        f.sort_unstable();
        f.dedup();
        f
    };
    view! {
        <div class="filters report-filters">
            {select("rf-unit", K::AllUnits, Box::new(move || pairs(units())), |f, v| f.unit = v)}
            {select("rf-device", K::AllDevices, Box::new(move || devices.get()), |f, v| f.device = v)}
            {select("rf-procedure", K::AllProcedures, Box::new(procs), |f, v| f.procedure = v)}
            {select("rf-field", K::AllFields, Box::new(move || pairs(fields())), |f, v| f.field = v)}
            {select("rf-division", K::AllDivisions, Box::new(move || pairs(divisions())), |f, v| f.division = v)}
            <select id="rf-channel" aria-label=tr(K::AllChannels) on:change=move |ev| filter.update(|f| f.channel = Channel::from_code(&event_target_value(&ev)))>
                <option value="">{tr(K::AllChannels)}</option>
                {Channel::ALL.into_iter().map(|c| view! { <option value=c.code()>{move || c.label(st.lang())}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// The standard table with shares and the balance check, beside the previous period and the
/// same period last year.
#[component]
pub fn ReportTableCard(table: Memo<DossierTable>, table_prev: Memo<DossierTable>, table_last: Memo<DossierTable>) -> impl IntoView {
    // When the table is in the page: before the cards' ratings are read (`codec::stage`).
    Effect::new(move |_| crate::platform::mark("table-drawn"));
    // One row of `report::TABLE_ROWS` against the period, the previous one and last year's.
    let row = move |r: &'static TableRow| {
        let (n, of) = (r.value, r.of);
        view! {
            <tr class=if r.total { "total" } else { "sub" }><th>{tr(r.key)}</th><td class="num" id=format!("rt-{}", r.slug)>{move || thousands(n(&table.get()))}</td>
                <td class="num">{move || of.map(|d| { let t = table.get(); share(n(&t), d(&t)) }).unwrap_or_default()}</td>
                <td class="num prev">{move || thousands(n(&table_prev.get()))}</td><td class="num last">{move || thousands(n(&table_last.get()))}</td></tr>
        }
    };
    // The extended ones follow the judged rows: two numbers, not a count with a share.
    let extended = move || {
        view! {
            <tr class="sub"><th>{tr(K::RowExtended)}</th><td class="num" id="rt-extended">{move || { let t = table.get(); format!("{} / {}", thousands(t.extended), thousands(t.extended_kept)) }}</td><td></td><td></td><td></td></tr>
        }
    };
    view! {
        <div class="card" id="report-table-card">
            <h2>{tr(K::ReportTableTitle)}</h2>
            <table class="list report-table" id="report-table">
                <thead><tr><th></th><th>{tr(K::Count)}</th><th>{tr(K::Share)}</th><th>{tr(K::PreviousPeriod)}</th><th>{tr(K::SameLastYear)}</th></tr></thead>
                <tbody>
                    {TABLE_ROWS.iter().map(|r| view! {
                        {row(r)}
                        {(r.slug == "on-return").then(extended)}
                    }).collect_view()}
                </tbody>
            </table>
            <p>{tr(K::OnTimeHeadline)}": "<strong id="rt-headline">{move || table.get().on_time_share()}</strong>
                " · "{tr(K::PreviousPeriod)}": "{move || table_prev.get().on_time_share()}" · "{tr(K::SameLastYear)}": "{move || table_last.get().on_time_share()}</p>
            <p class="balance" id="rt-balance">{tr(K::Balance)}": "<strong>{move || tr(if table.get().balanced() { K::BalanceOk } else { K::BalanceBad })()}</strong></p>
        </div>
    }
}

/// A chart (SVG from `charts`), "chưa có dữ liệu" when empty, and its download.
#[component]
pub fn ChartCard(id: &'static str, svg: Signal<String>, file: Signal<String>) -> impl IntoView {
    let empty = move || svg.with(|s| !s.contains("<text"));
    view! {
        <div class="card chart-card" id=id>
            <Show when=move || !empty() fallback=|| view! { <p class="muted no-data">{tr(K::NoData)}</p> }>
                // The SVG comes from our own chart code; labels are escaped by plotters.
                <div class="chart" inner_html=move || svg.get()></div>
                <div class="actions no-print">
                    <button class="download-svg" on:click=move |_| { download(&file.get_untracked(), "image/svg+xml", &svg.get_untracked()).ok(); }>{tr(K::DownloadSvg)}</button>
                    <button class="download-png" on:click=move |_| { crate::platform::download_png(&file.get_untracked().replace(".svg", ".png"), &svg.get_untracked()).ok(); }>{tr(K::DownloadPng)}</button>
                </div>
            </Show>
        </div>
    }
}
