//! Charts: domain numbers in, SVG text out (plotters' SVG backend, no canvas, no JS).

use chrono::{Duration, NaiveDate};
use plotters::prelude::*;

/// Counts per Vietnam-time day for the `days` days ending today, oldest first.
pub fn per_day(times: impl Iterator<Item = i64>, days: i64, now: i64) -> Vec<(NaiveDate, u32)> {
    let day = motcua_core::record::vn_date;
    let today = day(now);
    let first = today - Duration::days(days - 1);
    let mut out: Vec<(NaiveDate, u32)> = (0..days).map(|i| (first + Duration::days(i), 0)).collect();
    for t in times {
        let d = day(t);
        if d >= first && d <= today {
            out[(d - first).num_days() as usize].1 += 1;
        }
    }
    out
}

/// A bar chart of daily counts as an SVG document. Never panics: a drawing error yields an
/// empty SVG.
pub fn bar_chart(data: &[(NaiveDate, u32)], title: &str) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, 300)).into_drawing_area();
        let draw = || -> Result<(), Box<dyn std::error::Error + '_>> {
            root.fill(&WHITE)?;
            let max = data.iter().map(|d| d.1).max().unwrap_or(0).max(1);
            let mut chart = ChartBuilder::on(&root)
                .caption(title, ("sans-serif", 18))
                .margin(10)
                .x_label_area_size(30)
                .y_label_area_size(36)
                .build_cartesian_2d(0..data.len().max(1), 0..max + max / 5 + 1)?;
            chart
                .configure_mesh()
                .disable_x_mesh()
                .x_labels(6)
                .x_label_formatter(&|i| data.get(*i).map(|d| d.0.format("%d/%m").to_string()).unwrap_or_default())
                .draw()?;
            chart.draw_series(
                data.iter()
                    .enumerate()
                    .map(|(i, d)| Rectangle::new([(i, 0), (i + 1, d.1)], RGBColor(0x1f, 0x6f, 0xb2).filled())),
            )?;
            root.present()?;
            Ok(())
        };
        if draw().is_err() {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".into();
        }
    }
    svg
}

/// Leavers per screen (1-based screen numbers) as a bar chart; an empty set draws an empty
/// frame-free SVG.
pub fn screens_chart(points: &[(u32, u32)], title: &str, x_desc: &str, y_desc: &str) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, 220)).into_drawing_area();
        let last = points.iter().map(|p| p.0).max().unwrap_or(0);
        let draw = || -> Result<(), Box<dyn std::error::Error + '_>> {
            root.fill(&WHITE)?;
            let max = points.iter().map(|p| p.1).max().unwrap_or(0).max(1);
            let mut chart = ChartBuilder::on(&root)
                .caption(title, ("sans-serif", 16))
                .margin(8)
                .x_label_area_size(36)
                .y_label_area_size(44)
                .build_cartesian_2d((1..last).into_segmented(), 0..max + 1)?;
            chart
                .configure_mesh()
                .disable_x_mesh()
                .x_desc(x_desc)
                .y_desc(y_desc)
                .y_labels((max + 2).min(6) as usize)
                .draw()?;
            chart.draw_series(
                Histogram::vertical(&chart)
                    .style(RGBColor(0xc0, 0x39, 0x2b).filled())
                    .margin(6)
                    .data(points.iter().map(|&(k, n)| (k, n))),
            )?;
            root.present()?;
            Ok(())
        };
        if points.is_empty() || draw().is_err() {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".into();
        }
    }
    svg
}
