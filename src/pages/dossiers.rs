//! The dossier register (Sổ theo dõi hồ sơ).

use crate::components::{tr, Page};
use leptos::prelude::*;
use motcua_core::i18n::K;

/// The register of dossiers.
#[component]
pub fn Dossiers() -> impl IntoView {
    view! {
        <Page title=K::DossierTitle>
            <p class="muted">{tr(K::ComingNext)}</p>
        </Page>
    }
}
