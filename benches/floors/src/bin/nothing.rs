//! The floor of start-up: a process that does nothing, built the way igf is.
fn main() {}
