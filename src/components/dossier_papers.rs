//! The receipt's fields from Mẫu 01 of TT 03/2025 beyond the register's columns: the
//! applicant's số định danh and email, the documents received (the procedure's checklist, with
//! copies), the online file's filing time on the Cổng DVCQG, and the digital side (số hóa,
//! kết quả điện tử, thanh toán trực tuyến). None of it carries over to the next dossier.

use super::date_field::{DateField, FieldKind};
use super::dossier_form::parse_dt;
use super::tr;
use leptos::prelude::*;
use motcua_domain::dossier::{parse_copies, Channel, Digital, Document, DossierError, NewDossier, Procedure};
use motcua_domain::i18n::K;

/// One checklist line: the document, whether it was handed in, its copies (as typed).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Line {
    name: String,
    given: bool,
    copies: String,
}

#[derive(Clone, Copy)]
pub struct Papers {
    pub(crate) id_number: RwSignal<String>,
    pub(crate) email: RwSignal<String>,
    pub(crate) filed_at: RwSignal<String>,
    pub(crate) digital: RwSignal<Digital>,
    pub(crate) lines: RwSignal<Vec<Line>>,
    /// Documents outside the checklist, separated by ";".
    pub(crate) other: RwSignal<String>,
}

impl Default for Papers {
    fn default() -> Papers {
        Papers::new()
    }
}

impl Papers {
    pub fn new() -> Papers {
        Papers {
            id_number: RwSignal::new(String::new()),
            email: RwSignal::new(String::new()),
            filed_at: RwSignal::new(String::new()),
            digital: RwSignal::new(Digital::default()),
            lines: RwSignal::new(Vec::new()),
            other: RwSignal::new(String::new()),
        }
    }

    /// Empty again, with `procedure`'s checklist (every document ticked, one copy: the
    /// officer unticks what is missing).
    pub fn reset(&self, procedure: Option<&Procedure>) {
        for s in [self.id_number, self.email, self.filed_at, self.other] {
            s.set(String::new());
        }
        self.digital.set(Digital::default());
        self.checklist(procedure);
    }

    /// Another procedure: its checklist.
    pub fn checklist(&self, procedure: Option<&Procedure>) {
        let docs = procedure.map(|p| p.documents.clone()).unwrap_or_default();
        self.lines.set(
            docs.into_iter()
                .map(|name| Line {
                    name,
                    given: true,
                    copies: "1".into(),
                })
                .collect(),
        );
    }

    /// Fill `input` with these fields; a document's copies that do not read are refused.
    pub fn fill(&self, input: &mut NewDossier) -> Result<(), DossierError> {
        input.id_number = self.id_number.get_untracked();
        input.email = self.email.get_untracked();
        input.filed_at = parse_dt(&self.filed_at.get_untracked());
        input.digital = self.digital.get_untracked();
        let mut docs: Vec<Document> = self.lines.with_untracked(|l| {
            l.iter()
                .filter(|l| l.given)
                .map(|l| {
                    Ok(Document {
                        name: l.name.clone(),
                        copies: parse_copies(&l.copies)?,
                    })
                })
                .collect::<Result<_, DossierError>>()
        })?;
        docs.extend(self.other.get_untracked().split(';').map(|n| Document {
            name: n.trim().to_string(),
            copies: 1,
        }));
        input.documents = docs;
        Ok(())
    }
}

/// The fields on the entry form.
#[component]
pub fn PaperFields(papers: Papers, channel: RwSignal<Channel>) -> impl IntoView {
    let text = |id: &'static str, key: K, kind: &'static str, sig: RwSignal<String>| {
        view! { <label>{tr(key)}<input id=id type=kind maxlength="120" prop:value=move || sig.get() on:input=move |ev| sig.set(event_target_value(&ev)) /></label> }
    };
    let flag = |id: &'static str, key: K, get: fn(&Digital) -> bool, set: fn(&mut Digital, bool)| {
        let d = papers.digital;
        view! { <label class="inline"><input type="checkbox" id=id prop:checked=move || d.with(get) on:change=move |ev| d.update(|x| set(x, event_target_checked(&ev))) />{tr(key)}</label> }
    };
    view! {
        <div class="grid2 papers">
            {text("d-id-number", K::IdNumber, "text", papers.id_number)}
            {text("d-email", K::Email, "email", papers.email)}
            <Show when=move || channel.get() == Channel::Online>
                <label>{tr(K::FiledOnline)}
                    <DateField id="d-filed-at" kind=FieldKind::DateTime value=papers.filed_at />
                </label>
            </Show>
        </div>
        <fieldset class="documents" id="d-documents">
            <legend>{tr(K::DocumentsReceived)}</legend>
            {move || papers.lines.get().into_iter().enumerate().map(|(i, l)| view! {
                <div class="doc-line">
                    <label class="inline"><input type="checkbox" id=format!("d-doc-{i}") prop:checked=l.given
                        on:change=move |ev| papers.lines.update(|v| if let Some(x) = v.get_mut(i) { x.given = event_target_checked(&ev) }) />{l.name.clone()}</label>
                    <input type="number" min="1" max="99" class="narrow" id=format!("d-doc-copies-{i}") aria-label=tr(K::DocumentCopies) prop:value=l.copies.clone()
                        on:input=move |ev| papers.lines.update(|v| if let Some(x) = v.get_mut(i) { x.copies = event_target_value(&ev) }) />
                    " "{tr(K::DocumentCopies)}
                </div>
            }).collect_view()}
            <input id="d-doc-other" type="text" maxlength="500" placeholder=tr(K::OtherDocuments) aria-label=tr(K::OtherDocuments)
                prop:value=move || papers.other.get() on:input=move |ev| papers.other.set(event_target_value(&ev)) />
        </fieldset>
        <div class="flags">
            {flag("d-digitised", K::Digitised, |d| d.digitised, |d, v| d.digitised = v)}
            {flag("d-e-result", K::EResult, |d| d.e_result, |d, v| d.e_result = v)}
            {flag("d-paid-online", K::PaidOnline, |d| d.paid_online, |d, v| d.paid_online = v)}
        </div>
    }
}
