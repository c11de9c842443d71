using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Library;
using Prescriptions.Domain.Library;

namespace Prescriptions.Storage.Library;

/// <summary>
/// Keeps the current library in memory. At most once per refresh interval it asks storage whether the
/// pointer moved (a conditional read by ETag, usually a 304), and downloads a version only when it did.
/// One caller refreshes at a time; the others keep using the library they have.
/// </summary>
public sealed partial class CachedLibraryProvider(
    ILibraryStore store,
    TimeProvider clock,
    IOptions<LibraryStorageOptions> options,
    ILogger<CachedLibraryProvider> logger) : ILibraryProvider, IDisposable
{
    /// <summary>How many older versions stay indexed in memory for prescriptions made with them.</summary>
    private const int OlderVersionsKept = 4;

    private readonly SemaphoreSlim refreshLock = new(1, 1);
    private readonly ConcurrentDictionary<string, Lazy<Task<ExerciseLibrary>>> olderVersions = new(StringComparer.Ordinal);
    private volatile Snapshot? snapshot;

    public async ValueTask<ExerciseLibrary> GetCurrentAsync(CancellationToken cancellationToken)
    {
        var current = snapshot;
        if (current is not null && clock.GetUtcNow() - current.CheckedAt < options.Value.RefreshInterval)
        {
            return current.Library;
        }

        // With a library in hand, nobody waits for somebody else's refresh.
        if (current is not null && !await refreshLock.WaitAsync(0, cancellationToken))
        {
            return current.Library;
        }

        if (current is null)
        {
            await refreshLock.WaitAsync(cancellationToken);
        }

        try
        {
            current = snapshot;
            if (current is not null && clock.GetUtcNow() - current.CheckedAt < options.Value.RefreshInterval)
            {
                return current.Library;
            }

            return await RefreshAsync(current, cancellationToken);
        }
        finally
        {
            refreshLock.Release();
        }
    }

    public async ValueTask<ExerciseLibrary> GetVersionAsync(string version, CancellationToken cancellationToken)
    {
        var current = await GetCurrentAsync(cancellationToken);
        if (current.Version == version)
        {
            return current;
        }

        var load = olderVersions.GetOrAdd(version, name => new Lazy<Task<ExerciseLibrary>>(() => LoadVersionAsync(name)));
        try
        {
            return await load.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (load.Value.IsFaulted)
        {
            olderVersions.TryRemove(version, out _);
            throw;
        }
        finally
        {
            // A small bound is enough: prescriptions cluster on the last few versions.
            foreach (var extra in olderVersions.Keys.Skip(OlderVersionsKept))
            {
                olderVersions.TryRemove(extra, out _);
            }
        }
    }

    public void Invalidate()
    {
        if (snapshot is { } current)
        {
            snapshot = current with { CheckedAt = DateTimeOffset.MinValue };
        }
    }

    public void Dispose() => refreshLock.Dispose();

    private async Task<ExerciseLibrary> RefreshAsync(Snapshot? current, CancellationToken cancellationToken)
    {
        LibraryPointerRead read;
        try
        {
            read = await store.ReadPointerAsync(current?.ETag, cancellationToken);
        }
        catch (StorageUnavailableException exception) when (current is not null)
        {
            // Serving the version we have beats failing every request while storage is away.
            LogRefreshFailed(logger, exception, current.Library.Version);
            snapshot = current with { CheckedAt = clock.GetUtcNow() };
            return current.Library;
        }

        switch (read.State)
        {
            case LibraryPointerState.NotModified when current is not null:
                snapshot = current with { CheckedAt = clock.GetUtcNow() };
                return current.Library;
            case LibraryPointerState.Current when read.Current is { } pointer:
                var library = current?.Library.Version == pointer.Version
                    ? current.Library
                    : await LoadAsync(pointer, cancellationToken);
                snapshot = new Snapshot(library, read.ETag, clock.GetUtcNow());
                return library;
            default:
                throw new LibraryNotPublishedException();
        }
    }

    private async Task<ExerciseLibrary> LoadVersionAsync(string version)
    {
        var publishedAt = await store.FindVersionAsync(version, CancellationToken.None)
            ?? throw new LibraryNotPublishedException($"Library version {version} does not exist.");
        var document = await store.ReadVersionAsync(version, CancellationToken.None);
        return new ExerciseLibrary(version, publishedAt, LibraryVersioning.Deserialize(document.Span));
    }

    private async Task<ExerciseLibrary> LoadAsync(LibraryPointer pointer, CancellationToken cancellationToken)
    {
        var document = await store.ReadVersionAsync(pointer.Version, cancellationToken);
        var library = new ExerciseLibrary(pointer.Version, pointer.PublishedAt, LibraryVersioning.Deserialize(document.Span));
        LogLoaded(logger, pointer.Version, library.Exercises.Count, library.Conditions.Count);
        return library;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded library version {Version}: {ExerciseCount} exercises, {ConditionCount} conditions")]
    private static partial void LogLoaded(ILogger logger, string version, int exerciseCount, int conditionCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check for a new library; still serving version {Version}")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string version);

    private sealed record Snapshot(ExerciseLibrary Library, string? ETag, DateTimeOffset CheckedAt);
}
