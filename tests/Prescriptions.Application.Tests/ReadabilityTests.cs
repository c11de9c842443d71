using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Prescriptions.Testing;

namespace Prescriptions.Application.Tests;

/// <summary>
/// Every English sentence a patient reads is at Flesch-Kincaid grade 8 or below: the patient texts' resources and the
/// library's exercise summaries, steps, cues and safety points, and the conditions' stop rules. A failure names each
/// text and its grade.
/// </summary>
public sealed partial class ReadabilityTests
{
    public const double MaxGrade = 8;

    [Fact]
    public void Every_patient_text_in_the_resources_reads_at_grade_eight_or_below()
    {
        var texts = XDocument.Load(RepositoryPaths.Combine("src", "Prescriptions.Application", "Language", "PatientTexts.resx"))
            .Root!.Elements("data")
            .Where(data => !((string)data.Attribute("name")!).StartsWith("Pattern_", StringComparison.Ordinal))
            .Select(data => ((string)data.Attribute("name")!, (string)data.Element("value")!))
            .ToList();

        Assert.NotEmpty(texts);
        AssertReadable(texts);
    }

    [Fact]
    public void Every_exercise_text_of_the_library_reads_at_grade_eight_or_below()
    {
        var texts = new List<(string Name, string Text)>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("library", "exercises"), "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var exercise in Exercises(json.RootElement))
            {
                var id = exercise.GetProperty("id").GetString();
                if (exercise.TryGetProperty("summary", out var summary))
                {
                    texts.Add(($"{id} summary", summary.GetString()!));
                }

                foreach (var list in new[] { "instructions", "cues", "safety" })
                {
                    if (exercise.TryGetProperty(list, out var lines))
                    {
                        texts.AddRange(lines.EnumerateArray().Select((line, index) => ($"{id} {list}[{index}]", line.GetString()!)));
                    }
                }
            }
        }

        Assert.NotEmpty(texts);

        AssertReadable(texts);
    }

    [Fact]
    public void Every_stop_rule_of_the_conditions_reads_at_grade_eight_or_below()
    {
        var texts = new List<(string Name, string Text)>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("library", "conditions"), "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var id = json.RootElement.GetProperty("id").GetString();
            foreach (var phase in json.RootElement.GetProperty("phases").EnumerateArray())
            {
                var number = phase.GetProperty("number").GetInt32();
                if (!phase.GetProperty("doseProfile").TryGetProperty("categories", out var categories))
                {
                    continue;
                }

                foreach (var (dose, index) in categories.EnumerateArray().Select((dose, index) => (dose, index)))
                {
                    if (dose.TryGetProperty("stopRules", out var rules))
                    {
                        texts.AddRange(rules.EnumerateArray().Select((rule, i) => ($"{id} phase {number} categories[{index}] stopRules[{i}]", rule.GetString()!)));
                    }
                }
            }
        }

        Assert.NotEmpty(texts);
        Assert.All(texts, text => Assert.True(text.Text.TrimEnd()[^1] is '.' or '!' or '?', $"{text.Name} is not whole sentences: {text.Text}"));
        // Each sentence on its own: a rule of several short sentences is as plain as its hardest one.
        AssertReadable(texts.SelectMany(text => SentenceSplit().Split(text.Text).Where(sentence => sentence.Trim().Length > 0).Select(sentence => (text.Name, sentence.Trim()))));
    }

    [Fact]
    public void The_formula_grades_plain_and_dense_sentences_apart()
    {
        // 6 words, 6 syllables, 1 sentence: 0.39 * 6 + 11.8 * 1 - 15.59.
        Assert.Equal(-1.45, Grade("The cat sat on the mat."), 2);
        Assert.True(Grade("Physiotherapists recommend progressive neuromuscular rehabilitation.") > 12);
        Assert.True(Grade("Sit down. Lift your leg.") < Grade("Sit down and then lift your leg up slowly while you keep your back straight and breathe."));
    }

    [Theory]
    [InlineData("cat", 1)]
    [InlineData("table", 2)]
    [InlineData("exercise", 3)]
    [InlineData("physiotherapist", 5)]
    [InlineData("make", 1)]
    [InlineData("relaxed", 2)]
    [InlineData("lifted", 2)]
    public void Syllables_are_counted_by_vowel_groups(string word, int expected) => Assert.Equal(expected, Syllables(word));

    /// <summary>Flesch-Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.</summary>
    public static double Grade(string text)
    {
        var sentences = Math.Max(1, SentenceEnd().Matches(text.TrimEnd() + ".").Count(m => m.Length > 0));
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return 0;
        }

        return (0.39 * words.Count / sentences) + (11.8 * words.Sum(Syllables) / words.Count) - 15.59;
    }

    /// <summary>Vowel groups, less a silent final e ("make") or -ed ("relaxed", not "lifted"); at least one.</summary>
    public static int Syllables(string word)
    {
        var lower = word.ToLowerInvariant();
        var count = VowelGroup().Count(lower);
        var silentE = lower.Length > 2 && lower.EndsWith('e') && !lower.EndsWith("le", StringComparison.Ordinal);
        var silentEd = lower.Length > 3 && lower.EndsWith("ed", StringComparison.Ordinal) && lower[^3] is not 't' and not 'd';
        if ((silentE || silentEd) && count > 1)
        {
            count--;
        }

        return Math.Max(1, count);
    }

    private static void AssertReadable(IEnumerable<(string Name, string Text)> texts)
    {
        var hard = TooHard(texts);
        Assert.True(hard.Count == 0, string.Join(Environment.NewLine, hard.Select(t => $"{t.Name}: grade {t.Grade:0.0}: {t.Text}")));
    }

    /// <summary>
    /// The sentences above grade 8: texts with a sentence in them (ending in . ! or ?), placeholders taken out. Headings,
    /// buttons and dose fragments ("Your exercises", "twice a day") are not sentences: the formula says nothing about them.
    /// </summary>
    public static List<(string Name, string Text, double Grade)> TooHard(IEnumerable<(string Name, string Text)> texts) =>
        [.. texts
            .Select(t => (t.Name, t.Text, Plain: Placeholder().Replace(t.Text, string.Empty).Trim()))
            .Where(t => t.Plain.Length > 0 && t.Plain[^1] is '.' or '!' or '?')
            .Select(t => (t.Name, t.Text, Grade: Grade(t.Plain)))
            .Where(t => t.Grade > MaxGrade)];

    /// <summary>An exercise file is an array of exercises.</summary>
    private static JsonElement.ArrayEnumerator Exercises(JsonElement root) => root.EnumerateArray();

    [GeneratedRegex(@"\{[0-9]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"[.!?]+(\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[A-Za-z]+(?:'[a-z]+)?")]
    private static partial Regex Word();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();
}
