using Azure;

namespace Prescriptions.Storage;

/// <summary>
/// Runs a storage operation and turns "storage cannot be reached" (network failures, timeouts, 5xx after
/// the SDK's retries) into <see cref="StorageUnavailableException"/>, so callers answer 503, not 500.
/// </summary>
internal static class StorageCall
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation();
        }
        catch (Exception exception) when (IsUnavailable(exception, cancellationToken))
        {
            throw new StorageUnavailableException("Storage is unreachable.", exception);
        }
    }

    public static async Task RunAsync(Func<Task> operation, CancellationToken cancellationToken) =>
        await RunAsync(async () =>
        {
            await operation();
            return true;
        }, cancellationToken);

    /// <summary>Runs a table operation: the table is created on first use and recreated if it has been lost.</summary>
    public static Task<T> RunAsync<T>(TableProvisioning provisioning, Func<Task<T>> operation, CancellationToken cancellationToken) =>
        RunAsync(() => provisioning.RunAsync(operation, cancellationToken), cancellationToken);

    public static Task RunAsync(TableProvisioning provisioning, Func<Task> operation, CancellationToken cancellationToken) =>
        RunAsync(() => provisioning.RunAsync(operation, cancellationToken), cancellationToken);

    public static bool IsUnavailable(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException => true,
        TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        // The SDK's retries gave up: every try failed for want of storage, or the last was cut short by the request's
        // budget (the caller's own cancellation is still the caller's: see ApiHandler).
        AggregateException aggregate => aggregate.InnerExceptions.All(inner => inner is OperationCanceledException || IsUnavailable(inner, cancellationToken)),
        _ => false,
    };
}
