//! Planwork's planning engine: the program model, working calendars and critical-path scheduling.
