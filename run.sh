#!/usr/bin/env bash
# The main job on the embedded default: Azurite, maildev, the library published, the local host serving.
# Stops everything it started on Ctrl-C or SIGTERM.
#   --in-memory   Azurite keeps its data in memory (lost on stop): no autosave stalls under load (README, "Load harness").
set -euo pipefail
IN_MEMORY=false
for argument in "$@"; do
  case "$argument" in
    --in-memory) IN_MEMORY=true ;;
    *) echo "Unknown option: $argument (known: --in-memory)" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/scripts/setup.sh"
cd "$REPO_ROOT"

HOST_PORT="${PORT:-7071}"
SMTP_PORT="${SMTP_PORT:-1025}"
MAIL_WEB_PORT="${MAIL_WEB_PORT:-1080}"
STATE_DIR="$REPO_ROOT/.azurite"   # git-ignored: data survives restarts of ./run.sh

ensure_dotnet
install_node_tools
# A second start with nothing changed skips the build (MSBuild alone takes 12-14 s to find nothing to do): the stamp
# takes the time a good build started, and any source, project or package file newer than it builds again.
BUILD_STAMP="$REPO_ROOT/.localhost/run-build.stamp"
HOST_DLL="$REPO_ROOT/src/Prescriptions.LocalHost/bin/Debug/net10.0/Prescriptions.LocalHost.dll"
PUBLISHER_DLL="$REPO_ROOT/src/Prescriptions.LibraryPublisher/bin/Debug/net10.0/Prescriptions.LibraryPublisher.dll"
PORTAL_ROOT="$REPO_ROOT/.localhost/portal/wwwroot"   # the published portal, which the local host serves in Development
build_inputs_changed() {
  [ -f "$BUILD_STAMP" ] && [ -f "$HOST_DLL" ] && [ -f "$PUBLISHER_DLL" ] && [ -f "$PORTAL_ROOT/index.html" ] || return 0
  [ -n "$(find src host.json global.json Directory.Build.props Directory.Packages.props Prescriptions.sln package-lock.json redocly.yaml \
      -newer "$BUILD_STAMP" -type f -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]
}
if build_inputs_changed; then
  log "Building"
  mkdir -p "$(dirname "$BUILD_STAMP")" && touch "$BUILD_STAMP.started"   # a file saved during the build builds again
  dotnet build src/Prescriptions.LocalHost -c Debug -nologo -v quiet
  dotnet build src/Prescriptions.LibraryPublisher -c Debug -nologo -v quiet
  # Published (trimmed, compressed) as Azure serves it: the same files, served by the local host at its root.
  dotnet publish src/Prescriptions.Portal -c Release -nologo -v quiet -o "$(dirname "$PORTAL_ROOT")"
  mv "$BUILD_STAMP.started" "$BUILD_STAMP"
else
  log "Nothing changed since the last build (delete .localhost/run-build.stamp to force one)"
fi

pids=()
stop_all() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    log "Stopping (${pids[*]})"
    kill "${pids[@]}" 2>/dev/null || true
    # Azurite in memory may not finish its graceful close: whatever still runs after 5 s is killed.
    for _ in $(seq 50); do
      running=false
      for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && running=true; done
      [ "$running" = true ] || break
      sleep 0.1
    done
    kill -9 "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$STATE_DIR"
if [ "$IN_MEMORY" = true ]; then
  # Disk-backed Azurite rewrites its whole table file on each autosave: with tens of thousands of rows, requests stall.
  STORAGE_NOTE="data in memory, lost on stop"
  persistence=(--inMemoryPersistence)
else
  STORAGE_NOTE="data in .azurite/"
  persistence=(--location "$STATE_DIR")
fi
log "Starting Azurite (blob 10000, queue 10001, table 10002; $STORAGE_NOTE)"
node_modules/.bin/azurite --silent --skipApiVersionCheck --loose "${persistence[@]}" \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >"$STATE_DIR/azurite.log" 2>&1 &
pids+=($!)
log "Starting maildev (SMTP 127.0.0.1:$SMTP_PORT, web http://127.0.0.1:$MAIL_WEB_PORT)"
mkdir -p "$STATE_DIR/maildev"   # its own mail folder: the default is shared by everyone on the machine
node_modules/.bin/maildev --ip 127.0.0.1 --web-ip 127.0.0.1 --smtp "$SMTP_PORT" --web "$MAIL_WEB_PORT" \
  --mail-directory "$STATE_DIR/maildev" >"$STATE_DIR/maildev.log" 2>&1 &
pids+=($!)
wait_for_port 10000 && wait_for_port 10002 && wait_for_port "$SMTP_PORT" && wait_for_port "$MAIL_WEB_PORT"

log "Publishing the exercise library"
dotnet "$PUBLISHER_DLL" --library "$REPO_ROOT/library" --connection-string "UseDevelopmentStorage=true"

log "Starting the local host on http://127.0.0.1:$HOST_PORT"
# The built DLL, run from its folder (its appsettings and local.settings.json): `dotnet run` would evaluate the project again.
(cd "$(dirname "$HOST_DLL")" && ASPNETCORE_ENVIRONMENT=Development exec dotnet "$HOST_DLL" --urls "http://127.0.0.1:$HOST_PORT" \
  --LocalHost:PortalRoot="$PORTAL_ROOT") &
pids+=($!)
wait_for_port "$HOST_PORT" 120

cat <<INFO

  Portal     http://127.0.0.1:$HOST_PORT/      ("Sign in (development)": a role and a clinic, then the worklist)
  API        http://127.0.0.1:$HOST_PORT/api   (health: http://127.0.0.1:$HOST_PORT/api/health)
  Mail       http://127.0.0.1:$MAIL_WEB_PORT   (maildev; SMTP on 127.0.0.1:$SMTP_PORT)
  Storage    Azurite on 127.0.0.1:10000-10002  ($STORAGE_NOTE)

  A development token (roles Therapist, Partner, LibraryEditor; clinics clinic-a, clinic-b):
    TOKEN=\$(curl -s -X POST http://127.0.0.1:$HOST_PORT/dev/token -H 'Content-Type: application/json' \\
      -d '{"role":"Therapist","clinicId":"clinic-a","subject":"therapist-1"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/')
    curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:$HOST_PORT/api/conditions

  Ctrl-C stops everything.
INFO
wait -n "${pids[@]}"
