//! Staff keep the working-day calendar up to date: the government fixes Tết and swaps days
//! each year, so each year's days off and make-up days are edited as lists of dates, with the
//! official text they come from. The office hours and how the receipt day is counted live with
//! the calendar (department-wide rules, not per-device settings).

use super::date_field::{DateField, FieldKind};
use super::dossier_form::show_dt;
use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::calendar::{dates_text, OfficeHours, YearCalendar};
use motcua_domain::dossier::redate::Moved;
use motcua_domain::i18n::{Msg, K};

/// Edit one year of the calendar at a time, and the office hours. A year without an official
/// notice shows its computed days, marked provisional, with "Xác nhận theo thông báo".
#[component]
pub fn CalendarEditor() -> impl IntoView {
    let st = use_app();
    let this_year = chrono::Datelike::year(&crate::platform::now_local());
    let year = RwSignal::new(this_year);
    let off = RwSignal::new(String::new());
    let makeup = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let provisional = RwSignal::new(false);
    let msg = RwSignal::new(None::<Msg>);
    let moved = RwSignal::new(None::<Vec<Moved>>);
    let load = move |y: i32| {
        let yc = st.calendar.with_untracked(|c| c.year_in_use(y));
        off.set(dates_text(&yc.days_off));
        makeup.set(dates_text(&yc.makeup_days));
        source.set(yc.source.clone());
        provisional.set(yc.provisional);
        msg.set(None);
    };
    load(this_year);
    // Save the year as edited; `confirm` also takes it out of "tạm tính".
    let save = move |confirm: bool| {
        moved.set(None);
        let parsed = YearCalendar::parse(
            year.get_untracked(),
            &off.get_untracked(),
            &makeup.get_untracked(),
            &source.get_untracked(),
        );
        let y = match parsed {
            Ok(y) => YearCalendar {
                provisional: provisional.get_untracked(),
                ..y
            },
            Err(e) => return msg.set(Some(e)),
        };
        let mut c = st.calendar.get_untracked();
        let now = crate::platform::now_millis();
        if confirm {
            if let Err(e) = c.confirm_year(y, now) {
                return msg.set(Some(e.key().into()));
            }
        } else {
            c.edit_year(y, now);
        }
        match st.save_calendar(c) {
            Ok(m) => {
                msg.set(Some(K::Saved.into()));
                moved.set(Some(m));
                load(year.get_untracked());
            }
            Err(e) => msg.set(Some(e.msg())),
        }
    };
    view! {
        <details class="card" id="calendar">
            <summary>{tr(K::CalendarTitle)}</summary>
            <label>{tr(K::Year)}
                <input id="cal-year" type="number" min="2000" max="2100" prop:value=move || year.get().to_string()
                    on:change=move |ev| { let y = event_target_value(&ev).parse().unwrap_or(this_year); year.set(y); load(y); } />
            </label>
            {move || provisional.get().then(|| view! { <p class="provisional" id="cal-provisional">{tr(K::YearProvisional)}</p> })}
            <div class="grid2">
                <label>{tr(K::DaysOff)}<textarea id="cal-off" rows="10" prop:value=move || off.get() on:input=move |ev| off.set(event_target_value(&ev))></textarea></label>
                <label>{tr(K::Makeup)}<textarea id="cal-makeup" rows="10" prop:value=move || makeup.get() on:input=move |ev| makeup.set(event_target_value(&ev))></textarea></label>
            </div>
            <label>{tr(K::Source)}<textarea id="cal-source" rows="2" maxlength="500" prop:value=move || source.get() on:input=move |ev| source.set(event_target_value(&ev))></textarea></label>
            <div class="actions">
                <button class="primary" id="cal-save" on:click=move |_| save(false)>{tr(K::Save)}</button>
                {move || provisional.get().then(|| view! { <button id="cal-confirm" on:click=move |_| save(true)>{tr(K::ConfirmYear)}</button> })}
            </div>
            {move || msg.get().map(|m| view! { <p id="cal-msg" role="status">{m.text(st.lang())}</p> })}
            <MovedDueDates moved />
            <WorkingTimeEditor moved />
        </details>
    }
}

/// The open dossiers a calendar change re-dated, old → new, each with its slip to print again.
#[component]
pub fn MovedDueDates(moved: RwSignal<Option<Vec<Moved>>>) -> impl IntoView {
    move || {
        moved.get().map(|m| {
            if m.is_empty() {
                return view! { <p id="cal-moved-none">{tr(K::NoDueDateMoved)}</p> }.into_any();
            }
            view! {
                <div id="cal-moved" role="status">
                    <p>{tr(K::DueDatesMoved)}" "<strong>{motcua_domain::format::thousands(m.len() as u64)}</strong></p>
                    <ul class="moved">
                        {m.into_iter().map(|x| {
                            let slip = format!("/print/receipt/{}", x.id);
                            view! {
                                <li><strong>{x.code}</strong>": "<s>{show_dt(x.old)}</s>" → "<strong class="moved-new">{show_dt(x.new)}</strong>" · "
                                    <a href=crate::platform::href(&slip) rel=crate::platform::rel(&slip)>{tr(K::ReprintSlip)}</a></li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
            .into_any()
        })
    }
}

/// Office hours and the receipt-day rule.
#[component]
fn WorkingTimeEditor(moved: RwSignal<Option<Vec<Moved>>>) -> impl IntoView {
    let st = use_app();
    let office = st.calendar.with_untracked(|c| c.office);
    let times = [office.am.0, office.am.1, office.pm.0, office.pm.1].map(|x| RwSignal::new(motcua_domain::format::clock(x)));
    let count_day = RwSignal::new(st.calendar.with_untracked(|c| c.count_receipt_day));
    let msg = RwSignal::new(None::<Msg>);
    let save = move |_| {
        let [a, b, c, d] = times.map(|s| s.get_untracked());
        match OfficeHours::parse(&a, &b, &c, &d) {
            Ok(h) => {
                let mut cal = st.calendar.get_untracked();
                cal.edit_rules(h, count_day.get_untracked(), crate::platform::now_millis());
                msg.set(Some(match st.save_calendar(cal) {
                    Ok(m) => {
                        moved.set(Some(m));
                        K::Saved.into()
                    }
                    Err(e) => e.msg(),
                }));
            }
            Err(e) => msg.set(Some(e)),
        }
    };
    view! {
        <fieldset class="working-time">
            <legend>{tr(K::OfficeHours)}</legend>
            <div class="times">
                {times.into_iter().enumerate().map(|(i, s)| view! {
                    <DateField id=format!("office-{i}") kind=FieldKind::Time value=s label=K::OfficeHours />
                }).collect_view()}
            </div>
            <label class="check"><input id="count-receipt-day" type="checkbox" prop:checked=move || count_day.get() on:change=move |ev| count_day.set(event_target_checked(&ev)) />{tr(K::CountReceiptDay)}</label>
            <button id="office-save" on:click=save>{tr(K::Save)}</button>
            {move || msg.get().map(|m| view! { <p id="office-msg">{m.text(st.lang())}</p> })}
        </fieldset>
    }
}
