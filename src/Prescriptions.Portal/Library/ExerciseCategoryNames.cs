using System.Text.RegularExpressions;

namespace Prescriptions.Portal.Library;

/// <summary>An exercise category in words ("rangeOfMotion" is "Range of motion"), not the API's code.</summary>
public static partial class ExerciseCategoryNames
{
    public static string Of(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        if (category.Length == 0)
        {
            return category;
        }

        var words = WordStart().Replace(category, " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordStart();
}
