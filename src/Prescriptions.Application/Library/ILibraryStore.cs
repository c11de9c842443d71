namespace Prescriptions.Application.Library;

/// <summary>Where published library versions live: immutable documents named by content hash, and a current pointer.</summary>
public interface ILibraryStore
{
    /// <summary>
    /// Uploads the document as version <paramref name="current"/>.Version unless it exists (same name, same
    /// content), then moves the current pointer to it with an ETag condition.
    /// </summary>
    Task PublishAsync(LibraryPointer current, ReadOnlyMemory<byte> document, CancellationToken cancellationToken);

    /// <summary>Reads the pointer; with <paramref name="knownETag"/> answers NotModified when it has not moved.</summary>
    Task<LibraryPointerRead> ReadPointerAsync(string? knownETag, CancellationToken cancellationToken);

    /// <summary>The document of a published version.</summary>
    Task<ReadOnlyMemory<byte>> ReadVersionAsync(string version, CancellationToken cancellationToken);

    /// <summary>The time a version was first published, or null when it does not exist.</summary>
    Task<DateTimeOffset?> FindVersionAsync(string version, CancellationToken cancellationToken);
}
