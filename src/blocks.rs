//! Scanning a text 64 bytes at a time: a block's bytes tested at once into a 64-bit mask (bit `k` for byte `k`),
//! with SSE2 where the target has it (every x86-64), and the offsets of a mask's bits given in order. Shared by
//! the stages that look for a few kinds of byte (sentence stops, score dashes, word bytes, capitals).

/// Bit `k`: whether the byte `k` of `block` has its lane set to all ones by `test`, run on the four 16-byte
/// lanes of the block (a compare's result: 0x00 or 0xFF per byte), read by one `pmovmskb` per lane. The
/// `safe_arch` crate wraps the SSE2 intrinsics, which `std::arch` gives only to `unsafe` code or to callers
/// that enable the feature themselves.
#[cfg(target_feature = "sse2")]
#[inline(always)]
pub(crate) fn sse2_mask(
    block: &[u8; 64],
    test: impl Fn(safe_arch::m128i) -> safe_arch::m128i,
) -> u64 {
    (0..4).fold(0, |mask, i| {
        let lane: [u8; 16] = block[16 * i..16 * i + 16]
            .try_into()
            .expect("sixteen bytes");
        let bits = safe_arch::move_mask_i8_m128i(test(safe_arch::m128i::from(lane)));
        mask | u64::from(bits as u16) << (16 * i)
    })
}

/// The offsets of the bytes of a text whose bit `bits` sets in the mask of their 64-byte block, in order: a bit
/// cleared from a mask costs a few instructions, where each call of a `memchr` searcher costs some tens, so
/// this pays for bytes that come every few dozen bytes (sentence stops, hyphens).
pub(crate) struct Offsets<'t, F> {
    b: &'t [u8],
    bits: F,
    /// The bits of the current block not given yet (bit `k`: byte `base + k`).
    mask: u64,
    /// The offset of the current block (`usize::MAX - 63`, -64 wrapped, before the first): the next block to
    /// read is at `base + 64` (past `b.len()` after the short last block, which is read padded). The block's
    /// offset, not its end: an offset given is `base + k`, one add (`next - 64 + k` took two, a `lea` and an
    /// add), where the refill, once per block, takes the add. One field only (the callers' loops spilled each
    /// field per offset given).
    base: usize,
}

impl<'t, F: Fn(&[u8; 64]) -> u64> Offsets<'t, F> {
    /// The offsets in `b` of the bytes that `bits` marks.
    pub(crate) fn new(b: &'t [u8], bits: F) -> Self {
        Offsets {
            b,
            bits,
            mask: 0,
            base: 0usize.wrapping_sub(64),
        }
    }

    /// Reads the blocks from `next` on up to the first with a bit set, and makes it the current one; false
    /// when there is none. A short last block is read padded with zeros (which `bits` must not mark).
    #[inline(always)]
    fn refill(&mut self) -> bool {
        let b = self.b;
        // Past the end after the short last block: nothing is left.
        let mut at = self.base.wrapping_add(64).min(b.len());
        let mut blocks = b[at..].chunks_exact(64);
        for block in &mut blocks {
            let mask = (self.bits)(block.try_into().expect("64 bytes"));
            if mask != 0 {
                (self.mask, self.base) = (mask, at);
                return true;
            }
            at += 64;
        }
        let rest = blocks.remainder();
        if rest.is_empty() {
            return false;
        }
        let mut block = [0u8; 64];
        block[..rest.len()].copy_from_slice(rest);
        (self.mask, self.base) = ((self.bits)(&block), at);
        self.mask != 0
    }

    /// Drops the offsets below `at` that the current block still holds (those of later blocks stay): one
    /// masking, without a branch, for a caller that has read the bytes up to `at` and would pass over each of
    /// these offsets after a test that mispredicts.
    #[inline(always)]
    pub(crate) fn skip_below(&mut self, at: usize) {
        // (Before the first refill `base` is -64 wrapped: `s` is 0, and the mask, empty, stays so.)
        let s = at.saturating_sub(self.base).min(64) as u32;
        self.mask &= u64::MAX.checked_shl(s).unwrap_or(0);
    }
}

impl<F: Fn(&[u8; 64]) -> u64> Iterator for Offsets<'_, F> {
    type Item = usize;

    #[inline(always)]
    fn next(&mut self) -> Option<usize> {
        if self.mask == 0 && !self.refill() {
            return None;
        }
        let k = self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(self.base + k)
    }
}

#[cfg(test)]
mod tests {
    use super::Offsets;

    /// The bytes `x` of a text.
    fn xs(b: &[u8]) -> Offsets<'_, impl Fn(&[u8; 64]) -> u64> {
        Offsets::new(b, |block: &[u8; 64]| {
            block
                .iter()
                .enumerate()
                .fold(0, |m, (k, &c)| m | u64::from(c == b'x') << k)
        })
    }

    #[test]
    fn skip_below_drops_the_current_blocks_offsets_below() {
        let text: Vec<u8> = (0..300)
            .map(|i| if i % 7 == 3 { b'x' } else { b'.' })
            .collect();
        let all: Vec<usize> = xs(&text).collect();
        assert_eq!(all.len(), 43);
        // After each offset, skip to every later point: what is given next is the first offset at or after
        // that point in the same block, or else the first offset of a later block.
        for (n, &d) in all.iter().enumerate() {
            for to in d..d + 140 {
                let mut it = xs(&text);
                for _ in 0..=n {
                    it.next();
                }
                it.skip_below(to);
                let block_end = (d / 64 + 1) * 64;
                let want = all[n + 1..]
                    .iter()
                    .copied()
                    .find(|&e| e >= to.min(block_end));
                assert_eq!(it.next(), want, "after {d}, below {to}");
            }
        }
        // Before the first refill nothing is held: nothing is dropped.
        let mut it = xs(&text);
        it.skip_below(100);
        assert_eq!(it.next(), Some(3));
    }
}
