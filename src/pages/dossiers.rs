//! The dossier register (Sổ theo dõi hồ sơ): fast entry, the worklist with what is overdue or
//! due at the top, search and filters, details, printing, and CSV import. Classification,
//! order, counters and filters are `core::dossier::worklist`; this page binds them.

use crate::components::calendar_editor::MovedDueDates;
use crate::components::date_field::{DateField, FieldKind};
use crate::components::dossier_detail::DossierDetail;
use crate::components::dossier_form::{channel_label, show_dt, DossierForm};
use crate::components::{tr, Page};
use crate::platform::now_local;
use crate::state::use_app;
use chrono::Datelike;
use leptos::prelude::*;
use motcua_domain::dossier::worklist::{self, Classified, Filter, SearchText};
use motcua_domain::dossier::{Channel, Status, Timeliness};
use motcua_domain::format::thousands;
use motcua_domain::i18n::{t, K};
use std::sync::Arc;

/// The register page.
#[component]
pub fn Dossiers() -> impl IntoView {
    let st = use_app();
    let filter = RwSignal::new(Filter::default());
    let selected = RwSignal::new(None::<String>);
    // Each save makes again only the rows that can have changed (`Classified::apply`).
    let classified = crate::state::followed(st.dossiers, st.dossier_edits, move |prev, ds, edit| {
        let (cal, cat) = (st.calendar.read(), st.catalogue.read());
        Classified::apply(prev, ds, edit, &cat, &cal, now_local(), 1)
    });
    // The rows' text in one buffer for the search: made when a search needs it, and when the
    // search box takes focus, so that the first keystroke does not wait for it.
    let text = Memo::new_owning(move |_| (classified.with(|c| Arc::new(SearchText::new(&c.rows))), true));
    let counters = Memo::new(move |_| classified.with(|c| worklist::counters(&c.rows)));
    let counter = move |class: &'static str, id: &'static str, n: fn(&worklist::Counters) -> usize, label: Timeliness| {
        view! { <div class=format!("counter {class}")><span id=id>{move || n(&counters.get())}</span>{move || label.label(st.lang())}</div> }
    };
    // A memo: the form is built again only when the setup changes, not on every settings
    // write (a language switch is one: it took a shown error and made the draft note appear).
    let set_up = Memo::new(move |_| st.settings.with(|s| s.setup_missing().is_empty()));
    view! {
        <Page title=K::DossierTitle>
            // Above the form, where a tablet shows it: older months are still being read.
            <ReadingOlder />
            // Due dates a calendar correction at start moved (e.g. 24/11 became a holiday).
            {move || st.moved_dates.with(Option::is_some).then(|| view! {
                <div class="card banner info"><MovedDueDates moved=st.moved_dates /></div>
            })}
            // No codes before the unit is set up (its electronic id, names and desk): two
            // tablets on desk 0 would issue the same codes, and the forms would head with nothing.
            {move || if set_up.get() {
                view! { <DossierForm /> }.into_any()
            } else {
                view! { <crate::components::unit_setup::UnitSetup intro=true /> }.into_any()
            }}
            <div class="counters" id="counters">
                {counter("overdue", "n-overdue", |c| c.overdue, Timeliness::Overdue)}
                <div class="counter due-today"><span id="n-due-today">{move || counters.get().due_today}</span>{tr(K::DueToday)}</div>
                {counter("due-soon", "n-due-soon", |c| c.due_soon, Timeliness::DueSoon)}
                {counter("in-time", "n-in-time", |c| c.in_time, Timeliness::InTime)}
            </div>
            {move || selected.get().map(|id| view! { <DossierDetail id on_close=Callback::new(move |_| selected.set(None)) /> })}
            <div class="card">
                <h2>{tr(K::Worklist)}</h2>
                <Filters filter classified text />
                <WorkTable classified text filter selected />
            </div>
            <PrintRegisterLink />
            // The register's sheet import lives with the other imports on the data page: an
            // occasional task whose code (the sheet reader, the wizard) the register's module
            // need not download (issue 22). The way there stays where officers look for it.
            <p class="no-print"><a class="button" id="to-register-import" href=crate::platform::href("/data#register-import") rel=crate::platform::rel("/data")>{tr(K::ImportCsv)}</a></p>
        </Page>
    }
}

/// While older months are still being read (the page shows once the open dossiers are): their
/// closed dossiers are not in the list or the search yet.
#[component]
fn ReadingOlder() -> impl IntoView {
    let st = use_app();
    let (done, all) = (move || st.loading.reading.get().0, move || st.loading.reading.get().1);
    view! {
        <Show when=move || !st.loading.all_read()>
            <p class="muted" id="reading-older" role="status">{tr(K::ReadingOlder)}" ("{done}" / "{all}")"</p>
        </Show>
    }
}

/// Search box and filters; every change replaces the core [`Filter`].
#[component]
fn Filters(filter: RwSignal<Filter>, classified: Memo<Classified>, text: Memo<Arc<SearchText>>) -> impl IntoView {
    let st = use_app();
    let month_text = move || filter.with(|f| f.month.map(|(y, m)| motcua_domain::format::month_key(y, m)).unwrap_or_default());
    let parse_month = motcua_domain::format::parse_month_key;
    view! {
        <div class="filters">
            <input id="f-search" type="search" placeholder=tr(K::Search) aria-label=tr(K::Search) on:focus=move |_| text.with_untracked(|_| ()) prop:value=move || filter.with(|f| f.query.clone()) on:input=move |ev| filter.update(|f| f.query = event_target_value(&ev)) />
            <select id="f-status" aria-label=tr(K::Status) on:change=move |ev| filter.update(|f| f.status = Status::from_code(&event_target_value(&ev)))>
                <option value="">{tr(K::AllStatuses)}</option>
                {Status::ALL.iter().map(|s| view! { <option value=s.code()>{move || s.label(st.lang())}</option> }).collect_view()}
            </select>
            <select id="f-channel" aria-label=tr(K::Channel) on:change=move |ev| filter.update(|f| f.channel = Channel::from_code(&event_target_value(&ev)))>
                <option value="">{tr(K::AllChannels)}</option>
                {Channel::ALL.into_iter().map(|c| view! { <option value=c.code()>{channel_label(c)}</option> }).collect_view()}
            </select>
            <select id="f-division" aria-label=tr(K::Division) on:change=move |ev| filter.update(|f| f.division = event_target_value(&ev))>
                <option value="">{tr(K::AllDivisions)}</option>
                {move || classified.with(|c| c.divisions()).into_iter().map(|d| view! { <option value=d.clone()>{d.clone()}</option> }).collect_view()}
            </select>
            <label class="inline">{tr(K::Period)}<input id="f-period" type="month" prop:value=month_text on:input=move |ev| filter.update(|f| f.month = parse_month(&event_target_value(&ev))) /></label>
        </div>
    }
}

/// The worklist table: one page of the filtered rows, most urgent first (only those are drawn).
#[component]
fn WorkTable(
    classified: Memo<Classified>,
    text: Memo<Arc<SearchText>>,
    filter: RwSignal<Filter>,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let st = use_app();
    let page_no = RwSignal::new(0usize);
    // A new search or filter starts again at the first page.
    Effect::new(move |_| {
        filter.track();
        page_no.set(0);
    });
    let paged = Memo::new(move |_| {
        filter.with(|f| {
            classified.with(|c| match f.searches() {
                true => text.with(|t| worklist::page_searched(&c.rows, t, f, page_no.get())),
                false => worklist::page(&c.rows, f, page_no.get()),
            })
        })
    });
    let rows = move || paged.with(|p| p.0.clone());
    view! {
        <div class="table-wrap">
        <table class="list" id="worklist">
            <thead><tr><th>{tr(K::Code)}</th><th>{tr(K::Procedure)}</th><th>{tr(K::Applicant)}</th><th>{tr(K::ReceivedAt)}</th><th>{tr(K::DueDate)}</th><th>{tr(K::Status)}</th><th>{tr(K::Timeliness)}</th></tr></thead>
            <tbody>
                {move || classified.with(|c| c.rows.is_empty()).then(|| view! { <tr class="empty"><td colspan="7">{tr(K::NoDossiers)}</td></tr> })}
                {move || rows().into_iter().map(|r| {
                    let id = r.id.clone();
                    let (status, tl) = (r.status, r.timeliness);
                    view! {
                        <tr class="row" data-code=r.code.clone() on:click=move |_| {
                            selected.set(Some(id.clone()));
                            // Bring the opened details into view (they sit above the list).
                            set_timeout(|| if let Some(el) = document().get_element_by_id("dossier-detail") { el.scroll_into_view() }, std::time::Duration::ZERO);
                        }>
                            <td><button class="link code">{r.code.clone()}</button></td>
                            <td>{r.procedure_name.clone()}</td>
                            <td>{r.applicant.clone()}</td>
                            <td>{show_dt(r.received)}</td>
                            <td>{show_dt(r.due)}{r.due_provisional.then(|| view! { " "<span class="provisional">{tr(K::DueProvisional)}</span> })}</td>
                            <td>{move || status.label(st.lang())}</td>
                            <td><span class=format!("badge {}", tl.slug())>{move || tl.label(st.lang())}</span>{r.extended.then(|| view! { " "<span class="mark" title=tr(K::ExtendedMark)>"✉"<span class="visually-hidden">{tr(K::ExtendedMark)}</span></span> })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
        // The one mark of the list, said in words where it shows.
        <Show when=move || rows().iter().any(|r| r.extended)>
            <p class="muted legend" id="worklist-legend">"✉ = "{tr(K::ExtendedMark)}</p>
        </Show>
        <div class="pager" id="pager">
            <button id="page-prev" disabled=move || paged.with(|p| p.1 == 0) on:click=move |_| page_no.update(|n| *n = n.saturating_sub(1))>"← "{tr(K::PagePrev)}</button>
            <span id="page-info">{move || paged.with(|p| format!("{} / {} · {} {}", p.1 + 1, p.2, thousands(p.3 as u64), t(st.lang(), K::Dossiers)))}</span>
            <button id="page-next" disabled=move || paged.with(|p| p.1 + 1 >= p.2) on:click=move |_| page_no.update(|n| *n += 1)>{tr(K::PageNext)}" →"</button>
        </div>
    }
}

/// Choose a period and open the printable register.
#[component]
fn PrintRegisterLink() -> impl IntoView {
    let today = now_local().date();
    let from = RwSignal::new(motcua_domain::format::date_key(today.with_day(1).unwrap_or(today)));
    let to = RwSignal::new(motcua_domain::format::date_key(today));
    view! {
        <div class="card print-register">
            <h2>{tr(K::PrintRegister)}</h2>
            <div class="filters">
                <label class="inline">{tr(K::From)}<DateField id="reg-from" kind=FieldKind::Date value=from /></label>
                <label class="inline">{tr(K::To)}<DateField id="reg-to" kind=FieldKind::Date value=to /></label>
                <a class="button" id="reg-open" href=move || crate::platform::href(&format!("/print/register?from={}&to={}", from.get(), to.get()))>{tr(K::PrintRegister)}</a>
            </div>
        </div>
    }
}
