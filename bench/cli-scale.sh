#!/usr/bin/env bash
# CLI benchmark for issue 4: batch throughput on 1 core and on all cores, peak memory at two corpus sizes, and the cost of
# one 1 MB article against one 10 MB article (linearity).
#
# Usage (from the crate root):   bash bench/cli-scale.sh [N_ARTICLES] [BYTES_PER_ARTICLE]
#   N_ARTICLES          articles in the batch corpus (default 4000)
#   BYTES_PER_ARTICLE   mean article size (default 3000; sizes vary from 0.5x to 1.5x)
# Environment: SPORTEXT_BIN (default target/release/sportext), KEEP=1 keeps the temporary folder, ROUNDS (default
# 9) the interleaved rounds of 1 core against all, JOBS (default: the number of cores, `nproc`) the jobs of the
# run on all cores.
#
# The corpus is generated (examples/gen_corpus.rs, benches/synth/mod.rs): made-up tennis articles with accented
# names, scores, rounds, tournaments, rankings, seeds, quotes and results roundups. Nothing real is written.
# Timings are wall-clock (best of 3); peak memory is the maximum resident set size from /usr/bin/time -v
# (or from /proc via a polling loop when /usr/bin/time is missing).
set -euo pipefail
N=${1:-4000}
BYTES=${2:-3000}
cd "$(dirname "$0")/.."
cargo build --release --bin sportext --example gen_corpus
PIN=""
JOBS=${JOBS:-$(nproc 2> /dev/null || echo 2)}
BIN=${SPORTEXT_BIN:-target/release/sportext}
GEN=target/release/examples/gen_corpus
TMP=$(mktemp -d "${TMPDIR:-/tmp}/sportext-bench.XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$TMP"' EXIT

"$GEN" articles "$TMP/many" "$N" "$BYTES"
"$GEN" articles "$TMP/few" "$((N / 10))" "$BYTES"
"$GEN" one "$TMP/one-1mb.txt" 1000000
"$GEN" one "$TMP/one-10mb.txt" 10000000
mb() { du -sb "$1" | awk '{printf "%.2f", $1 / 1e6}'; }

# run_timed OUT_PREFIX ARGS...: runs the CLI, prints "seconds peak_kb".
run_timed() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v -o "$TMP/time.txt" $PIN "$BIN" "$@" > /dev/null 2> "$TMP/err.txt" || true
        local s kb
        s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); t = 0; for (i = 1; i <= n; i++) t = t * 60 + p[i]; print t}' "$TMP/time.txt")
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$TMP/time.txt")
        echo "$s $kb"
    else
        local start end peak=0 pid
        start=$(date +%s.%N)
        $PIN "$BIN" "$@" > /dev/null 2> "$TMP/err.txt" & pid=$!
        while kill -0 "$pid" 2> /dev/null; do
            local r
            r=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2> /dev/null || echo 0)
            [ -n "$r" ] && [ "$r" -gt "$peak" ] && peak=$r
            sleep 0.02
        done
        wait "$pid" || true
        end=$(date +%s.%N)
        echo "$(echo "$end - $start" | bc) $peak"
    fi
}
# best_of3 ARGS...: the fastest of three runs ("seconds peak_kb").
best_of3() {
    local best="" line
    for _ in 1 2 3; do
        line=$(run_timed "$@")
        if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN {exit !(a < b)}'; then best=$line; fi
    done
    echo "$best"
}

MANY_MB=$(mb "$TMP/many")
FEW_MB=$(mb "$TMP/few")
echo "corpus: $N articles, $MANY_MB MB ($TMP/many); small corpus: $((N / 10)) articles, $FEW_MB MB"
# One core: the run pinned to CPU 0 (taskset), so that its reading and writing threads share that core with the
# worker; all cores: one worker per core (JOBS), unpinned.
PIN=""
command -v taskset > /dev/null && PIN="taskset -c 0"
read -r t1 m1 < <(best_of3 extract --jobs 1 "$TMP/many")
PIN=""
read -r t2 m2 < <(best_of3 extract --jobs "$JOBS" "$TMP/many")
echo "  last run: $(tail -n 1 "$TMP/err.txt")"
read -r tf mf < <(best_of3 extract --jobs 1 "$TMP/few")
awk -v mb="$MANY_MB" -v t1="$t1" -v t2="$t2" -v j="$JOBS" 'BEGIN {
    printf "batch --jobs 1 (1 core): %6.2f s  %6.1f MB/s\n", t1, mb / t1
    printf "batch --jobs %d (%d cores): %6.2f s  %6.1f MB/s   speedup %.2fx\n", j, j, t2, mb / t2, t1 / t2 }'
echo "peak RSS --jobs 1: $((mf / 1024)) MB for $((N / 10)) inputs, $((m1 / 1024)) MB for $N inputs (--jobs $JOBS: $((m2 / 1024)) MB)"
# Interleaved rounds: this VM's speed moves with its neighbours' load from one minute to the next, so 1-core
# and 2-core runs alternate and their medians are compared (timed with `date`, to the millisecond).
ROUNDS=${ROUNDS:-9}
PIN1=""
command -v taskset > /dev/null && PIN1="taskset -c 0"
# Time the hypervisor gave to other guests while these ran (the `steal` column of /proc/stat, in ticks of 10 ms
# on most kernels): when it is not near 0, the 2-core runs were short of a core part of the time.
steal() { awk '/^cpu / {print $9 + 0}' /proc/stat 2> /dev/null || echo 0; }
r1=()
r2=()
steal0=$(steal)
for _ in $(seq "$ROUNDS"); do
    s=$(date +%s%N)
    $PIN1 "$BIN" extract -q --jobs 1 "$TMP/many" > /dev/null
    m=$(date +%s%N)
    "$BIN" extract -q --jobs "$JOBS" "$TMP/many" > /dev/null
    e=$(date +%s%N)
    r1+=("$(((m - s) / 1000))")
    r2+=("$(((e - m) / 1000))")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
awk -v a="$(median "${r1[@]}")" -v b="$(median "${r2[@]}")" -v n="$ROUNDS" -v j="$JOBS" -v st="$(($(steal) - steal0))" 'BEGIN {
    printf "interleaved, %d rounds: median 1 core %.3f s, %d cores %.3f s, ratio of medians %.2fx (steal: %d ticks)\n", n, a / 1e6, j, b / 1e6, a / b, st }'
read -r a ma < <(best_of3 extract --jobs 1 "$TMP/one-1mb.txt")
read -r b mb10 < <(best_of3 extract --jobs 1 "$TMP/one-10mb.txt")
awk -v a="$a" -v b="$b" 'BEGIN {
    printf "one 1 MB article: %6.2f s; one 10 MB article: %6.2f s; ratio %.1fx (linear: ~10x)\n", a, b, b / a }'
echo "peak RSS: $((ma / 1024)) MB for the 1 MB article, $((mb10 / 1024)) MB for the 10 MB article"
echo "  last run: $(tail -n 1 "$TMP/err.txt")"
