namespace Prescriptions.Domain.Library;

/// <summary>Gives the library version in force, kept in memory and refreshed cheaply.</summary>
public interface ILibraryProvider
{
    /// <summary>The current library; throws <see cref="LibraryNotPublishedException"/> when none was ever published.</summary>
    ValueTask<ExerciseLibrary> GetCurrentAsync(CancellationToken cancellationToken);

    /// <summary>A published version by name (the one a prescription was assembled from); the current one when it matches.</summary>
    ValueTask<ExerciseLibrary> GetVersionAsync(string version, CancellationToken cancellationToken);

    /// <summary>Forgets when the pointer was last checked, so the next read checks at once (after this instance published).</summary>
    void Invalidate();
}
