namespace Prescriptions.Portal.Api;

/// <summary>The API refused a request with a problem document; pages show <see cref="Problem"/> next to the fields it names.</summary>
public sealed class ApiProblemException(ApiProblem problem)
    : Exception(problem.Detail ?? problem.Title ?? $"The API answered {problem.Status}.")
{
    public ApiProblem Problem { get; } = problem;
}
