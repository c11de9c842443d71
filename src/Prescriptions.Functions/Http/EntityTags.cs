namespace Prescriptions.Functions.Http;

/// <summary>
/// The ETags the API shows and how If-Match is compared to them. Storage marks its version tokens weak
/// (<c>W/"datetime'...'"</c>), but every stored change gets a new token and the answer is the stored document
/// itself, so the API presents them as strong validators (RFC 9110 8.8.1) and compares If-Match strongly (13.1.1).
/// </summary>
public static class EntityTags
{
    /// <summary>The strong entity-tag the API answers for a stored version token.</summary>
    public static string Strong(string storedVersion)
    {
        ArgumentNullException.ThrowIfNull(storedVersion);
        var opaque = storedVersion.StartsWith("W/", StringComparison.Ordinal) ? storedVersion[2..] : storedVersion;
        return opaque.Length >= 2 && opaque[0] == '"' && opaque[^1] == '"' ? opaque : $"\"{opaque}\"";
    }

    /// <summary>
    /// Whether an If-Match value accepts the stored version: <c>*</c> accepts any current representation; otherwise
    /// one strong tag of the list must equal it character for character. Weak tags never match (strong comparison),
    /// and a value that is not a list of entity-tags matches nothing.
    /// </summary>
    public static bool IfMatchAccepts(string ifMatch, string storedVersion)
    {
        ArgumentNullException.ThrowIfNull(ifMatch);
        var current = Strong(storedVersion);
        if (ifMatch.Trim() == "*")
        {
            return true;
        }

        foreach (var (tag, weak) in Parse(ifMatch))
        {
            if (!weak && string.Equals(tag, current, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entity-tags of a comma-separated list; stops at the first thing that is not one.</summary>
    private static IEnumerable<(string Tag, bool Weak)> Parse(string list)
    {
        var i = 0;
        while (i < list.Length)
        {
            if (list[i] is ' ' or '\t' or ',')
            {
                i++;
                continue;
            }

            var weak = string.CompareOrdinal(list, i, "W/", 0, 2) == 0;
            var start = weak ? i + 2 : i;
            var end = start < list.Length && list[start] == '"' ? list.IndexOf('"', start + 1) : -1;
            if (end < 0)
            {
                yield break;
            }

            yield return (list[start..(end + 1)], weak);
            i = end + 1;
        }
    }
}
