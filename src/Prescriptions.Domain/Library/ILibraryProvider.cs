namespace Prescriptions.Domain.Library;

/// <summary>Gives the library version in force, kept in memory and refreshed cheaply.</summary>
public interface ILibraryProvider
{
    /// <summary>The current library; throws <see cref="LibraryNotPublishedException"/> when none was ever published.</summary>
    ValueTask<ExerciseLibrary> GetCurrentAsync(CancellationToken cancellationToken);
}
