namespace Prescriptions.Domain.Library;

/// <summary>One reason a library is refused: where (a path such as <c>exercises[heel-raise].defaultDose.sets</c>) and why.</summary>
public sealed record LibraryProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
