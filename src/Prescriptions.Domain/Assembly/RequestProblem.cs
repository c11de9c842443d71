namespace Prescriptions.Domain.Assembly;

/// <summary>Why a request cannot be served, keyed by the JSON path of the field at fault.</summary>
public sealed record RequestProblem(string Field, string Message);
