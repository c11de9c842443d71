namespace Prescriptions.Application.Outcomes;

/// <summary>Field errors keyed by JSON path, each field's reasons in the order they were found.</summary>
public static class FieldErrors
{
    public static IReadOnlyDictionary<string, string[]> From(IEnumerable<(string Field, string Message)> problems) =>
        problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
}
