//! A bare app on motcua's stack, as small as such an app gets: two routes, one value kept in
//! localStorage, one JSON round trip, one date and one plotters chart. Its size is the floor
//! motcua's download is measured against.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use plotters::prelude::*;

fn chart(values: &[u32]) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (320, 160)).into_drawing_area();
        let max = values.iter().copied().max().unwrap_or(1);
        if let Ok(mut c) = ChartBuilder::on(&root)
            .caption("Phiếu theo ngày", ("sans-serif", 14))
            .x_label_area_size(20)
            .y_label_area_size(30)
            .build_cartesian_2d(0..values.len(), 0..max)
        {
            c.configure_mesh().draw().ok();
            c.draw_series(LineSeries::new(values.iter().enumerate().map(|(i, v)| (i, *v)), &BLUE))
                .ok();
        }
        root.present().ok();
    }
    svg
}

#[component]
fn Home() -> impl IntoView {
    let count = RwSignal::new(LocalStorage::get::<u32>("floor.count").unwrap_or(0));
    let tap = move |_| {
        count.update(|n| *n += 1);
        LocalStorage::set("floor.count", count.get_untracked()).ok();
    };
    let json = move || serde_json::to_string(&serde_json::json!({ "n": count.get() })).unwrap_or_default();
    let today = chrono::Local::now().date_naive().format("%d/%m/%Y").to_string();
    view! {
        <p>{today}</p>
        <button on:click=tap>{move || count.get()}</button>
        <pre>{json}</pre>
        <div inner_html=move || chart(&[1, 4, 2, count.get() % 7])></div>
        <A href="/about">"about"</A>
    }
}

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Routes fallback=|| "not found">
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/about") view=|| view! { <A href="/">"home"</A> } />
                </Routes>
            </Router>
        }
    })
}
