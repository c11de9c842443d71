# azd postprovision hook: publishes library/ to the provisioned storage account with the deployer's Entra sign-in.
# azd passes its environment (the template's outputs) as variables. A new role assignment can take a few minutes
# to reach the storage service, so a refused upload is retried.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')

if (-not $env:AZURE_STORAGE_BLOB_ENDPOINT) {
    throw 'Run through azd (azd provision / azd up): the template outputs are missing.'
}
$container = if ($env:LIBRARY_CONTAINER_NAME) { $env:LIBRARY_CONTAINER_NAME } else { 'library' }

# An invalid library is refused at once; only the upload is retried.
dotnet run --project src/Prescriptions.LibraryPublisher -c Release -- --library library --validate-only
if ($LASTEXITCODE -ne 0) { throw 'The exercise library is invalid; nothing was published.' }

for ($attempt = 1; ; $attempt++) {
    dotnet run --project src/Prescriptions.LibraryPublisher -c Release -- `
        --library library --blob-service-uri $env:AZURE_STORAGE_BLOB_ENDPOINT --container $container
    if ($LASTEXITCODE -eq 0) { break }
    if ($attempt -ge 6) {
        throw "Publishing the exercise library failed $attempt times; run it again with azd's environment loaded (azd hooks run postprovision)."
    }
    Write-Warning "Publishing failed (attempt $attempt); the deployer's data role may still be propagating. Retrying in 30 s."
    Start-Sleep -Seconds 30
}
