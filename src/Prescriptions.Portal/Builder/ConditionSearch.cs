using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Builder;

/// <summary>Finds conditions by a word of their name or the start of one of their ICD-10 codes ("S93" finds the ankle sprain).</summary>
public static class ConditionSearch
{
    public static IReadOnlyList<ConditionListing> Find(IEnumerable<ConditionListing> conditions, string query)
    {
        var text = query.Trim();
        if (text.Length == 0)
        {
            return [.. conditions];
        }

        return [.. conditions.Where(condition =>
            condition.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
            || condition.Id.Contains(text, StringComparison.OrdinalIgnoreCase)
            || condition.Icd10Codes.Any(code => code.Code.StartsWith(text, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>The condition's option text: its name and its codes.</summary>
    public static string Label(ConditionListing condition) =>
        condition.Icd10Codes.Count == 0 ? condition.Name : $"{condition.Name} ({string.Join(", ", condition.Icd10Codes.Select(code => code.Code).Distinct())})";
}
