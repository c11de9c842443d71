using Prescriptions.Application.Outcomes;
using Prescriptions.Domain.Library;

namespace Prescriptions.Application.Library;

/// <summary>The outcome of a publish: the pointer now in force, or every reason the library was refused.</summary>
public sealed record LibraryPublication(LibraryPointer? Current, IReadOnlyList<LibraryProblem> Problems)
{
    public bool IsPublished => Current is not null;

    public static LibraryPublication Published(LibraryPointer current) => new(current, []);

    public static LibraryPublication Refused(IReadOnlyList<LibraryProblem> problems) => new(null, problems);

    /// <summary>The pointer now in force, or a rule violation naming every problem by the path at fault.</summary>
    public Outcome<LibraryPointer> AsOutcome() => Current is { } current
        ? current
        : new Failure(FailureKind.RuleViolation, $"{Problems.Count} problem(s); each key names the exercise, condition, phase or slot at fault.")
        {
            Title = "The library is refused; the current version stays.",
            Errors = FieldErrors.From(Problems.Select(p => (p.Path, p.Message))),
        };
}
