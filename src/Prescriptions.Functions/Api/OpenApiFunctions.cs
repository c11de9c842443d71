using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Functions.Http;
using Prescriptions.Functions.OpenApi;

namespace Prescriptions.Functions.Api;

/// <summary>GET /api/openapi.json and GET /api/docs: the API's own description, anonymous, with no external assets.</summary>
public sealed class OpenApiFunctions(ApiHandler api)
{
    // Revalidate on every use (a cheap 304), so a deployment's new document is seen at once.
    private const string CacheControl = "no-cache";

    [Function("GetOpenApiDocument")]
    public Task<IActionResult> Document(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Public, call =>
        {
            var document = OpenApiDocument.Current;
            var headers = new Dictionary<string, string> { ["ETag"] = document.ETag, ["Cache-Control"] = CacheControl };
            IActionResult result = Matches(call.Http.Headers.IfNoneMatch.ToString(), document.ETag)
                ? ApiResult.NotModified(headers)
                : ApiResult.Content(document.Json, "application/json; charset=utf-8", StatusCodes.Status200OK, headers);
            return Task.FromResult(result);
        }, cancellationToken);

    [Function("GetApiDocs")]
    public Task<IActionResult> Docs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.Public, _ => Task.FromResult<IActionResult>(ApiResult.Content(
            ApiDocsPage.Current.Html,
            "text/html; charset=utf-8",
            StatusCodes.Status200OK,
            new Dictionary<string, string>
            {
                ["Cache-Control"] = CacheControl,
                ["Content-Security-Policy"] = ApiDocsPage.Current.ContentSecurityPolicy,
                ["X-Content-Type-Options"] = "nosniff",
            })), cancellationToken);

    /// <summary>Whether an If-None-Match list names the current ETag (weak comparison, as RFC 9110 asks for GET).</summary>
    private static bool Matches(string ifNoneMatch, string etag) =>
        ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || string.Equals(tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag, etag, StringComparison.Ordinal));
}
