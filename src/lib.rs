//! `igf`: the IGF 2020 programme, offline, in Arabic and English.
//!
//! Data flows one way: [`data`] (load, validate) → [`query`] (filter, sort) → [`present`] (labels,
//! dates, digits, layout per language) → [`rtl`] (wrap, reorder, mirror, shape) → [`term`]
//! (detect, sanitize, escapes, width). [`app`] wires one invocation through them, and [`output`]
//! prints its result.

pub mod app;
pub mod cli;
pub mod data;
pub mod exit_codes;
pub mod output;
pub mod parallel;
pub mod present;
pub mod query;
pub mod rtl;
pub mod settings;
pub mod term;
