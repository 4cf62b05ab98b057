//! The Readiness tab: a milestone's readiness checklist and go/no-go, its runbook, and its
//! post-launch review.

pub mod go_no_go;
pub mod readiness_view;
pub mod review_view;
pub mod templates_view;
