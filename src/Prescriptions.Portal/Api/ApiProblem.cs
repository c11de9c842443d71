namespace Prescriptions.Portal.Api;

/// <summary>
/// An RFC 9457 problem the API answered. <see cref="Errors"/> is keyed by the JSON path of each field at fault
/// (for example <c>items[2].dose.reps</c>), so a form can show each reason next to its field.
/// </summary>
public sealed record ApiProblem(
    string? Type,
    string? Title,
    int Status,
    string? Detail,
    IReadOnlyDictionary<string, string[]>? Errors)
{
    /// <summary>The reasons given for <paramref name="field"/> and for any path inside it (<c>limits</c> also takes <c>limits.romCaps[0]</c>).</summary>
    public IReadOnlyList<string> ReasonsFor(string field) =>
        Errors is null
            ? []
            : [.. Errors
                .Where(entry => IsAtOrInside(entry.Key, field))
                .SelectMany(entry => entry.Value)];

    /// <summary>The reasons whose field no form on the page shows, so none is lost.</summary>
    public IReadOnlyList<string> ReasonsOutside(IEnumerable<string> shownFields)
    {
        if (Errors is null)
        {
            return [];
        }

        var shown = shownFields.ToArray();
        return [.. Errors
            .Where(entry => !shown.Any(field => IsAtOrInside(entry.Key, field)))
            .SelectMany(entry => entry.Value.Select(reason => $"{entry.Key}: {reason}"))];
    }

    /// <summary>The program changed since it was read (a 412): the only cure is to reload it.</summary>
    public bool IsStale => Status == 412;

    private static bool IsAtOrInside(string key, string field) =>
        key.Equals(field, StringComparison.OrdinalIgnoreCase)
        || (key.StartsWith(field, StringComparison.OrdinalIgnoreCase)
            && key.Length > field.Length
            && key[field.Length] is '.' or '[');
}
