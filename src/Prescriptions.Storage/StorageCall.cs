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

    public static bool IsUnavailable(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException => true,
        TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        AggregateException aggregate => aggregate.InnerExceptions.All(inner => IsUnavailable(inner, cancellationToken)),
        _ => false,
    };
}
