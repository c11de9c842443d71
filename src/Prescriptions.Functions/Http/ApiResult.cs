using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Prescriptions.Domain.Serialization;

namespace Prescriptions.Functions.Http;

/// <summary>
/// A response written straight to the HttpResponse with the product's JSON options. It needs no MVC
/// services, so it behaves the same under the Functions worker and the local host.
/// </summary>
public sealed class ApiResult : IActionResult
{
    private ApiResult(int status, object? body, string? contentType, IReadOnlyDictionary<string, string>? headers)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
        Headers = headers ?? new Dictionary<string, string>();
    }

    public int Status { get; }
    public object? Body { get; }
    public string? ContentType { get; }
    public IReadOnlyDictionary<string, string> Headers { get; }

    public static ApiResult Json(object body, int status = StatusCodes.Status200OK, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, body, "application/json; charset=utf-8", headers);

    public static ApiResult Problem(ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.Status, problem, "application/problem+json; charset=utf-8", problem.Headers);
    }

    public static ApiResult Content(string body, string contentType, int status = StatusCodes.Status200OK, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, body, contentType, headers);

    /// <summary>A document (a PDF handout) written as it is.</summary>
    public static ApiResult File(byte[] body, string contentType, IReadOnlyDictionary<string, string>? headers = null) =>
        new(StatusCodes.Status200OK, body, contentType, headers);

    /// <summary>304: the client's cached copy (named by If-None-Match) is current; the validators go along, the body does not.</summary>
    public static ApiResult NotModified(IReadOnlyDictionary<string, string> headers) => new(StatusCodes.Status304NotModified, null, null, headers);

    public static ApiResult NoContent() => new(StatusCodes.Status204NoContent, null, null, null);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (Body is null)
        {
            return;
        }

        response.ContentType = ContentType;
        var token = context.HttpContext.RequestAborted;
        // One write with its length: the answer leaves in one send, not as chunks and a terminating chunk (a second send,
        // and a second wake-up of the client's reader). Bodies are bounded (pages, one prescription, one bundle).
        var content = Body switch
        {
            byte[] bytes => bytes,
            string text => Encoding.UTF8.GetBytes(text),
            _ => JsonSerializer.SerializeToUtf8Bytes(Body, Body.GetType(), DomainJson.Options),
        };
        response.ContentLength = content.Length;
        await response.Body.WriteAsync(content, token);
    }
}
