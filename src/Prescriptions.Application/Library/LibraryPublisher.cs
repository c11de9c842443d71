using Prescriptions.Domain.Library;

namespace Prescriptions.Application.Library;

/// <summary>Validates a library and, only if it passes, publishes it as an immutable version named by its content hash.</summary>
public sealed class LibraryPublisher(ILibraryStore store, TimeProvider clock)
{
    public async Task<LibraryPublication> PublishAsync(LibraryContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = LibraryValidator.Validate(content);
        if (problems.Count > 0)
        {
            return LibraryPublication.Refused(problems);
        }

        var document = LibraryVersioning.Serialize(content);
        var version = LibraryVersioning.ComputeVersion(document);

        // Republishing the same content keeps the first publication time.
        var publishedAt = await store.FindVersionAsync(version, cancellationToken) ?? clock.GetUtcNow();
        var current = new LibraryPointer(version, publishedAt, content.Exercises.Count, content.Conditions.Count);
        await store.PublishAsync(current, document, cancellationToken);
        return LibraryPublication.Published(current);
    }
}
