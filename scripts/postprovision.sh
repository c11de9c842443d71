#!/bin/sh
# azd postprovision hook: publishes library/ to the provisioned storage account with the deployer's Entra sign-in.
# azd passes its environment (the template's outputs) as variables. A new role assignment can take a few minutes
# to reach the storage service, so a refused upload is retried.
set -eu
cd "$(dirname "$0")/.."

: "${AZURE_STORAGE_BLOB_ENDPOINT:?run through azd (azd provision / azd up): the template outputs are missing}"
container="${LIBRARY_CONTAINER_NAME:-library}"

# An invalid library is refused at once; only the upload is retried.
dotnet run --project src/Prescriptions.LibraryPublisher -c Release -- --library library --validate-only

attempt=1
until dotnet run --project src/Prescriptions.LibraryPublisher -c Release -- \
    --library library --blob-service-uri "$AZURE_STORAGE_BLOB_ENDPOINT" --container "$container"; do
  if [ "$attempt" -ge 6 ]; then
    echo "Publishing the exercise library failed $attempt times; run ./scripts/postprovision.sh again with azd's environment loaded (azd hooks run postprovision)." >&2
    exit 1
  fi
  echo "Publishing failed (attempt $attempt); the deployer's data role may still be propagating. Retrying in 30 s." >&2
  attempt=$((attempt + 1))
  sleep 30
done
