using Azure.Data.Tables;

namespace Prescriptions.Storage;

/// <summary>Creates a table once per process, on first use; a failed attempt is tried again by the next caller.</summary>
internal sealed class TableProvisioning(TableClient table)
{
    private Task? created;

    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var current = created;
        if (current is { IsCompletedSuccessfully: true })
        {
            return Task.CompletedTask;
        }

        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            current = table.CreateIfNotExistsAsync(cancellationToken);
            created = current;
        }

        return current;
    }
}
