using Azure;
using Azure.Data.Tables;

namespace Prescriptions.Storage;

/// <summary>
/// Creates a table on first use, and again whenever storage says it is gone (an account restored empty, a table
/// deleted by hand): an operation that fails with TableNotFound forgets the table, recreates it and runs once more.
/// A failed attempt to create is tried again by the next caller.
/// </summary>
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

    /// <summary>Runs <paramref name="operation"/> on the table, recreating the table once if it has been lost.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        await EnsureCreatedAsync(cancellationToken);
        try
        {
            return await operation();
        }
        catch (RequestFailedException failed) when (IsTableNotFound(failed))
        {
            var lost = created;
            _ = Interlocked.CompareExchange(ref created, null, lost);
            await EnsureCreatedAsync(cancellationToken);
            return await operation();
        }
    }

    public Task RunAsync(Func<Task> operation, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await operation();
            return true;
        }, cancellationToken);

    public static bool IsTableNotFound(RequestFailedException failed) =>
        failed.Status == 404 && string.Equals(failed.ErrorCode, "TableNotFound", StringComparison.Ordinal);
}
