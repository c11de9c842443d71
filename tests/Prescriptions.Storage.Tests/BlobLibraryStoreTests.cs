using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescriptions.Application.Library;
using Prescriptions.Domain.Library;
using Prescriptions.Storage.Library;

namespace Prescriptions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobLibraryStoreTests(AzuriteFixture azurite)
{
    private BlobLibraryStore NewStore(out string container)
    {
        container = TestContent.UniqueName("lib");
        return new BlobLibraryStore(azurite.Blobs, Options.Create(new LibraryStorageOptions { ContainerName = container }));
    }

    [Fact]
    public async Task Pointer_reads_not_published_before_the_first_publish()
    {
        var store = NewStore(out _);

        var read = await store.ReadPointerAsync(null, CancellationToken.None);

        Assert.Equal(LibraryPointerState.NotPublished, read.State);
    }

    [Fact]
    public async Task Publish_writes_an_immutable_version_and_moves_the_pointer()
    {
        var store = NewStore(out var container);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        var publisher = new LibraryPublisher(store, clock);

        var first = await publisher.PublishAsync(ValidLibrary("first-exercise"), CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));
        var second = await publisher.PublishAsync(ValidLibrary("second-exercise"), CancellationToken.None);

        Assert.True(first.IsPublished, string.Join("; ", first.Problems));
        Assert.NotEqual(first.Current!.Version, second.Current!.Version);
        var read = await store.ReadPointerAsync(null, CancellationToken.None);
        Assert.Equal(second.Current.Version, read.Current!.Version);

        // The older version stays readable, byte for byte what its name promises.
        var old = await store.ReadVersionAsync(first.Current.Version, CancellationToken.None);
        Assert.Equal(first.Current.Version, LibraryVersioning.ComputeVersion(old.Span));
        Assert.Equal("first-exercise", LibraryVersioning.Deserialize(old.Span).Exercises[0].Id);
        Assert.True(await azurite.Blobs.GetBlobContainerClient(container).GetBlobClient($"versions/{first.Current.Version}.json").ExistsAsync());
    }

    [Fact]
    public async Task Republishing_the_same_content_keeps_its_version_and_first_publication_time()
    {
        var store = NewStore(out _);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        var publisher = new LibraryPublisher(store, clock);

        var first = await publisher.PublishAsync(ValidLibrary("same-exercise"), CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(1));
        var again = await publisher.PublishAsync(ValidLibrary("same-exercise"), CancellationToken.None);

        Assert.Equal(first.Current!.Version, again.Current!.Version);
        Assert.Equal(first.Current.PublishedAt, again.Current.PublishedAt);
    }

    [Fact]
    public async Task Conditional_read_answers_not_modified_until_the_pointer_moves()
    {
        var store = NewStore(out _);
        var publisher = new LibraryPublisher(store, TimeProvider.System);
        await publisher.PublishAsync(ValidLibrary("one-exercise"), CancellationToken.None);
        var current = await store.ReadPointerAsync(null, CancellationToken.None);

        var unchanged = await store.ReadPointerAsync(current.ETag, CancellationToken.None);
        await publisher.PublishAsync(ValidLibrary("two-exercise"), CancellationToken.None);
        var moved = await store.ReadPointerAsync(current.ETag, CancellationToken.None);

        Assert.Equal(LibraryPointerState.NotModified, unchanged.State);
        Assert.Equal(LibraryPointerState.Current, moved.State);
        Assert.NotEqual(current.Current!.Version, moved.Current!.Version);
    }

    [Fact]
    public async Task An_invalid_library_is_refused_and_the_current_version_stays()
    {
        var store = NewStore(out _);
        var publisher = new LibraryPublisher(store, TimeProvider.System);
        var good = await publisher.PublishAsync(ValidLibrary("good-exercise"), CancellationToken.None);
        var broken = ValidLibrary("Bad Id");

        var refused = await publisher.PublishAsync(broken, CancellationToken.None);

        Assert.False(refused.IsPublished);
        Assert.Contains(refused.Problems, p => p.Path == "exercises[Bad Id].id");
        Assert.Equal(good.Current!.Version, (await store.ReadPointerAsync(null, CancellationToken.None)).Current!.Version);
    }

    /// <summary>The smallest library the validator accepts: two ROM exercises and a condition whose every phase has one slot.</summary>
    internal static LibraryContent ValidLibrary(string exerciseId)
    {
        Exercise Make(string id) => TestContent.Library(id).Exercises[0] with { Category = ExerciseCategory.RangeOfMotion, Difficulty = 1 };
        var slot = new Slot { Category = ExerciseCategory.RangeOfMotion, Count = 1, MinDifficulty = 1, MaxDifficulty = 2 };
        Phase MakePhase(int number) => new()
        {
            Number = number,
            Name = $"Phase {number}",
            Goals = ["Move well"],
            MinDays = 7,
            ExitCriteria = [new Criterion("painAtRest", Comparator.Lte, 2, "nrs")],
            Slots = [slot],
            DoseProfile = new DoseProfile { Description = "Gentle" },
        };
        var condition = new Condition
        {
            Id = "test-condition",
            Name = "Test condition",
            Summary = "For tests.",
            Icd10Codes = [new ConditionCode("S93.401A", Side.Right)],
            Guideline = "Test guideline",
            BodyRegions = [BodyRegion.Ankle],
            Phases = [MakePhase(1), MakePhase(2), MakePhase(3), MakePhase(4)],
        };
        return new LibraryContent([Make(exerciseId), Make("spare-exercise")], [condition]);
    }
}
