//! The Status tab: the weekly status pack drafted from the program, its narrative and
//! overrides, issuing it, past packs as they were, the KPI dashboard, schedule health, and
//! the rules the ratings are computed by.

pub mod dashboard_view;
pub mod draft_form;
pub mod health_view;
pub mod rules_view;
pub mod status_view;
