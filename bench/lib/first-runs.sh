# Sourced by the benchmarks. Our runs are timed through bin/run, as users run them: with the class
# archive of each kind of run (report from CSV, ingest, report from the store) and engine, which
# the first run of that kind after a build writes. first_runs makes those first runs on the
# shipped sample, for each engine given (none: the default engine), times them, and sets
# FIRST_RUNS to a sentence saying so, so that no timed run writes an archive.
#   source bench/lib/first-runs.sh; first_runs 1g [comet spark]; echo "$FIRST_RUNS"
first_runs() {
  local heap="$1" warm=target/bench/first-runs t=() label engine
  shift
  local engines=("$@")
  [[ ${#engines[@]} -gt 0 ]] || engines=("")
  rm -f target/whotakespart-*.jsa
  rm -rf "$warm"
  FIRST_RUNS="First runs after the build, each writing its class archive (the shipped sample):"
  for engine in "${engines[@]}"; do
    local args=(--job jobs/sample-quarterly.properties --store "$warm/store$engine")
    [[ -z "$engine" ]] || args+=(--engine "$engine")
    t=()
    for label in "report --output $warm/csv$engine" "ingest" \
      "report --from-store --output $warm/store-out$engine"; do
      # shellcheck disable=SC2086 # the label is words on purpose
      /usr/bin/time -f "%e" -o /tmp/wtp-first env WHOTAKESPART_HEAP="$heap" bin/run $label \
        "${args[@]}" >/dev/null 2>/tmp/wtp-first-err || { cat /tmp/wtp-first-err >&2; return 1; }
      t+=("$(cat /tmp/wtp-first)")
    done
    FIRST_RUNS="$FIRST_RUNS${engine:+ $engine:} report from CSV ${t[0]} s, ingest ${t[1]} s, report from the store ${t[2]} s."
  done
  echo "$FIRST_RUNS" >&2
}
