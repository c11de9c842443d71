using System.Text.Json;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Serialization;

namespace Prescriptions.Application.Library;

/// <summary>
/// Reads the library as authored in the repository: <c>exercises/*.json</c> (arrays of exercises) and
/// <c>conditions/*.json</c> (one condition each). Problems name the file and the JSON path.
/// </summary>
public static class LibraryFolder
{
    public static async Task<(LibraryContent? Content, IReadOnlyList<LibraryProblem> Problems)> LoadAsync(string root, CancellationToken cancellationToken)
    {
        var problems = new List<LibraryProblem>();
        var exercises = new List<Exercise>();
        var conditions = new List<Condition>();
        if (!Directory.Exists(root))
        {
            return (null, [new LibraryProblem(root, "the library folder does not exist")]);
        }

        foreach (var file in Files(root, "exercises"))
        {
            exercises.AddRange(await ReadAsync<List<Exercise>>(file, problems, cancellationToken) ?? []);
        }

        foreach (var file in Files(root, "conditions"))
        {
            if (await ReadAsync<Condition>(file, problems, cancellationToken) is { } condition)
            {
                conditions.Add(condition);
            }
        }

        return problems.Count > 0 ? (null, problems) : (new LibraryContent(exercises, conditions), problems);
    }

    private static IEnumerable<string> Files(string root, string folder)
    {
        var path = Path.Combine(root, folder);
        return Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal) : [];
    }

    private static async Task<T?> ReadAsync<T>(string file, List<LibraryProblem> problems, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await using var stream = File.OpenRead(file);
            return await JsonSerializer.DeserializeAsync<T>(stream, DomainJson.Options, cancellationToken);
        }
        catch (JsonException exception)
        {
            problems.Add(new LibraryProblem($"{file}:{exception.Path}", exception.Message));
            return null;
        }
    }
}
