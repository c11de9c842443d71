using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescriptions.Application.Library;
using Prescriptions.Domain.Library;
using Prescriptions.Storage.Library;

namespace Prescriptions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class CachedLibraryProviderTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Loads_once_then_reads_nothing_within_the_refresh_interval()
    {
        var (store, counting, clock, provider) = Create();
        await new LibraryPublisher(store, clock).PublishAsync(BlobLibraryStoreTests.ValidLibrary("cached-exercise"), CancellationToken.None);

        var first = await provider.GetCurrentAsync(CancellationToken.None);
        for (var i = 0; i < 100; i++)
        {
            Assert.Same(first, await provider.GetCurrentAsync(CancellationToken.None));
        }

        Assert.Equal(1, counting.PointerReads);
        Assert.Equal(1, counting.VersionReads);
    }

    [Fact]
    public async Task After_the_interval_a_conditional_read_keeps_the_library_when_nothing_changed()
    {
        var (store, counting, clock, provider) = Create();
        await new LibraryPublisher(store, clock).PublishAsync(BlobLibraryStoreTests.ValidLibrary("steady-exercise"), CancellationToken.None);
        var first = await provider.GetCurrentAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(31));
        var second = await provider.GetCurrentAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(2, counting.PointerReads);
        Assert.Equal(LibraryPointerState.NotModified, counting.LastPointerState);
        Assert.Equal(1, counting.VersionReads);
    }

    [Fact]
    public async Task After_the_interval_a_new_version_is_loaded()
    {
        var (store, counting, clock, provider) = Create();
        var publisher = new LibraryPublisher(store, clock);
        await publisher.PublishAsync(BlobLibraryStoreTests.ValidLibrary("old-exercise"), CancellationToken.None);
        var first = await provider.GetCurrentAsync(CancellationToken.None);

        var published = await publisher.PublishAsync(BlobLibraryStoreTests.ValidLibrary("new-exercise"), CancellationToken.None);
        var stillOld = await provider.GetCurrentAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(31));
        var fresh = await provider.GetCurrentAsync(CancellationToken.None);

        Assert.Same(first, stillOld);
        Assert.Equal(published.Current!.Version, fresh.Version);
        Assert.NotNull(fresh.FindExercise("new-exercise"));
        Assert.Equal(2, counting.VersionReads);
    }

    [Fact]
    public async Task An_older_version_stays_readable_by_name()
    {
        var (store, counting, clock, provider) = Create();
        var publisher = new LibraryPublisher(store, clock);
        var old = await publisher.PublishAsync(BlobLibraryStoreTests.ValidLibrary("first-version-exercise"), CancellationToken.None);
        await publisher.PublishAsync(BlobLibraryStoreTests.ValidLibrary("second-version-exercise"), CancellationToken.None);

        var older = await provider.GetVersionAsync(old.Current!.Version, CancellationToken.None);
        var again = await provider.GetVersionAsync(old.Current.Version, CancellationToken.None);

        Assert.NotNull(older.FindExercise("first-version-exercise"));
        Assert.Same(older, again);
        Assert.NotEqual(older.Version, (await provider.GetCurrentAsync(CancellationToken.None)).Version);
        await Assert.ThrowsAsync<LibraryNotPublishedException>(async () => await provider.GetVersionAsync("0000000000000000", CancellationToken.None));
        Assert.Equal(2, counting.VersionReads);
    }

    [Fact]
    public async Task Nothing_published_is_reported_as_such()
    {
        var (_, _, _, provider) = Create();

        await Assert.ThrowsAsync<LibraryNotPublishedException>(async () => await provider.GetCurrentAsync(CancellationToken.None));
    }

    private (ILibraryStore Store, CountingLibraryStore Counting, FakeTimeProvider Clock, CachedLibraryProvider Provider) Create()
    {
        var options = Options.Create(new LibraryStorageOptions { ContainerName = TestContent.UniqueName("cache"), RefreshInterval = TimeSpan.FromSeconds(30) });
        var store = new BlobLibraryStore(azurite.Blobs, options);
        var counting = new CountingLibraryStore(store);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        return (store, counting, clock, new CachedLibraryProvider(counting, clock, options, NullLogger<CachedLibraryProvider>.Instance));
    }

    private sealed class CountingLibraryStore(ILibraryStore inner) : ILibraryStore
    {
        public int PointerReads { get; private set; }
        public int VersionReads { get; private set; }
        public LibraryPointerState? LastPointerState { get; private set; }

        public Task PublishAsync(LibraryPointer current, ReadOnlyMemory<byte> document, CancellationToken cancellationToken) =>
            inner.PublishAsync(current, document, cancellationToken);

        public async Task<LibraryPointerRead> ReadPointerAsync(string? knownETag, CancellationToken cancellationToken)
        {
            PointerReads++;
            var read = await inner.ReadPointerAsync(knownETag, cancellationToken);
            LastPointerState = read.State;
            return read;
        }

        public Task<ReadOnlyMemory<byte>> ReadVersionAsync(string version, CancellationToken cancellationToken)
        {
            VersionReads++;
            return inner.ReadVersionAsync(version, cancellationToken);
        }

        public Task<DateTimeOffset?> FindVersionAsync(string version, CancellationToken cancellationToken) =>
            inner.FindVersionAsync(version, cancellationToken);
    }
}
