using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Library;
using Prescriptions.Domain.Serialization;

namespace Prescriptions.Storage.Library;

/// <summary>
/// Library versions as blobs: <c>versions/{version}.json</c> written once (If-None-Match: *), and
/// <c>current.json</c>, the pointer, moved only with an ETag condition so two publishers never interleave.
/// </summary>
public sealed class BlobLibraryStore(BlobServiceClient blobs, IOptions<LibraryStorageOptions> options) : ILibraryStore
{
    private const string PointerBlobName = "current.json";
    private const string PublishedAtMetadata = "publishedat";
    private const int PointerMoveAttempts = 5;

    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(options.Value.ContainerName);

    public Task PublishAsync(LibraryPointer current, ReadOnlyMemory<byte> document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        return StorageCall.RunAsync(async () =>
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await UploadVersionAsync(current, document, cancellationToken);
            await MovePointerAsync(current, cancellationToken);
        }, cancellationToken);
    }

    public Task<LibraryPointerRead> ReadPointerAsync(string? knownETag, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(async () =>
        {
            var conditions = knownETag is null ? null : new BlobRequestConditions { IfNoneMatch = new ETag(knownETag) };
            try
            {
                var response = await container.GetBlobClient(PointerBlobName)
                    .DownloadContentAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken);
                if (response.GetRawResponse().Status == 304)
                {
                    return LibraryPointerRead.NotModified;
                }

                var current = response.Value.Content.ToObjectFromJson<LibraryPointer>(DomainJson.Options)
                    ?? throw new InvalidDataException("The library pointer is empty.");
                return new LibraryPointerRead(LibraryPointerState.Current, current, response.Value.Details.ETag.ToString());
            }
            catch (RequestFailedException failed) when (failed.Status == 304)
            {
                return LibraryPointerRead.NotModified;
            }
            catch (RequestFailedException failed) when (failed.Status == 404)
            {
                return LibraryPointerRead.NotPublished;
            }
        }, cancellationToken);

    public Task<ReadOnlyMemory<byte>> ReadVersionAsync(string version, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(async () =>
        {
            var response = await container.GetBlobClient(VersionBlobName(version)).DownloadContentAsync(cancellationToken);
            return (ReadOnlyMemory<byte>)response.Value.Content.ToMemory();
        }, cancellationToken);

    public Task<DateTimeOffset?> FindVersionAsync(string version, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(async () =>
        {
            try
            {
                var properties = await container.GetBlobClient(VersionBlobName(version)).GetPropertiesAsync(cancellationToken: cancellationToken);
                return properties.Value.Metadata.TryGetValue(PublishedAtMetadata, out var text)
                    ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                    : properties.Value.CreatedOn;
            }
            catch (RequestFailedException failed) when (failed.Status == 404)
            {
                return (DateTimeOffset?)null;
            }
        }, cancellationToken);

    internal static string VersionBlobName(string version) => $"versions/{version}.json";

    private async Task UploadVersionAsync(LibraryPointer current, ReadOnlyMemory<byte> document, CancellationToken cancellationToken)
    {
        var upload = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Metadata = new Dictionary<string, string>
            {
                [PublishedAtMetadata] = current.PublishedAt.ToString("O", CultureInfo.InvariantCulture),
            },
        };
        try
        {
            await container.GetBlobClient(VersionBlobName(current.Version)).UploadAsync(BinaryData.FromBytes(document), upload, cancellationToken);
        }
        catch (RequestFailedException failed) when (failed.Status is 409 or 412)
        {
            // The version exists: its name is its content hash, so it holds these very bytes. Versions are never overwritten.
        }
    }

    private async Task MovePointerAsync(LibraryPointer current, CancellationToken cancellationToken)
    {
        var pointerBlob = container.GetBlobClient(PointerBlobName);
        var body = BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(current, DomainJson.Options));
        for (var attempt = 1; ; attempt++)
        {
            BlobRequestConditions condition;
            try
            {
                var properties = await pointerBlob.GetPropertiesAsync(cancellationToken: cancellationToken);
                condition = new BlobRequestConditions { IfMatch = properties.Value.ETag };
            }
            catch (RequestFailedException failed) when (failed.Status == 404)
            {
                condition = new BlobRequestConditions { IfNoneMatch = ETag.All };
            }

            try
            {
                await pointerBlob.UploadAsync(body, new BlobUploadOptions
                {
                    Conditions = condition,
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                }, cancellationToken);
                return;
            }
            catch (RequestFailedException failed) when (failed.Status is 409 or 412 && attempt < PointerMoveAttempts)
            {
                // Another publisher moved the pointer between our read and our write: read again and retry.
            }
        }
    }
}
