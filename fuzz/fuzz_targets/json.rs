//! Fuzz target: see `sportext_fuzz::json`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    sportext_fuzz::json(data);
});
