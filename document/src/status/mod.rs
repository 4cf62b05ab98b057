//! The status pack as people read it: what the pack says as blocks of text
//! ([`outline`]), written as Markdown, an HTML email body and plain text ([`write`]).

pub mod drafting;
pub mod outline;
pub mod write;

#[cfg(test)]
mod tests;
