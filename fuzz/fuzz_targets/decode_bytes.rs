//! Fuzz target: see `sportext_fuzz::decode_bytes`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    sportext_fuzz::decode_bytes(data);
});
