using System.Text.Json;
using System.Text.Json.Nodes;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Serialization;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>
/// The library's exercises in a reader's language (<c>?language=es-MX</c>): each one's name, summary, steps, cues and
/// safety from the translation of that primary language, or the English when it has none; the exercise's
/// <c>language</c> member and the Content-Language header say which. A query is chosen over Accept-Language so a link
/// names its language and caches need no Vary.
/// </summary>
public static class ExerciseLanguageAnswers
{
    public const string Parameter = "language";

    /// <summary>The language asked for, or null (English); a tag out of BCP 47 form is a 400 naming the parameter.</summary>
    public static string? Requested(ApiRequest call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var tag = call.Query(Parameter);
        if (string.IsNullOrEmpty(tag))
        {
            return null;
        }

        return ExerciseLanguage.IsTag(tag)
            ? tag
            : throw new ApiProblemException(Problems.Validation(Parameter, "must be a language tag such as es or es-MX (a 2-3 letter language, then optional subtags)"));
    }

    /// <summary>
    /// The exercise as the API writes it. Asked in a language, its texts are in the language served, named by a
    /// <c>language</c> member; without, it is the library's record as published (it round-trips to a publish).
    /// </summary>
    public static JsonObject Served(Exercise exercise, string? language)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        if (language is null)
        {
            return JsonSerializer.SerializeToNode(exercise, DomainJson.Options)!.AsObject();
        }

        var wording = exercise.WordingIn(language);
        var worded = exercise with
        {
            Name = wording.Name,
            Summary = wording.Summary,
            Instructions = wording.Instructions,
            Cues = wording.Cues,
            Safety = wording.Safety,
        };
        var served = JsonSerializer.SerializeToNode(worded, DomainJson.Options)!.AsObject();
        served[Parameter] = exercise.LanguageIn(language);
        return served;
    }

    /// <summary>Content-Language: the languages the answer's texts are in (English when there is none).</summary>
    public static IReadOnlyDictionary<string, string> ContentLanguage(IEnumerable<JsonObject> served)
    {
        var languages = served.Select(exercise => exercise[Parameter]?.GetValue<string>() ?? ExerciseLanguage.English).Distinct(StringComparer.Ordinal).DefaultIfEmpty(ExerciseLanguage.English);
        return new Dictionary<string, string> { ["Content-Language"] = string.Join(", ", languages) };
    }
}
