#!/usr/bin/env bash
# Everything CI checks: set-up on a fresh machine, a warning-free build, the library's validation, every test project.
# Test fixtures start their own Azurite (in memory, free ports) and stop it.
set -euo pipefail
source "$(dirname "$0")/scripts/setup.sh"
cd "$REPO_ROOT"
started=$(date +%s)

ensure_dotnet
install_node_tools

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
for project in tests/*.Tests/*.csproj; do
  out=$(mktemp)
  if ! dotnet test "$project" -c Release --no-build --nologo --results-directory "$results" 2>&1 | tee "$out"; then :; fi
  summary=$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+' "$out" | tail -n 1 || true)
  if [ -z "$summary" ]; then echo "No test summary from $project" >&2; status=1; continue; fi
  f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$summary"); p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
  passed=$((passed + p)); failed=$((failed + f))
  [ "$f" -eq 0 ] || status=1
  grep -qE 'Skipped: +0' <<<"$summary" || { echo "$project skipped tests: a skipped test proves nothing" >&2; status=1; }
done

echo
echo "tests: $passed passed, $failed failed"
echo "./test.sh took $(( $(date +%s) - started ))s"
exit $status
