use leptos::prelude::*;

/// A smiley drawn in SVG for a score 1–5 (no emoji font needed on the tablet).
#[component]
pub fn Face(score: u8) -> impl IntoView {
    let (fill, mouth) = match score {
        1 => ("#d9534f", "M14 34 Q24 24 34 34"),
        2 => ("#f0883e", "M15 33 Q24 28 33 33"),
        3 => ("#e3b341", "M15 31 L33 31"),
        4 => ("#7cb342", "M15 29 Q24 35 33 29"),
        _ => ("#2e9d4f", "M13 27 Q24 40 35 27"),
    };
    view! {
        <svg class="face" viewBox="0 0 48 48" aria-hidden="true">
            <circle cx="24" cy="24" r="22" fill=fill />
            <circle cx="17" cy="19" r="3" fill="#222" />
            <circle cx="31" cy="19" r="3" fill="#222" />
            <path d=mouth stroke="#222" stroke-width="3" fill="none" stroke-linecap="round" />
        </svg>
    }
}
