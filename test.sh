#!/usr/bin/env bash
# Everything CI checks: set-up on a fresh machine, a warning-free build, the library's validation, every test project.
# Test fixtures start their own Azurite (in memory, free ports) and stop it.
set -euo pipefail
source "$(dirname "$0")/scripts/setup.sh"
cd "$REPO_ROOT"
started=$(date +%s)

ensure_dotnet
install_node_tools
ensure_chromium

log "Building (Release, warnings are errors)"
build_log=$(mktemp)
if ! dotnet build Prescriptions.sln -c Release -nologo -warnaserror 2>&1 | tee "$build_log" | grep -E 'error|warning' ; then :; fi
if ! grep -qE '^\s*0 Warning\(s\)' "$build_log" || ! grep -qE '^\s*0 Error\(s\)' "$build_log"; then
  echo "The build has warnings or errors." >&2; exit 1
fi

log "Building and linting the Bicep template (infra/), warnings are errors"
bicep=$(bicep_cli)
"$bicep" --version
bicep_out=$(mktemp -d)
# Bicep exits 0 on warnings and lint findings below error level: any output on stderr fails the step.
run_bicep() {
  local diagnostics; diagnostics=$(mktemp)
  if ! "$bicep" "$@" 2>"$diagnostics" >/dev/null || [ -s "$diagnostics" ]; then
    cat "$diagnostics" >&2; echo "bicep $* reported diagnostics." >&2; exit 1
  fi
}
run_bicep build infra/main.bicep --stdout
run_bicep build --pattern 'infra/**/*.bicep' --outdir "$bicep_out"
run_bicep lint --pattern 'infra/**/*.bicep'
rm -rf "$bicep_out"

log "Validating the exercise library"
dotnet run -c Release --no-build --project src/Prescriptions.LibraryPublisher -- --library library --validate-only

log "Linting the OpenAPI document (Redocly CLI, recommended rules)"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true node_modules/.bin/redocly lint src/Prescriptions.Functions/OpenApi/openapi.json

log "Running the tests"
results="$REPO_ROOT/TestResults"
rm -rf "$results"
passed=0 failed=0 status=0
outputs=$(mktemp -d)
run_tests() { dotnet test "$1" -c Release --no-build --nologo --results-directory "$results" >"$2" 2>&1 || true; }
# Two lanes: the HTTP suite (mostly waiting on Kestrel and Azurite) runs beside the other projects, which run in turn.
http_suite=tests/Prescriptions.Functions.Tests/Prescriptions.Functions.Tests.csproj
run_tests "$http_suite" "$outputs/$(basename "$http_suite")" &
http_pid=$!
for project in tests/*.Tests/*.csproj; do
  [ "$project" = "$http_suite" ] || run_tests "$project" "$outputs/$(basename "$project")"
done
wait "$http_pid" || true
for project in tests/*.Tests/*.csproj; do
  out="$outputs/$(basename "$project")"
  cat "$out"
  summary=$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+' "$out" | tail -n 1 || true)
  if [ -z "$summary" ]; then echo "No test summary from $project" >&2; status=1; continue; fi
  f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$summary"); p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
  passed=$((passed + p)); failed=$((failed + f))
  [ "$f" -eq 0 ] || status=1
  grep -qE 'Skipped: +0' <<<"$summary" || { echo "$project skipped tests: a skipped test proves nothing" >&2; status=1; }
done
rm -rf "$outputs"

echo
echo "tests: $passed passed, $failed failed"
echo "./test.sh took $(( $(date +%s) - started ))s"
exit $status
