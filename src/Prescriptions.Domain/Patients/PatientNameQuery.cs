namespace Prescriptions.Domain.Patients;

/// <summary>
/// A prefix search over names: the query's first token picks the index range (<see cref="RangeToken"/>), its other
/// tokens must each begin one of the patient's name tokens. A patient with two tokens in the range (María Marta, "mar")
/// is selected by one index row only, the first of them in sort order, so a patient appears once across all pages.
/// </summary>
public sealed record PatientNameQuery(string RangeToken, IReadOnlyList<string> OtherTokens)
{
    /// <summary>The query, or null when it holds no letter or digit.</summary>
    public static PatientNameQuery? Parse(string? text)
    {
        var tokens = PatientNames.Tokens(text);
        if (tokens.Count == 0)
        {
            return null;
        }

        // The longest token narrows the range most.
        var range = tokens.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).First();
        return new PatientNameQuery(range, [.. tokens.Where(t => t != range)]);
    }

    /// <summary>Whether the index row of <paramref name="rowToken"/> answers for <paramref name="patient"/>.</summary>
    public bool Selects(Patient patient, string rowToken)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var tokens = patient.NameTokens;
        var first = tokens.FirstOrDefault(t => t.StartsWith(RangeToken, StringComparison.Ordinal));
        return first == rowToken && OtherTokens.All(other => tokens.Any(t => t.StartsWith(other, StringComparison.Ordinal)));
    }
}
