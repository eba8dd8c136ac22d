# Sourced by the benchmarks. Our runs are timed through bin/run, as users run them: with the class
# archive of each kind of run (report from CSV, ingest, report from the store), which the first
# run of that kind after a build writes. first_runs makes those first runs on the shipped sample,
# times them, and sets FIRST_RUNS to a sentence saying so, so that no timed run writes an archive.
#   source bench/lib/first-runs.sh; first_runs 1g; echo "$FIRST_RUNS"
first_runs() {
  local heap="$1" warm=target/bench/first-runs t=() label
  rm -f target/whotakespart-*.jsa
  rm -rf "$warm"
  local args=(--job jobs/sample-quarterly.properties --store "$warm/store")
  for label in "report --output $warm/csv" "ingest" "report --from-store --output $warm/store-out"; do
    # shellcheck disable=SC2086 # the label is words on purpose
    /usr/bin/time -f "%e" -o /tmp/wtp-first env WHOTAKESPART_HEAP="$heap" bin/run $label \
      "${args[@]}" >/dev/null 2>/tmp/wtp-first-err || { cat /tmp/wtp-first-err >&2; return 1; }
    t+=("$(cat /tmp/wtp-first)")
  done
  FIRST_RUNS="First runs after the build, each writing its class archive (the shipped
sample): report from CSV ${t[0]} s, ingest ${t[1]} s, report from the store ${t[2]} s."
  echo "$FIRST_RUNS" >&2
}
