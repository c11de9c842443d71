using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Prescriptions.Storage.Library;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage.Health;

/// <summary>Checks that Blob and Table storage answer, with data-plane calls the app's identity is allowed to make.</summary>
public sealed class StorageHealthProbe(
    BlobServiceClient blobs,
    TableServiceClient tables,
    IOptions<LibraryStorageOptions> libraryOptions,
    IOptions<PrescriptionStorageOptions> prescriptionOptions)
{
    public async Task<StorageHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var blob = await ProbeAsync(async () => await blobs.GetBlobContainerClient(libraryOptions.Value.ContainerName).ExistsAsync(cancellationToken), cancellationToken);
        var table = await ProbeAsync(async () =>
        {
            await foreach (var _ in tables.GetTableClient(prescriptionOptions.Value.TableName).QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }
        }, cancellationToken);
        return new StorageHealth(blob, table);
    }

    private static async Task<bool> ProbeAsync(Func<Task> probe, CancellationToken cancellationToken)
    {
        try
        {
            await probe();
            return true;
        }
        catch (RequestFailedException failed) when (failed.Status == 404)
        {
            // The service answered; the table or container is simply not created yet.
            return true;
        }
        catch (RequestFailedException)
        {
            // Denied (403) or failing: either way the app cannot use storage.
            return false;
        }
        catch (Exception exception) when (StorageCall.IsUnavailable(exception, cancellationToken))
        {
            return false;
        }
    }
}
