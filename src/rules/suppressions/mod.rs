//! postlint's own suppression comments (`PL`): directives that are broken, and directives that
//! suppress nothing. Both are about the comments `crate::suppress` reads, and both are worked out
//! there, in the pass that applies the comments after every other rule has run: whether a
//! comment suppressed anything is only known then, and reading the comments twice would be
//! waste. Their `check` functions therefore report nothing; the registry entries give them
//! their code, name, docs, default and severity like any other rule.

pub mod invalid_suppression;
pub mod unused_suppression;
