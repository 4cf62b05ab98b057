//! The status pack as people read it: what the pack says as blocks of text
//! ([`outline`]), written as Markdown, an HTML email body and plain text ([`write`]); the
//! draft from an open document ([`drafting`]); the KPI dashboard's charts ([`dashboard`]),
//! plain data the app renders, computed from the packs passed in (never the clock).

pub mod dashboard;
pub mod drafting;
pub mod outline;
pub mod write;

#[cfg(test)]
mod tests;
