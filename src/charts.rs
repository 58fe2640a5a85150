//! Charts: domain numbers in, SVG text out (plotters' SVG backend, no canvas, no JS).

use chrono::NaiveDate;
use plotters::prelude::*;
// Fonts by family, not by name: a name is parsed with `to_lowercase`, which would bring the
// Unicode case tables into the staff modules (issue 22).
use plotters::style::FontFamily;

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
                .caption(title, (FontFamily::SansSerif, 18))
                .margin(10)
                .x_label_area_size(30)
                .y_label_area_size(36)
                .build_cartesian_2d(0..data.len().max(1), 0..max + max / 5 + 1)?;
            chart
                .configure_mesh()
                .disable_x_mesh()
                .x_labels(6)
                .x_label_formatter(&|i| data.get(*i).map(|d| motcua_domain::format::day_month(d.0)).unwrap_or_default())
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
                .caption(title, (FontFamily::SansSerif, 16))
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

/// Colours told apart in greyscale print too (dark, middle, light).
pub const DARK: RGBColor = RGBColor(0x0b, 0x3d, 0x91);
pub const MIDDLE: RGBColor = RGBColor(0xe6, 0x55, 0x0d);
pub const LIGHT: RGBColor = RGBColor(0x9e, 0xca, 0xe1);

const EMPTY: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";

fn month_label(labels: &[String], v: &SegmentValue<usize>) -> String {
    match v {
        SegmentValue::CenterOf(i) => labels.get(*i).cloned().unwrap_or_default(),
        _ => String::new(),
    }
}

/// The satisfaction index per month (a line with points; months under the anonymity threshold
/// are gaps) against the target line. `labels` name the months.
pub fn index_trend(labels: &[String], values: &[Option<f64>], target: f64, text: [&str; 4]) -> String {
    let [title, y_desc, line_name, target_name] = text;
    if values.iter().all(Option::is_none) {
        return EMPTY.into();
    }
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (720, 340)).into_drawing_area();
        let draw = || -> Result<(), Box<dyn std::error::Error + '_>> {
            root.fill(&WHITE)?;
            let n = labels.len().max(1);
            let mut chart = ChartBuilder::on(&root)
                .caption(title, (FontFamily::SansSerif, 22))
                .margin(12)
                .x_label_area_size(36)
                .y_label_area_size(56)
                .build_cartesian_2d((0..n - 1).into_segmented(), 0f64..100f64)?;
            chart
                .configure_mesh()
                .disable_x_mesh()
                .light_line_style(WHITE)
                .label_style((FontFamily::SansSerif, 15))
                .y_desc(y_desc)
                .y_label_formatter(&|v| format!("{v:.0}"))
                .x_labels(n.min(12) * 2 + 1)
                .x_label_formatter(&|v| month_label(labels, v))
                .draw()?;
            let at = |i: usize| SegmentValue::CenterOf(i);
            chart
                .draw_series(LineSeries::new(vec![(at(0), target), (at(n - 1), target)], MIDDLE.stroke_width(2)))?
                .label(target_name)
                .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], MIDDLE.stroke_width(2)));
            // One line per run of months with a value.
            let mut runs: Vec<Vec<(SegmentValue<usize>, f64)>> = vec![Vec::new()];
            for (i, v) in values.iter().enumerate() {
                match v {
                    Some(v) => runs.last_mut().map(|r| r.push((at(i), *v))).unwrap_or_default(),
                    None => runs.push(Vec::new()),
                }
            }
            for (k, run) in runs.into_iter().filter(|r| !r.is_empty()).enumerate() {
                let s = chart.draw_series(LineSeries::new(run.clone(), DARK.stroke_width(3)))?;
                if k == 0 {
                    s.label(line_name)
                        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], DARK.stroke_width(3)));
                }
                chart.draw_series(run.into_iter().map(|p| Circle::new(p, 5, DARK.filled())))?;
            }
            chart
                .configure_series_labels()
                .label_font((FontFamily::SansSerif, 15))
                .background_style(WHITE.mix(0.9))
                .border_style(BLACK)
                .position(SeriesLabelPosition::LowerRight)
                .draw()?;
            root.present()?;
            Ok(())
        };
        if draw().is_err() {
            return EMPTY.into();
        }
    }
    svg
}

/// Five steps of one hue, light to dark, told apart in greyscale (answers 1 to 5).
pub const FIVE: [RGBColor; 5] = [
    RGBColor(0xde, 0xeb, 0xf7),
    RGBColor(0x9e, 0xca, 0xe1),
    RGBColor(0x42, 0x92, 0xc6),
    RGBColor(0x21, 0x71, 0xb5),
    RGBColor(0x08, 0x30, 0x6b),
];

/// Stacked bars per month: `series` are (name, values per month); colours dark, middle, light
/// from the bottom up.
pub fn stacked(labels: &[String], series: &[(&str, Vec<u64>)], title: &str, y_desc: &str) -> String {
    stacked_with(labels, series, title, y_desc, &[DARK, MIDDLE, LIGHT], None)
}

/// A rate in % per month drawn as a line on its own axis (right) over stacked bars.
pub type RateLine<'a> = (&'a [Option<f64>], &'a str);

/// Stacked bars with the given colours, bottom series first, and optionally a rate line.
pub fn stacked_with(
    labels: &[String],
    series: &[(&str, Vec<u64>)],
    title: &str,
    y_desc: &str,
    colours: &[RGBColor],
    rate: Option<RateLine>,
) -> String {
    let totals: Vec<u64> = (0..labels.len())
        .map(|i| series.iter().map(|s| s.1.get(i).copied().unwrap_or(0)).sum())
        .collect();
    let max = totals.iter().copied().max().unwrap_or(0);
    if max == 0 {
        return EMPTY.into();
    }
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (720, 340)).into_drawing_area();
        let draw = || -> Result<(), Box<dyn std::error::Error + '_>> {
            root.fill(&WHITE)?;
            let n = labels.len().max(1);
            let mut chart = ChartBuilder::on(&root)
                .caption(title, (FontFamily::SansSerif, 22))
                .margin(12)
                .x_label_area_size(36)
                .y_label_area_size(60)
                .right_y_label_area_size(if rate.is_some() { 60 } else { 0 })
                // The bars (to 40 % of the height) and the rate (100 % at half) keep below the
                // legend, which sits at the top, not over the latest months (issue 25).
                .build_cartesian_2d((0..n - 1).into_segmented(), 0..max * 5 / 2 + 1)?
                .set_secondary_coord((0..n - 1).into_segmented(), 0f64..200f64);
            chart
                .configure_mesh()
                .disable_x_mesh()
                .light_line_style(WHITE)
                .label_style((FontFamily::SansSerif, 15))
                .y_desc(y_desc)
                .x_labels(n.min(12) * 2 + 1)
                .x_label_formatter(&|v| month_label(labels, v))
                .draw()?;
            let mut base = vec![0u64; n];
            for (k, (name, values)) in series.iter().enumerate() {
                let c = colours.get(k % colours.len().max(1)).copied().unwrap_or(DARK);
                let bars: Vec<Rectangle<(SegmentValue<usize>, u64)>> = (0..n)
                    .map(|i| {
                        let v = values.get(i).copied().unwrap_or(0);
                        let r = Rectangle::new(
                            [(SegmentValue::Exact(i), base[i]), (SegmentValue::Exact(i + 1), base[i] + v)],
                            c.filled(),
                        );
                        base[i] += v;
                        r
                    })
                    .collect();
                chart
                    .draw_series(bars)?
                    .label(*name)
                    .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 14, y + 6)], c.filled()));
            }
            if let Some((values, name)) = rate {
                chart
                    .configure_secondary_axes()
                    .label_style((FontFamily::SansSerif, 15))
                    .y_desc(name)
                    .y_labels(8)
                    .y_label_formatter(&|v| if *v > 100.0 { String::new() } else { format!("{v:.0}") })
                    .draw()?;
                let points: Vec<(SegmentValue<usize>, f64)> = values
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| v.map(|v| (SegmentValue::CenterOf(i), v)))
                    .collect();
                chart
                    .draw_secondary_series(LineSeries::new(points.clone(), BLACK.stroke_width(2)))?
                    .label(name)
                    .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BLACK.stroke_width(2)));
                chart.draw_secondary_series(points.into_iter().map(|p| Circle::new(p, 4, BLACK.filled())))?;
            }
            chart
                .configure_series_labels()
                .label_font((FontFamily::SansSerif, 15))
                .background_style(WHITE.mix(0.9))
                .border_style(BLACK)
                .position(SeriesLabelPosition::UpperRight)
                .draw()?;
            root.present()?;
            Ok(())
        };
        if draw().is_err() {
            return EMPTY.into();
        }
    }
    svg
}

/// Responses by hour (columns) and weekday (rows) as shaded cells; all zero gives the empty SVG.
pub fn heat_map(grid: &[[u32; 24]; 7], weekdays: [&str; 7], title: &str, x_desc: &str) -> String {
    let max = grid.iter().flatten().copied().max().unwrap_or(0);
    if max == 0 {
        return EMPTY.into();
    }
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (720, 300)).into_drawing_area();
        let draw = || -> Result<(), Box<dyn std::error::Error + '_>> {
            root.fill(&WHITE)?;
            let mut chart = ChartBuilder::on(&root)
                .caption(title, (FontFamily::SansSerif, 22))
                .margin(12)
                .x_label_area_size(40)
                .y_label_area_size(70)
                .build_cartesian_2d((0u32..23u32).into_segmented(), (0u32..6u32).into_segmented())?;
            let centre = |v: &SegmentValue<u32>| match v {
                SegmentValue::CenterOf(i) => Some(*i),
                _ => None,
            };
            chart
                .configure_mesh()
                .disable_mesh()
                .label_style((FontFamily::SansSerif, 15))
                .x_desc(x_desc)
                .x_labels(24)
                .y_labels(7)
                .x_label_formatter(&|v| centre(v).filter(|h| h % 3 == 0).map(|h| h.to_string()).unwrap_or_default())
                .y_label_formatter(&|v| {
                    centre(v)
                        .and_then(|y| weekdays.get(6 - (y as usize).min(6)))
                        .map(|s| s.to_string())
                        .unwrap_or_default()
                })
                .draw()?;
            chart.draw_series(grid.iter().enumerate().flat_map(|(d, row)| {
                row.iter().enumerate().map(move |(h, &n)| {
                    let k = f64::from(n) / f64::from(max);
                    let shade = |c: u8| (255.0 - (255.0 - f64::from(c)) * k) as u8;
                    let (x, y) = (h as u32, 6 - d as u32);
                    Rectangle::new(
                        [
                            (SegmentValue::Exact(x), SegmentValue::Exact(y)),
                            (SegmentValue::Exact(x + 1), SegmentValue::Exact(y + 1)),
                        ],
                        RGBColor(shade(0x08), shade(0x30), shade(0x6b)).filled(),
                    )
                })
            }))?;
            root.present()?;
            Ok(())
        };
        if draw().is_err() {
            return EMPTY.into();
        }
    }
    svg
}
