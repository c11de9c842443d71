namespace Prescriptions.Functions.Handouts;

/// <summary>
/// Breaks text into lines no wider than a width, by measuring: at spaces where it can, and inside a word only when
/// the word alone is too wide (a long web address).
/// </summary>
public static class LineBreaker
{
    public static IReadOnlyList<string> Wrap(string text, double width, Func<string, double> measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (measure(candidate) <= width)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            line = word;
            while (measure(line) > width && line.Length > 1)
            {
                var fits = LongestFittingPrefix(line, width, measure);
                lines.Add(line[..fits]);
                line = line[fits..];
            }
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>At least one character, so a line always moves on.</summary>
    private static int LongestFittingPrefix(string word, double width, Func<string, double> measure)
    {
        var count = 1;
        while (count < word.Length && measure(word[..(count + 1)]) <= width)
        {
            count++;
        }

        return count;
    }
}
