//! Device settings: name, the unit's setup, anonymity threshold, staff PIN, questionnaire.

use crate::components::calendar_editor::CalendarEditor;
use crate::components::catalogue_editor::CatalogueEditor;
use crate::components::official_index::OfficialIndexForm;
use crate::components::pinpad::PinPad;
use crate::components::unit_setup::UnitSetup;
use crate::components::{tr, Page};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use motcua_core::i18n::{t, K};
use motcua_core::pin::{PinChangeError, PinCheck};
use motcua_core::settings::{IDLE_RANGE, STAFF_IDLE_RANGE};

/// Settings of this tablet.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let st = use_app();
    let s0 = st.settings.get_untracked();
    let name = RwSignal::new(s0.device_name.clone());
    let min_n = RwSignal::new(s0.min_n.to_string());
    let idle = RwSignal::new(s0.idle_seconds.to_string());
    let staff_idle = RwSignal::new(s0.staff_idle_seconds.to_string());
    let remind = RwSignal::new(s0.export_reminder_days.to_string());
    let target = RwSignal::new(s0.index_target.to_string());
    let camera_back = RwSignal::new(s0.camera_back);
    let rate_officers = RwSignal::new(s0.rate_officers);
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut s = st.settings.get_untracked();
        s.camera_back = camera_back.get_untracked();
        s.rate_officers = rate_officers.get_untracked();
        s.device_name = name.get_untracked().trim().to_string();
        s.idle_seconds = idle
            .get_untracked()
            .trim()
            .parse()
            .unwrap_or(s.idle_seconds)
            .clamp(*IDLE_RANGE.start(), *IDLE_RANGE.end());
        s.staff_idle_seconds = staff_idle
            .get_untracked()
            .trim()
            .parse()
            .unwrap_or(s.staff_idle_seconds)
            .clamp(*STAFF_IDLE_RANGE.start(), *STAFF_IDLE_RANGE.end());
        s.min_n = min_n.get_untracked().trim().parse().unwrap_or(s.min_n).max(1);
        s.export_reminder_days = remind.get_untracked().trim().parse().unwrap_or(s.export_reminder_days).min(365);
        s.index_target = target.get_untracked().trim().parse().unwrap_or(s.index_target).min(100);
        saved.set(st.save_settings(s).is_ok());
    };
    let changing = RwSignal::new(false);
    let msg = RwSignal::new(String::new());
    view! {
        <Page title=K::NavSettings>
            <form class="card form" on:submit=save>
                <label>{tr(K::DeviceId)}<input type="text" readonly prop:value=s0.device_id /></label>
                <label>{tr(K::DeviceName)}<input id="device-name" type="text" maxlength="40" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) /></label>
                <label>{tr(K::MinN)}<input id="min-n" type="number" min="1" prop:value=move || min_n.get() on:input=move |ev| min_n.set(event_target_value(&ev)) /></label>
                <label>{tr(K::IdleSeconds)}<input id="idle-seconds" type="number" min="5" max="600" prop:value=move || idle.get() on:input=move |ev| idle.set(event_target_value(&ev)) /></label>
                <label>{tr(K::CameraFacing)}
                    <select id="camera-facing" on:change=move |ev| camera_back.set(event_target_value(&ev) == "back")>
                        <option value="front" selected=move || !camera_back.get()>{tr(K::CameraFront)}</option>
                        <option value="back" selected=move || camera_back.get()>{tr(K::CameraBack)}</option>
                    </select>
                </label>
                <label class="check"><input id="rate-officers" type="checkbox" prop:checked=move || rate_officers.get() on:change=move |ev| rate_officers.set(event_target_checked(&ev)) />{tr(K::RateOfficers)}</label>
                <label>{tr(K::StaffIdleSeconds)}<input id="staff-idle-seconds" type="number" min="10" max="3600" prop:value=move || staff_idle.get() on:input=move |ev| staff_idle.set(event_target_value(&ev)) /></label>
                <label>{tr(K::ExportReminderDays)}<input id="export-reminder-days" type="number" min="0" max="365" prop:value=move || remind.get() on:input=move |ev| remind.set(event_target_value(&ev)) /></label>
                <label>{tr(K::IndexTarget)}<input id="index-target" type="number" min="0" max="100" prop:value=move || target.get() on:input=move |ev| target.set(event_target_value(&ev)) /></label>
                <button class="primary" id="save-settings" type="submit">{tr(K::Save)}</button>
                <Show when=move || saved.get()><span class="ok" id="settings-saved">{tr(K::Saved)}</span></Show>
            </form>
            <UnitSetup />
            <div class="card">
                <A href=crate::platform::href("/settings/questionnaire") attr:class="button" attr:id="edit-questionnaire">{tr(K::Questionnaire)}</A>
                " "
                <button id="change-pin" on:click=move |_| { msg.set(String::new()); changing.set(true) }>{tr(K::ChangePin)}</button>
            </div>
            <OfficialIndexForm />
            <CatalogueEditor />
            <CalendarEditor />
            <Show when=move || changing.get()>
                <PinChange on_done=Callback::new(move |ok: bool| { changing.set(false); if ok { msg.set(t(st.lang(), K::PinChanged).into()) } }) />
            </Show>
            <p class="ok" id="pin-msg-settings">{move || msg.get()}</p>
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
    let msg = RwSignal::new(String::new());
    let submit = Callback::new(move |pin: String| match step.get_untracked() {
        0 => {
            current.set_value(pin);
            msg.set(String::new());
            step.set(1);
        }
        1 => {
            new.set_value(pin);
            msg.set(t(st.lang(), K::PinRepeat).into());
            step.set(2);
        }
        _ => match st.change_pin(&current.get_value(), &new.get_value(), &pin) {
            Ok(()) => on_done.run(true),
            Err(e) => {
                msg.set(match e {
                    PinChangeError::Current(PinCheck::Wait(s)) => format!("{} {s}", t(st.lang(), K::PinWait)),
                    PinChangeError::Current(PinCheck::Unreadable) => t(st.lang(), K::PinUnreadable).into(),
                    PinChangeError::Current(_) => t(st.lang(), K::PinWrong).into(),
                    PinChangeError::Invalid => t(st.lang(), K::PinInvalid).into(),
                    PinChangeError::Mismatch => t(st.lang(), K::PinMismatch).into(),
                    PinChangeError::NotSaved => t(st.lang(), K::StorageFull).into(),
                });
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
