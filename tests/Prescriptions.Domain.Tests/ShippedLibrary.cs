using Prescriptions.Domain.Library;
using Prescriptions.LibraryPublisher;
using Prescriptions.Testing;

namespace Prescriptions.Domain.Tests;

/// <summary>The library as committed in library/, loaded once for the tests.</summary>
internal static class ShippedLibrary
{
    private static readonly Lazy<LibraryContent> LazyContent = new(() =>
    {
        var (content, problems) = LibraryFolder.LoadAsync(RepositoryPaths.Combine("library"), CancellationToken.None).GetAwaiter().GetResult();
        return content ?? throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
    });

    public static LibraryContent Content => LazyContent.Value;

    public static ExerciseLibrary Indexed { get; } = new("shipped", DateTimeOffset.UnixEpoch, Content);
}
