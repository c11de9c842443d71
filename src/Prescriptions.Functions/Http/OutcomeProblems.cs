using Prescriptions.Application.Outcomes;

namespace Prescriptions.Functions.Http;

/// <summary>The one mapping of use-case refusals to RFC 9457 problems; <see cref="ApiHandler"/> answers them.</summary>
public static class OutcomeProblems
{
    public static ApiProblem ToProblem(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var errors = failure.Errors.Count > 0 ? failure.Errors : null;
        var problem = failure.Kind switch
        {
            FailureKind.NotFound => Problems.NotFound(failure.Detail ?? "Not found."),
            FailureKind.Gone => Problems.Gone(failure.Detail ?? "No longer in use."),
            FailureKind.Conflict => Problems.Conflict(failure.Detail ?? "Conflict.") with { Errors = errors },
            FailureKind.StaleVersion => Problems.PreconditionFailed(),
            FailureKind.Validation => Problems.Validation(failure.Errors),
            FailureKind.RuleViolation => Problems.RuleViolation(failure.Errors),
            FailureKind.Unavailable => Problems.ServiceUnavailable(failure.Detail ?? "Try again shortly."),
            _ => Problems.Internal(),
        };
        return problem with { Title = failure.Title ?? problem.Title, Detail = failure.Detail ?? problem.Detail };
    }

    /// <summary>The outcome's value; a refusal stops the request with its problem.</summary>
    public static T OrThrow<T>(this Outcome<T> outcome) =>
        outcome.Failure is { } failure ? throw new ApiProblemException(ToProblem(failure)) : outcome.Value!;
}
