using Prescriptions.Domain.Library;

namespace Prescriptions.Application.Library;

/// <summary>The outcome of a publish: the pointer now in force, or every reason the library was refused.</summary>
public sealed record LibraryPublication(LibraryPointer? Current, IReadOnlyList<LibraryProblem> Problems)
{
    public bool IsPublished => Current is not null;

    public static LibraryPublication Published(LibraryPointer current) => new(current, []);

    public static LibraryPublication Refused(IReadOnlyList<LibraryProblem> problems) => new(null, problems);
}
