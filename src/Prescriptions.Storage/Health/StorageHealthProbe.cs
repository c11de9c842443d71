using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Prescriptions.Storage.Library;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage.Health;

/// <summary>
/// Checks that Blob and Table storage answer, with data-plane calls the app's identity is allowed to make, within
/// most of the request budget. Unhealthy: a store that refuses, hangs (the probe's own timeout), denies, or has lost
/// the prescriptions table (404: an account restored empty; the probe re-creates it, so the next check is healthy).
/// </summary>
public sealed class StorageHealthProbe(
    BlobServiceClient blobs,
    TableServiceClient tables,
    IOptions<LibraryStorageOptions> libraryOptions,
    IOptions<PrescriptionStorageOptions> prescriptionOptions,
    IOptions<StorageResilienceOptions> resilience)
{
    public async Task<StorageHealth> CheckAsync(CancellationToken cancellationToken)
    {
        // Answer before the request's budget runs out, so a hung store gets this body and not the budget's problem.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(resilience.Value.RequestBudget * 0.8);
        var token = timeout.Token;
        var table = tables.GetTableClient(prescriptionOptions.Value.TableName);
        var blob = ProbeAsync(async () => await blobs.GetBlobContainerClient(libraryOptions.Value.ContainerName).ExistsAsync(token), lost: null);
        var rows = ProbeAsync(async () =>
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: token).AsPages(pageSizeHint: 1))
            {
                break;
            }
        }, lost: async () => await table.CreateIfNotExistsAsync(token));
        return new StorageHealth(await blob, await rows);
    }

    private static async Task<bool> ProbeAsync(Func<Task> probe, Func<Task>? lost)
    {
        try
        {
            await probe();
            return true;
        }
        catch (RequestFailedException failed) when (failed.Status == 404 && lost is not null && TableProvisioning.IsTableNotFound(failed))
        {
            // The table is gone: not healthy now; put it back so the app recovers without a restart.
            try
            {
                await lost();
            }
            catch (Exception exception) when (exception is RequestFailedException or OperationCanceledException || StorageCall.IsUnavailable(exception, CancellationToken.None))
            {
                // The next probe (or the next request) tries again.
            }

            return false;
        }
        catch (RequestFailedException)
        {
            // Denied (403) or failing: either way the app cannot use storage.
            return false;
        }
        catch (OperationCanceledException)
        {
            // The probe's time ran out (a hung store), or the caller left and nobody reads the answer.
            return false;
        }
        catch (Exception exception) when (StorageCall.IsUnavailable(exception, CancellationToken.None))
        {
            return false;
        }
    }
}
