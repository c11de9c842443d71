namespace Prescriptions.Application.Outcomes;

/// <summary>
/// A use case's refusal: its kind, a sentence for people (null: the kind's usual one), and field errors keyed by JSON
/// path where they apply.
/// </summary>
public sealed record Failure(FailureKind Kind, string? Detail)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = NoErrors;

    /// <summary>A title that replaces the kind's usual one, when the refusal needs its own.</summary>
    public string? Title { get; init; }

    public static Failure NotFound(string detail) => new(FailureKind.NotFound, detail);

    public static Failure Gone(string detail) => new(FailureKind.Gone, detail);

    public static Failure Conflict(string detail) => new(FailureKind.Conflict, detail);

    public static Failure StaleVersion() => new(FailureKind.StaleVersion, null);

    public static Failure Unavailable(string detail) => new(FailureKind.Unavailable, detail);

    public static Failure Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailureKind.Validation, null) { Errors = errors };

    public static Failure Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public static Failure RuleViolation(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailureKind.RuleViolation, null) { Errors = errors };
}
