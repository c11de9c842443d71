namespace Prescriptions.Functions.Http;

/// <summary>The problems the API answers with, one factory each, so every function words them the same way.</summary>
public static class Problems
{
    public const int StorageRetryAfterSeconds = 5;

    public static ApiProblem Validation(IReadOnlyDictionary<string, string[]> errors) => new()
    {
        Type = ProblemTypes.Validation,
        Title = "The request is not valid.",
        Status = 400,
        Detail = "See errors: each key is the JSON path of a field, each value the reasons.",
        Errors = errors,
    };

    public static ApiProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ApiProblem MalformedJson(string detail, string? path) => new()
    {
        Type = ProblemTypes.MalformedJson,
        Title = "The body is not valid JSON.",
        Status = 400,
        Detail = detail,
        Errors = new Dictionary<string, string[]> { [path ?? "$"] = [detail] },
    };

    public static ApiProblem UnsupportedMediaType(string? contentType) => new()
    {
        Type = ProblemTypes.UnsupportedMediaType,
        Title = "The body must be application/json.",
        Status = 415,
        Detail = contentType is null ? "The request has no Content-Type." : $"Content-Type '{contentType}' is not accepted.",
        Errors = new Dictionary<string, string[]> { ["Content-Type"] = ["must be application/json"] },
    };

    /// <summary>415 for a body type other than <paramref name="accepted"/>, naming the Content-Type header.</summary>
    public static ApiProblem UnsupportedMediaType(string? contentType, string accepted) => UnsupportedMediaType(contentType) with
    {
        Title = $"The body must be {accepted}.",
        Errors = new Dictionary<string, string[]> { ["Content-Type"] = [$"must be {accepted}"] },
    };

    public static ApiProblem PayloadTooLarge(long limit) => new()
    {
        Type = ProblemTypes.PayloadTooLarge,
        Title = "The body is too large.",
        Status = 413,
        Detail = $"A request body may have at most {limit} bytes.",
    };

    public static ApiProblem Unauthorized(string detail, bool tokenPresented) => new()
    {
        Type = ProblemTypes.Unauthorized,
        Title = "A valid bearer token is required.",
        Status = 401,
        Detail = detail,
        Headers = new Dictionary<string, string>
        {
            ["WWW-Authenticate"] = tokenPresented ? "Bearer error=\"invalid_token\"" : "Bearer",
        },
    };

    public static ApiProblem Forbidden(string detail) => new()
    {
        Type = ProblemTypes.Forbidden,
        Title = "The token does not allow this.",
        Status = 403,
        Detail = detail,
    };

    public static ApiProblem NotFound(string detail) => new()
    {
        Type = ProblemTypes.NotFound,
        Title = "Not found.",
        Status = 404,
        Detail = detail,
    };

    /// <summary>A path the API has no route for.</summary>
    public static ApiProblem NoSuchRoute() => NotFound("The API has no such route; its routes are listed at /api/openapi.json.");

    /// <summary>A known path asked with a method it does not take; Allow lists those it does.</summary>
    public static ApiProblem MethodNotAllowed(string method, IReadOnlyList<string> allowed) => new()
    {
        Type = ProblemTypes.MethodNotAllowed,
        Title = "The route does not accept this method.",
        Status = 405,
        Detail = $"This route does not accept {method}; it accepts {string.Join(", ", allowed)}.",
        Headers = new Dictionary<string, string> { ["Allow"] = string.Join(", ", allowed) },
    };

    public static ApiProblem Gone(string detail) => new()
    {
        Type = ProblemTypes.Gone,
        Title = "No longer available.",
        Status = 410,
        Detail = detail,
    };

    public static ApiProblem Conflict(string detail) => new()
    {
        Type = ProblemTypes.Conflict,
        Title = "The request conflicts with the current state.",
        Status = 409,
        Detail = detail,
    };

    public static ApiProblem PreconditionRequired() => new()
    {
        Type = ProblemTypes.PreconditionRequired,
        Title = "If-Match is required.",
        Status = 428,
        Detail = "Send If-Match with the ETag of the version you read, so a change never overwrites one you have not seen.",
    };

    public static ApiProblem PreconditionFailed() => new()
    {
        Type = ProblemTypes.PreconditionFailed,
        Title = "The resource changed since you read it.",
        Status = 412,
        Detail = "Read it again, apply your change to the new version, and send it with the new ETag.",
    };

    public static ApiProblem RuleViolation(IReadOnlyDictionary<string, string[]> errors) => new()
    {
        Type = ProblemTypes.RuleViolation,
        Title = "The request breaks a clinical rule.",
        Status = 422,
        Detail = "See errors: each key names an item, each value the rule it breaks.",
        Errors = errors,
    };

    public static ApiProblem ServiceUnavailable(string detail) => new()
    {
        Type = ProblemTypes.ServiceUnavailable,
        Title = "The service is temporarily unavailable.",
        Status = 503,
        Detail = detail,
        Headers = new Dictionary<string, string> { ["Retry-After"] = $"{StorageRetryAfterSeconds}" },
    };

    public static ApiProblem Internal() => new()
    {
        Type = ProblemTypes.Internal,
        Title = "An unexpected error occurred.",
        Status = 500,
        Detail = "The error was logged with the correlation id of this response.",
    };
}
