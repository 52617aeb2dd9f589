//! html5gum's reader, plus a way to unwind its stack.

use std::cell::Cell;

use html5gum::{Reader, StringReader};

/// html5gum 0.9 calls from one attribute state straight into the next, and with double-quoted
/// values these direct calls form a cycle: every such attribute of a tag deepens the stack, and a
/// few thousand of them overflow a 2 MiB stack in release builds (a hundred in debug builds).
/// An error from the reader unwinds to the tokenizer's loop, which resumes in the same state
/// (the value state, entered through a call that records it); the emitter asks for this pause
/// every few attributes.
pub(super) struct PausingReader<'a> {
    pub(super) inner: StringReader<'a>,
    pub(super) pause: &'a Cell<bool>,
}

/// Not an error: the signal to unwind, see [`PausingReader`].
#[derive(Debug)]
pub(super) struct Pause;

impl std::fmt::Display for Pause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("pause")
    }
}

impl std::error::Error for Pause {}

// Inlined into the tokenizer's states like the reader it wraps: reading is its hot path.
impl Reader for PausingReader<'_> {
    type Error = Pause;

    #[inline(always)]
    fn read_byte(&mut self) -> Result<Option<u8>, Pause> {
        self.inner.read_byte().map_err(|never| match never {})
    }

    #[inline(always)]
    fn try_read_string(&mut self, s: &[u8], case_sensitive: bool) -> Result<bool, Pause> {
        self.inner
            .try_read_string(s, case_sensitive)
            .map_err(|never| match never {})
    }

    #[inline(always)]
    fn read_until<'b>(
        &'b mut self,
        needle: &[u8],
        char_buf: &'b mut [u8; 4],
    ) -> Result<Option<&'b [u8]>, Pause> {
        if self.pause.get() {
            self.pause.set(false);
            return Err(Pause);
        }
        self.inner
            .read_until(needle, char_buf)
            .map_err(|never| match never {})
    }
}
