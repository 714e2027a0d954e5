//! Fuzz target: see `sportext_fuzz::html`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    sportext_fuzz::html(data);
});
