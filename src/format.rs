//! How times, dates and sizes are shown, and today's date (from the browser's clock, in
//! local time).

use chrono::NaiveDate;

/// Milliseconds since 1970 now (the only place the app reads the clock).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Today's local date.
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// `YYYY-MM-DD HH:MM`, local time.
pub fn date_time(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// `YYYY-MM-DD HH:MM:SS`, local time: when exactly, within a session.
pub fn date_time_seconds(ms: f64) -> String {
    let seconds = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms)).get_seconds();
    format!("{}:{seconds:02}", date_time(ms))
}

/// `850 B`, `12.4 KB`, `3.1 MB`.
pub fn size(bytes: u64) -> String {
    if bytes < 1000 {
        format!("{bytes} B")
    } else if bytes < 1_000_000 {
        format!("{:.1} KB", bytes as f64 / 1e3)
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}
