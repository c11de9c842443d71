using System.Buffers.Text;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Prescriptions.Application.Ports;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage;

/// <summary>
/// One page of a key range in a clinic's partition: a single range query, never a partition scan. The SDK's
/// continuation token travels base64url-encoded; one the API did not issue is refused as such.
/// </summary>
internal static class TablePages
{
    public static Task<ResultPage<T>> ReadAsync<T>(TableClient table, string clinicId, string prefix, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        ReadAsync<T>(table, clinicId, prefix, null, pageSize, continuationToken, cancellationToken);

    /// <summary>The same, the range's rows also meeting <c>also</c> (a filter made with <c>TableClient.CreateQueryFilter</c>; null: all of them).</summary>
    public static async Task<ResultPage<T>> ReadAsync<T>(TableClient table, string clinicId, string prefix, string? also, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var (rows, next) = await ReadRangeAsync(table, clinicId, prefix, ClinicPartitionLayout.RangeEnd(prefix), also, pageSize, continuationToken, cancellationToken);
        return new ResultPage<T>([.. rows.Select(ClinicPartitionLayout.FromEntity<T>)], next);
    }

    /// <summary>One page of the rows with <paramref name="from"/> &lt;= RowKey &lt; <paramref name="to"/> (also meeting <paramref name="also"/> when given), as storage returned them.</summary>
    public static async Task<(IReadOnlyList<TableEntity> Rows, string? ContinuationToken)> ReadRangeAsync(
        TableClient table, string clinicId, string from, string to, string? also, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {clinicId} and RowKey ge {from} and RowKey lt {to}");
        if (also is not null)
        {
            filter = $"{filter} and ({also})";
        }

        string? sdkToken;
        try
        {
            sdkToken = continuationToken is null ? null : Encoding.UTF8.GetString(Base64Url.DecodeFromChars(continuationToken));
        }
        catch (FormatException exception)
        {
            throw new InvalidContinuationTokenException("The continuation token is not one this API issued.", exception);
        }

        try
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(sdkToken, pageSize))
            {
                var next = page.ContinuationToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(page.ContinuationToken));
                return (page.Values, next);
            }
        }
        catch (RequestFailedException failed) when (failed.Status == 400 && sdkToken is not null)
        {
            throw new InvalidContinuationTokenException("Storage refused the continuation token.", failed);
        }

        return ([], null);
    }
}
