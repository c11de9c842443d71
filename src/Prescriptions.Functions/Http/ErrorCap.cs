namespace Prescriptions.Functions.Http;

/// <summary>
/// A problem lists at most <see cref="MaxListed"/> reasons, with <c>errorCount</c> their total, so a body with
/// thousands of faults answers a bounded document.
/// </summary>
public static class ErrorCap
{
    public const int MaxListed = 50;

    public static ApiProblem Apply(ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Errors is not { Count: > 0 } errors)
        {
            return problem;
        }

        var total = errors.Values.Sum(reasons => reasons.Length);
        if (total <= MaxListed)
        {
            return problem with { ErrorCount = total };
        }

        var listed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var room = MaxListed;
        foreach (var (field, reasons) in errors)
        {
            if (room == 0)
            {
                break;
            }

            listed[field] = reasons.Take(room).ToArray();
            room -= listed[field].Length;
        }

        return problem with { Errors = listed, ErrorCount = total };
    }
}
