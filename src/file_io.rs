//! Export and import of program files (placeholder).
