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
            FailureKind.NotFound => Problems.NotFound(failure.Detail),
            FailureKind.Gone => Problems.Gone(failure.Detail),
            FailureKind.Conflict => Problems.Conflict(failure.Detail) with { Errors = errors },
            FailureKind.StaleVersion => Problems.PreconditionFailed(),
            FailureKind.Validation => Problems.Validation(failure.Errors),
            FailureKind.RuleViolation => Problems.RuleViolation(failure.Errors),
            FailureKind.Unavailable => Problems.ServiceUnavailable(failure.Detail),
            _ => Problems.Internal(),
        };
        return failure.Title is null ? problem : problem with { Title = failure.Title };
    }

    /// <summary>The outcome's value; a refusal stops the request with its problem.</summary>
    public static T OrThrow<T>(this Outcome<T> outcome) =>
        outcome.Failure is { } failure ? throw new ApiProblemException(ToProblem(failure)) : outcome.Value!;
}
