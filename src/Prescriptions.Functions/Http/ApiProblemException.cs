namespace Prescriptions.Functions.Http;

/// <summary>Stops a request with a problem answer; the API handler turns it into the response.</summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException(ApiProblem problem)
        : base(problem?.Detail ?? problem?.Title)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
    }

    public ApiProblemException()
        : this(Problems.Internal())
    {
    }

    public ApiProblemException(string message)
        : this(Problems.Internal() with { Detail = message })
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException) => Problem = Problems.Internal() with { Detail = message };

    public ApiProblem Problem { get; }
}
