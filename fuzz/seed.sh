#!/bin/sh
# Seeds fuzz/corpus/<target>/ from the repository's fixtures and test data (corpus and artifacts are not kept in
# git). Run from anywhere; then e.g. `cd fuzz && cargo +nightly fuzz run html -- -max_total_time=120`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
for t in extract_text decode_bytes html json; do mkdir -p "$here/corpus/$t"; done
for f in "$root"/fixtures/tennis/*.txt "$root"/fixtures/other/*.txt; do
    cp "$f" "$here/corpus/extract_text/"
    cp "$f" "$here/corpus/decode_bytes/"
done
find "$root/tests/data" -type f \( -name '*.html' -o -name '*.htm' \) -exec cp {} "$here/corpus/html/" \; 2>/dev/null || true
for f in "$root"/fixtures/tennis/*.txt; do
    # Each fixture as a minimal page and as a JSON line.
    n=$(basename "$f" .txt)
    { printf '<html><head><title>%s</title></head><body><article><p>' "$n"; sed 's/&/\&amp;/g; s/</\&lt;/g; s/$/<\/p><p>/' "$f"; printf '</p></article></body></html>\n'; } > "$here/corpus/html/$n.html"
done
find "$root/tests/data" -type f \( -name '*.json' -o -name '*.jsonl' \) -exec cp {} "$here/corpus/json/" \; 2>/dev/null || true
# Each fixture as a JSON object, and all of them as one JSON Lines file (needs python3).
python3 - "$root" "$here/corpus/json" <<'PY' || echo "python3 missing: JSON seeds from fixtures skipped"
import glob, json, os, sys
root, out = sys.argv[1], sys.argv[2]
lines = []
for f in sorted(glob.glob(os.path.join(root, "fixtures", "*", "*.txt"))):
    text = open(f, encoding="utf-8").read()
    obj = {"id": os.path.basename(f), "title": text.split("\n", 1)[0], "text": text}
    open(os.path.join(out, os.path.basename(f) + ".json"), "w").write(json.dumps(obj))
    lines.append(json.dumps(obj))
open(os.path.join(out, "all.jsonl"), "w").write("\n".join(lines) + "\n")
PY
echo "seeded: $(ls "$here"/corpus/* | wc -l) files"
