//! The dossier register (Sổ theo dõi hồ sơ): fast entry, the worklist with what is overdue or
//! due at the top, search and filters, details, and CSV import.

use crate::components::csv_import::CsvImport;
use crate::components::dossier_detail::DossierDetail;
use crate::components::dossier_form::{show_dt, DossierForm};
use crate::components::{tr, Page};
use crate::platform::now_local;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_core::dossier::{Channel, Status, Timeliness};
use motcua_core::i18n::K;

/// The register page.
#[component]
pub fn Dossiers() -> impl IntoView {
    let st = use_app();
    let query = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let channel = RwSignal::new(String::new());
    let division = RwSignal::new(String::new());
    let period = RwSignal::new(String::new());
    let selected = RwSignal::new(None::<String>);

    // Every live dossier with its class now, most urgent first.
    let classified = Memo::new(move |_| {
        let cal = st.calendar.get();
        let now = now_local();
        let cat = st.catalogue.get();
        let mut v: Vec<_> = st.dossiers.with(|ds| {
            ds.iter()
                .filter(|d| !d.meta.deleted)
                .map(|d| {
                    let div = d
                        .holder()
                        .map(String::from)
                        .or_else(|| cat.iter().find(|p| p.id == d.procedure).map(|p| p.division.clone()))
                        .unwrap_or_default();
                    (
                        d.clone(),
                        d.timeliness(&cal, now, 1),
                        d.due_today(&cal, now),
                        d.effective_due(&cal, now),
                        div,
                    )
                })
                .collect()
        });
        v.sort_unstable_by(|a, b| (a.1, a.3, &a.0.code).cmp(&(b.1, b.3, &b.0.code)));
        v
    });
    let count = move |f: fn(&(motcua_core::dossier::Dossier, Timeliness, bool, chrono::NaiveDateTime, String)) -> bool| {
        classified.with(|v| v.iter().filter(|x| f(x)).count())
    };
    let divisions = move || {
        let mut d: Vec<String> = classified.with(|v| v.iter().map(|x| x.4.clone()).filter(|s| !s.is_empty()).collect());
        d.sort_unstable();
        d.dedup();
        d
    };
    let rows = move || {
        let q = query.get().trim().to_lowercase();
        let (s, c, dv, p) = (status.get(), channel.get(), division.get(), period.get());
        classified.with(|v| {
            v.iter()
                .filter(|(d, ..)| {
                    q.is_empty()
                        || d.code.to_lowercase().contains(&q)
                        || d.applicant.to_lowercase().contains(&q)
                        || d.procedure_name.to_lowercase().contains(&q)
                        || d.procedure.to_lowercase().contains(&q)
                })
                .filter(|(d, ..)| s.is_empty() || format!("{:?}", d.status()) == s)
                .filter(|(d, ..)| c.is_empty() || format!("{:?}", d.channel) == c)
                .filter(|x| dv.is_empty() || x.4 == dv)
                .filter(|(d, ..)| p.is_empty() || d.received.format("%Y-%m").to_string() == p)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Page title=K::DossierTitle>
            <DossierForm />
            <div class="counters" id="counters">
                <div class="counter overdue"><span id="n-overdue">{move || count(|x| x.1 == Timeliness::Overdue)}</span>{move || Timeliness::Overdue.label(st.lang())}</div>
                <div class="counter due-today"><span id="n-due-today">{move || count(|x| x.2)}</span>{tr(K::DueToday)}</div>
                <div class="counter due-soon"><span id="n-due-soon">{move || count(|x| x.1 == Timeliness::DueSoon)}</span>{move || Timeliness::DueSoon.label(st.lang())}</div>
                <div class="counter in-time"><span id="n-in-time">{move || count(|x| x.1 == Timeliness::InTime)}</span>{move || Timeliness::InTime.label(st.lang())}</div>
            </div>
            {move || selected.get().map(|id| view! { <DossierDetail id on_close=Callback::new(move |_| selected.set(None)) /> })}
            <div class="card">
                <h2>{tr(K::Worklist)}</h2>
                <div class="filters">
                    <input id="f-search" type="search" placeholder=tr(K::Search) prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
                    <select id="f-status" on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="">{tr(K::AllStatuses)}</option>
                        {Status::ALL.iter().map(|s| view! { <option value=format!("{s:?}")>{move || s.label(st.lang())}</option> }).collect_view()}
                    </select>
                    <select id="f-channel" on:change=move |ev| channel.set(event_target_value(&ev))>
                        <option value="">{tr(K::AllChannels)}</option>
                        {Channel::ALL.iter().map(|c| view! { <option value=format!("{c:?}")>{move || c.label(st.lang())}</option> }).collect_view()}
                    </select>
                    <select id="f-division" on:change=move |ev| division.set(event_target_value(&ev))>
                        <option value="">{tr(K::AllDivisions)}</option>
                        {move || divisions().into_iter().map(|d| view! { <option value=d.clone()>{d.clone()}</option> }).collect_view()}
                    </select>
                    <label class="inline">{tr(K::Period)}<input id="f-period" type="month" prop:value=move || period.get() on:input=move |ev| period.set(event_target_value(&ev)) /></label>
                </div>
                <div class="table-wrap">
                <table class="list" id="worklist">
                    <thead><tr><th>{tr(K::Code)}</th><th>{tr(K::Procedure)}</th><th>{tr(K::Applicant)}</th><th>{tr(K::ReceivedAt)}</th><th>{tr(K::DueDate)}</th><th>{tr(K::Status)}</th><th></th></tr></thead>
                    <tbody>
                        {move || classified.with(|v| v.is_empty()).then(|| view! { <tr class="empty"><td colspan="7">{tr(K::NoDossiers)}</td></tr> })}
                        {move || rows().into_iter().map(|(d, tl, _, due, _)| {
                            let id = d.meta.id.clone();
                            let st_now = d.status();
                            view! {
                                <tr class="row" data-code=d.code.clone() on:click=move |_| {
                                    selected.set(Some(id.clone()));
                                    // Bring the opened details into view (they sit above the list).
                                    set_timeout(|| if let Some(el) = document().get_element_by_id("dossier-detail") { el.scroll_into_view() }, std::time::Duration::ZERO);
                                }>
                                    <td><button class="link code">{d.code.clone()}</button></td>
                                    <td>{d.procedure_name.clone()}</td>
                                    <td>{d.applicant.clone()}</td>
                                    <td>{show_dt(d.received)}</td>
                                    <td>{show_dt(due)}</td>
                                    <td>{move || st_now.label(st.lang())}</td>
                                    <td><span class=format!("badge {}", tl.slug())>{move || tl.label(st.lang())}</span></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            </div>
            <CsvImport />
        </Page>
    }
}
