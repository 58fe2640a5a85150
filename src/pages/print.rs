//! Printable documents (A4, print CSS): the register (Sổ theo dõi hồ sơ, form 07, landscape)
//! for a period, and the receipt slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả) of one dossier.
//! Lines and fields come from `core::dossier::worklist`; this page lays them out.

use crate::components::dossier_form::{channel_label, show_dt};
use crate::components::tr;
use crate::platform::now_local;
use crate::state::use_app;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use motcua_domain::dossier::forms::Form;
use motcua_domain::dossier::worklist;
use motcua_domain::format::{date, time_on_date};
use motcua_domain::i18n::K;

/// The print and back buttons (not printed).
#[component]
pub(crate) fn PrintBar() -> impl IntoView {
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            w.print().ok();
        }
    };
    view! {
        <div class="print-bar no-print">
            <button class="primary" id="print-now" on:click=print>{tr(K::PrintNow)}</button>
            <a class="button" href=crate::platform::href("/dossiers")>{tr(K::BackToRegister)}</a>
        </div>
    }
}

/// `/print/register?from=yyyy-mm-dd&to=yyyy-mm-dd`: the register of dossiers received in the period.
#[component]
pub fn RegisterPrint() -> impl IntoView {
    let st = use_app();
    let q = use_query_map();
    let day = move |k: &str, fallback: NaiveDate| {
        q.with(|m| m.get(k))
            .and_then(|s| motcua_domain::format::parse_date_key(&s))
            .unwrap_or(fallback)
    };
    let today = now_local().date();
    let period = move || {
        let to = day("to", today);
        (day("from", to), to)
    };
    let lines = Memo::new(move |_| {
        let (from, to) = period();
        let (cal, cat) = (st.calendar.get(), st.catalogue.get());
        st.dossiers.with(|ds| worklist::register(ds, &cat, &cal, from, to, now_local()))
    });
    let form = Form::Register07;
    let xlsx_error = RwSignal::new(None::<motcua_domain::i18n::Msg>);
    let xlsx = move |_| {
        let (from, to) = period();
        let req = motcua_formats::sheet::XlsxRequest::Register {
            lines: lines.get_untracked(),
            head: st.settings.with_untracked(motcua_domain::dossier::forms::Letterhead::of),
            from,
            to,
            lang: st.lang(),
        };
        let name = format!(
            "so-theo-doi-ho-so-{}-{}.xlsx",
            motcua_domain::format::date_compact(from),
            motcua_domain::format::date_compact(to)
        );
        crate::excel::download_xlsx(name, req, xlsx_error);
    };
    view! {
        <PrintBar />
        <p class="no-print"><button id="export-xlsx-register" on:click=xlsx>{tr(K::ExportXlsxRegister)}</button>
            {move || xlsx_error.get().map(|e| view! { " "<span class="error-text" role="alert">{crate::components::tm(e)}</span> })}</p>
        <article class="print-doc register-doc" id="register-doc">
            <FormHeading number=None />
            <p class="form-no">{form.source()}</p>
            <h1>{form.title()}</h1>
            <p class="doc-period">{tr(K::From)}" "{move || date(period().0)}" · "{tr(K::To)}" "{move || date(period().1)}</p>
            <table class="register" id="register-table">
                <thead><tr>
                    <th>{tr(K::Stt)}</th><th>{tr(K::Code)}</th><th>{tr(K::Procedure)}</th><th>{tr(K::Applicant)}</th><th>{tr(K::Contact)}</th>
                    <th>{tr(K::LeadAgency)}</th><th>{tr(K::ReceivedAt)}</th><th>{tr(K::DueDate)}</th><th>{tr(K::ReturnedAt)}</th>
                    <th>{tr(K::ResultVia)}</th><th>{tr(K::SignedFor)}</th><th>{tr(K::Notes)}</th>
                </tr></thead>
                <tbody>
                    {move || lines.with(|l| l.is_empty()).then(|| view! { <tr><td colspan="12">{tr(K::NoData)}</td></tr> })}
                    {move || lines.get().into_iter().map(|l| view! {
                        <tr>
                            <td class="num">{l.stt}</td><td>{l.code}</td><td>{l.procedure_name}</td><td>{l.applicant}</td><td>{l.contact}</td>
                            <td>{l.division}</td><td>{show_dt(l.received)}</td><td>{show_dt(l.due)}{l.due_provisional.then(|| view! { " "<span class="provisional">{tr(K::DueProvisional)}</span> })}</td>
                            <td>{l.returned.map(show_dt).unwrap_or_default()}</td>
                            <td>{channel_label(l.result_via)}</td><td>{l.signed_by}</td>
                            <td>{move || l.timeliness.label(st.lang())}{(!l.notes.is_empty()).then(|| format!(" · {}", l.notes))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </article>
    }
}

/// `/print/receipt/:id`: the receipt slip handed to the citizen, Mẫu 01 of Thông tư
/// 03/2025/TT-VPCP (Phụ lục I). An official form: printed in Vietnamese whatever the UI's
/// language, under the national heading and the agency's names (Cài đặt).
#[component]
pub fn ReceiptPrint() -> impl IntoView {
    let slip = of_route_dossier(|d, all, cal| Some(worklist::receipt_slip(d, all, cal)));
    view! {
        <PrintBar />
        {move || match slip.get() {
            None => view! { <p class="card" id="receipt-missing">{tr(K::NoData)}</p> }.into_any(),
            Some(s) => view! { <Receipt01 s /> }.into_any(),
        }}
    }
}

/// `/print/result/:id`: the slip handed with the result (`worklist::result_slip`), its code as a
/// QR code for the kiosk. Printed in Vietnamese like the forms, under the agency's heading.
#[component]
pub fn ResultPrint() -> impl IntoView {
    let slip = of_route_dossier(|d, _, cal| worklist::result_slip(d, cal));
    view! {
        <PrintBar />
        {move || slip.get().map_or_else(
            || view! { <p class="card" id="result-missing">{tr(K::NoData)}</p> }.into_any(),
            |s| view! {
                <article class="print-doc receipt-doc" id="result-doc">
                    <FormHeading number=None />
                    <h1>{vi(K::ResultSlipTitle)}</h1>
                    <div class="receipt-top">
                        <p class="doc-code">{vi(K::Code)}": "<strong id="result-code">{s.code.clone()}</strong></p>
                        // The QR code comes from core (qrcode's SVG of the dossier code alone).
                        <div class="qr" id="result-qr" inner_html=s.qr_svg.clone()></div>
                    </div>
                    <dl class="facts">
                        <dt>{vi(K::Applicant)}</dt><dd>{s.applicant.clone()}</dd>
                        <dt>{vi(K::Procedure)}</dt><dd>{s.procedure_name.clone()}</dd>
                        <dt>{vi(K::ReceivedAt)}</dt><dd>{time_on_date(s.received)}</dd>
                        <dt>{vi(K::DueDate)}</dt><dd>{show_dt(s.due)}</dd>
                        <dt>{vi(K::ReturnedAt)}</dt><dd id="result-returned">{time_on_date(s.returned)}</dd>
                        <dt>{vi(K::Timeliness)}</dt><dd id="result-timeliness"><strong>{s.timeliness.label(motcua_domain::Lang::Vi)}</strong></dd>
                        <dt>{vi(K::ResultVia)}</dt><dd>{s.result_via.label(motcua_domain::Lang::Vi)}</dd>
                        <dt>{vi(K::SignedFor)}</dt><dd>{if s.signed_by.trim().is_empty() { "……………………………………".to_string() } else { s.signed_by.clone() }}</dd>
                    </dl>
                    <p class="lookup-hint" id="result-rate"><strong>{vi(K::ResultSlipRate)}</strong></p>
                    <p class="muted"><small>{vi(K::ResultSlipNote)}</small></p>
                </article>
            }.into_any(),
        )}
    }
}

/// The print model `f` makes of the dossier the route's `:id` names (a live one), with all the
/// dossiers and the calendar beside it; `None` when there is none.
fn of_route_dossier<T>(
    f: impl Fn(&motcua_domain::dossier::Dossier, &[motcua_domain::dossier::Dossier], &motcua_domain::calendar::WorkCalendar) -> Option<T>
        + Send
        + Sync
        + 'static,
) -> Memo<Option<T>>
where
    T: PartialEq + Send + Sync + 'static,
{
    let st = use_app();
    let params = use_params_map();
    Memo::new(move |_| {
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        let cal = st.calendar.get();
        st.dossiers
            .with(|ds| ds.iter().find(|d| d.meta.id == id && !d.meta.deleted).and_then(|d| f(d, ds, &cal)))
    })
}

/// Vietnamese, for the official forms.
pub(crate) fn vi(key: K) -> &'static str {
    motcua_domain::i18n::t(motcua_domain::Lang::Vi, key)
}

/// The national heading and the agency's names, as every form of TT 03/2025 opens.
#[component]
pub(crate) fn FormHeading(number: Option<String>) -> impl IntoView {
    let st = use_app();
    let head = st.settings.with_untracked(motcua_domain::dossier::forms::Letterhead::of);
    let (parent, agency, counter) = (head.parent, head.agency, head.counter);
    view! {
        <header class="form-heading" id="form-heading">
            <div class="agency">
                {(!parent.trim().is_empty()).then(|| view! { <p>{motcua_domain::format::upper(&parent)}</p> })}
                <p><strong>{motcua_domain::format::upper(&agency)}</strong></p>
                {(!counter.trim().is_empty()).then(|| view! { <p><strong>{counter}</strong></p> })}
                {number.map(|n| view! { <p class="form-number">{vi(K::FormNumber)}": "{n}</p> })}
            </div>
            <div class="nation">
                <p><strong>{vi(K::NationHeading)}</strong></p>
                <p class="motto"><strong>{vi(K::NationMotto)}</strong></p>
            </div>
        </header>
    }
}

/// Mẫu 01 from core's print model.
#[component]
fn Receipt01(s: worklist::ReceiptSlip) -> impl IntoView {
    let dots = "……………………………………";
    let lang = motcua_domain::Lang::Vi;
    let term = s.term.text(lang);
    view! {
        <article class="print-doc receipt-doc" id="receipt-doc">
            <FormHeading number=Some(s.stt.to_string()) />
            <p class="form-no">{Form::Receipt01.source()}</p>
            <h1>{Form::Receipt01.title()}</h1>
            <div class="receipt-top">
                <p class="doc-code">{vi(K::Code)}": "<strong id="receipt-code">{s.code.clone()}</strong></p>
                // The QR code comes from core (qrcode's SVG of the dossier code alone).
                <div class="qr" id="receipt-qr" inner_html=s.qr_svg.clone()></div>
            </div>
            <dl class="facts">
                <dt>{vi(K::Applicant)}</dt><dd>{s.applicant.clone()}</dd>
                <dt>{vi(K::IdNumber)}</dt><dd id="receipt-id-number">{if s.id_number.is_empty() { dots.to_string() } else { s.id_number.clone() }}</dd>
                <dt>{vi(K::Contact)}</dt><dd>{s.contact.clone()}</dd>
                <dt>{vi(K::Email)}</dt><dd>{if s.email.is_empty() { dots.to_string() } else { s.email.clone() }}</dd>
                <dt>{vi(K::Procedure)}</dt><dd>{s.procedure_name.clone()}</dd>
                <dt>{vi(K::DocumentsReceived)}</dt><dd>{if s.documents.is_empty() {
                    view! { {dots} }.into_any()
                } else {
                    view! { <ol class="documents" id="receipt-documents">{s.documents.iter().map(|x| view! { <li>{x.name.clone()}" – "{x.copies}" "{vi(K::DocumentCopies)}</li> }).collect_view()}</ol> }.into_any()
                }}</dd>
                <dt>{vi(K::Copies)}</dt><dd>{s.copies}</dd>
                <dt>{vi(K::Fee)}</dt><dd>{s.fee.map(|f| vi(f.key()))}</dd>
                <dt>{vi(K::Term)}</dt><dd>{term}</dd>
                <dt>{vi(K::Channel)}</dt><dd>{s.channel.label(lang)}{s.online_level.map(|l| format!(" · {}", vi(l.key())))}</dd>
                {s.filed_at.map(|f| view! { <dt>{vi(K::FiledOnline)}</dt><dd>{time_on_date(f)}</dd> })}
                <dt>{vi(K::ReceivedAt)}</dt><dd>{time_on_date(s.received)}</dd>
                <dt>{vi(K::DueDate)}</dt><dd id="receipt-due"><strong>{show_dt(s.due)}</strong>
                    {s.due_provisional.then(|| view! { " "<span class="provisional" id="receipt-provisional">{vi(K::DueProvisional)}</span> })}</dd>
                <dt>{vi(K::ResultVia)}</dt><dd>{s.result_via.label(lang)}</dd>
                {(!s.notes.is_empty()).then(|| view! { <dt>{vi(K::Notes)}</dt><dd>{s.notes.clone()}</dd> })}
            </dl>
            <p id="receipt-book">{vi(K::RegisterBook)}": "{s.book}", "{vi(K::RegisterStt)}": "{s.stt}</p>
            <p class="lookup-hint" id="receipt-hint">{vi(K::ReceiptLookupHint)}</p>
            <div class="signatures">
                <div><strong>{vi(K::Submitter)}</strong><br/><small>{vi(K::SignHint)}</small></div>
                <div><strong>{vi(K::Receiver)}</strong><br/><small>{vi(K::SignHint)}</small><p class="signer" id="receipt-receiver">{s.receiver.clone()}</p></div>
            </div>
        </article>
    }
}
