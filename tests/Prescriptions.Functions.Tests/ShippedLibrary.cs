using Prescriptions.Domain.Library;
using Prescriptions.LibraryPublisher;
using Prescriptions.Testing;

namespace Prescriptions.Functions.Tests;

/// <summary>The library as committed in library/, loaded once, for tests that need no host.</summary>
internal static class ShippedLibrary
{
    private static readonly Lazy<ExerciseLibrary> Loaded = new(() =>
    {
        var (content, problems) = LibraryFolder.LoadAsync(RepositoryPaths.Combine("library"), CancellationToken.None).GetAwaiter().GetResult();
        return new ExerciseLibrary("shipped", DateTimeOffset.UnixEpoch, content ?? throw new InvalidOperationException(string.Join(Environment.NewLine, problems)));
    });

    public static ExerciseLibrary Library => Loaded.Value;
}
