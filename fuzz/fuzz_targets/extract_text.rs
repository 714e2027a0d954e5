//! Fuzz target: see `sportext_fuzz::extract_text`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    sportext_fuzz::extract_text(data);
});
