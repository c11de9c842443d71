using Prescriptions.Domain.Library;
using Prescriptions.Application.Library;

namespace Prescriptions.Testing;

/// <summary>The library as committed in library/, loaded once per test run (as authored, and indexed).</summary>
public static class ShippedLibrary
{
    private static readonly Lazy<LibraryContent> LazyContent = new(() =>
    {
        var (content, problems) = LibraryFolder.LoadAsync(RepositoryPaths.Combine("library"), CancellationToken.None).GetAwaiter().GetResult();
        return content ?? throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
    });

    private static readonly Lazy<ExerciseLibrary> LazyIndexed = new(() => new ExerciseLibrary("shipped", DateTimeOffset.UnixEpoch, Content));

    public static LibraryContent Content => LazyContent.Value;

    public static ExerciseLibrary Indexed => LazyIndexed.Value;
}
