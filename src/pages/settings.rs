//! Device settings: name, the unit's setup, anonymity threshold, staff PIN, questionnaire.

use crate::components::calendar_editor::CalendarEditor;
use crate::components::catalogue_editor::CatalogueEditor;
use crate::components::official_index::OfficialIndexForm;
use crate::components::pinpad::PinPad;
use crate::components::unit_setup::UnitSetup;
use crate::components::{tm, tr, Page};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use motcua_domain::i18n::{Msg, K};
use motcua_domain::settings::{TabletForm, IDLE_RANGE, STAFF_IDLE_RANGE};

/// Settings of this tablet.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let st = use_app();
    let s0 = st.settings.get_untracked();
    // The form as typed; `TabletForm::apply` reads and bounds it.
    let form = RwSignal::new(TabletForm::of(&s0));
    let saved = RwSignal::new(None::<Result<(), Msg>>);
    // A number box of the form: `get` reads its text, `set` writes it.
    let number =
        move |id: &'static str, label: K, min: i64, max: Option<i64>, get: fn(&TabletForm) -> String, set: fn(&mut TabletForm, String)| {
            view! {
                <label>{tr(label)}<input id=id type="number" min=min max=max
                    prop:value=move || form.with(get)
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev))) /></label>
            }
        };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = form.with_untracked(|f| f.apply(st.settings.get_untracked()));
        saved.set(Some(st.save_settings(s).map_err(|e| e.msg())));
    };
    let changing = RwSignal::new(false);
    let msg = RwSignal::new(false);
    view! {
        <Page title=K::NavSettings>
            <form class="card form" novalidate on:submit=save>
                <label>{tr(K::DeviceId)}<input type="text" readonly prop:value=s0.device_id /></label>
                <label>{tr(K::DeviceName)}<input id="device-name" type="text" maxlength="40" prop:value=move || form.with(|f| f.device_name.clone()) on:input=move |ev| form.update(|f| f.device_name = event_target_value(&ev)) /></label>
                {number("min-n", K::MinN, 1, None, |f| f.min_n.clone(), |f, v| f.min_n = v)}
                {number("idle-seconds", K::IdleSeconds, *IDLE_RANGE.start(), Some(*IDLE_RANGE.end()), |f| f.idle_seconds.clone(), |f, v| f.idle_seconds = v)}
                <label>{tr(K::CameraFacing)}
                    <select id="camera-facing" on:change=move |ev| form.update(|f| f.camera_back = event_target_value(&ev) == "back")>
                        <option value="front" selected=move || form.with(|f| !f.camera_back)>{tr(K::CameraFront)}</option>
                        <option value="back" selected=move || form.with(|f| f.camera_back)>{tr(K::CameraBack)}</option>
                    </select>
                </label>
                <label class="check"><input id="rate-officers" type="checkbox" prop:checked=move || form.with(|f| f.rate_officers) on:change=move |ev| form.update(|f| f.rate_officers = event_target_checked(&ev)) />{tr(K::RateOfficers)}</label>
                {number("staff-idle-seconds", K::StaffIdleSeconds, *STAFF_IDLE_RANGE.start(), Some(*STAFF_IDLE_RANGE.end()), |f| f.staff_idle_seconds.clone(), |f, v| f.staff_idle_seconds = v)}
                {number("export-reminder-days", K::ExportReminderDays, 0, Some(365), |f| f.export_reminder_days.clone(), |f, v| f.export_reminder_days = v)}
                {number("index-target", K::IndexTarget, 0, Some(100), |f| f.index_target.clone(), |f, v| f.index_target = v)}
                <button class="primary" id="save-settings" type="submit">{tr(K::Save)}</button>
                {move || saved.get().map(|r| match r {
                    Ok(()) => view! { <span class="ok" id="settings-saved">{tr(K::Saved)}</span> }.into_any(),
                    Err(e) => view! { <span class="error-text" id="settings-error" role="alert">{tm(e)}</span> }.into_any(),
                })}
            </form>
            <UnitSetup />
            <div class="card">
                <A href=crate::platform::href("/settings/questionnaire") attr:class="button" attr:id="edit-questionnaire">{tr(K::Questionnaire)}</A>
                " "
                <button id="change-pin" on:click=move |_| { msg.set(false); changing.set(true) }>{tr(K::ChangePin)}</button>
            </div>
            <OfficialIndexForm />
            <CatalogueEditor />
            <CalendarEditor />
            <Show when=move || changing.get()>
                <PinChange on_done=Callback::new(move |ok: bool| { changing.set(false); msg.set(ok) }) />
            </Show>
            <p class="ok" id="pin-msg-settings">{move || msg.get().then(tr(K::PinChanged))}</p>
        </Page>
    }
}

/// Change the staff PIN: the current one first (with the same wrong-try delay as unlocking),
/// then the new one twice. A forgotten PIN has no back door: see README, "Forgotten PIN".
#[component]
fn PinChange(on_done: Callback<bool>) -> impl IntoView {
    let st = use_app();
    let has_pin = st.pin.with_untracked(Option::is_some);
    // 0: current PIN, 1: new PIN, 2: the new PIN again.
    let step = RwSignal::new(if has_pin { 0 } else { 1 });
    let (current, new) = (StoredValue::new(String::new()), StoredValue::new(String::new()));
    let msg = RwSignal::new(None::<Msg>);
    let submit = Callback::new(move |pin: String| match step.get_untracked() {
        0 => {
            current.set_value(pin);
            msg.set(None);
            step.set(1);
        }
        1 => {
            new.set_value(pin);
            msg.set(Some(K::PinRepeat.into()));
            step.set(2);
        }
        _ => match st.change_pin(&current.get_value(), &new.get_value(), &pin) {
            Ok(()) => on_done.run(true),
            Err(e) => {
                msg.set(Some(e));
                step.set(if has_pin { 0 } else { 1 });
            }
        },
    });
    let cancel = Callback::new(move |_| on_done.run(false));
    move || {
        let title = match step.get() {
            0 => K::PinCurrent,
            1 => K::PinNew,
            _ => K::PinRepeat,
        };
        view! { <PinPad title message=msg on_submit=submit on_cancel=cancel /> }
    }
}
