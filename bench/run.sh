#!/usr/bin/env sh
# The benchmark runs behind the README's table. Each writes bench/bench-SIZE.json
# and bench/bench-SIZE.md (the printed table). Run from the checkout root:
#   sh bench/run.sh            # 10MB and 100MB
#   sh bench/run.sh 1GB        # one size
set -eu
FIGURES=${FIGURES:-.venv/bin/figures}
WORKERS=${WORKERS:-2}
for size in ${@:-10MB 100MB}; do
    "$FIGURES" bench --size "$size" --workers "$WORKERS" \
        --json "bench/bench-$size.json" > "bench/bench-$size.md"
    cat "bench/bench-$size.md"
done
