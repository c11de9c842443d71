using Prescriptions.Domain.Assembly;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api.Contracts;

/// <summary>Collects field errors keyed by JSON path, and throws them as one 400 problem.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    public void AddRange(IEnumerable<RequestProblem> problems)
    {
        foreach (var problem in problems)
        {
            Add(problem.Field, problem.Message);
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new ApiProblemException(Problems.Validation(ToDictionary()));
        }
    }
}
