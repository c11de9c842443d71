using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Prescriptions.LocalHost.Tests.Samples;

/// <summary>HTTP functions written the way the function app writes them (instance and static), to exercise routing and binding.</summary>
public sealed class SampleHttpFunctions(Greeter greeter)
{
    [Function("GetItem")]
    public static IActionResult GetItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id}")] HttpRequest request,
        int id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new OkObjectResult(new ItemAnswer(id, request.Path.Value, cancellationToken == request.HttpContext.RequestAborted));
    }

    [Function("OrderLine")]
    public static async Task<IActionResult> OrderLine(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "get", Route = "orders/{orderId}/lines/{line}")] HttpRequest request,
        Guid orderId,
        string line,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        return new ObjectResult(new OrderLineAnswer(orderId, line, request.Method, body)) { StatusCode = StatusCodes.Status201Created };
    }

    /// <summary>No methods and no route: every method, at the function's name.</summary>
    [Function("AnyMethod")]
    public static IActionResult AnyMethod([HttpTrigger(AuthorizationLevel.Function)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ContentResult { Content = request.Method, ContentType = "text/plain", StatusCode = StatusCodes.Status200OK };
    }

    [Function("Optional")]
    public static IActionResult Optional(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "optional/{count:int?}")] HttpRequest request,
        int? count)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new OkObjectResult(count?.ToString(CultureInfo.InvariantCulture) ?? "none");
    }

    /// <summary>A service from the constructor and one from a method parameter.</summary>
    [Function("Greet")]
    public ValueTask<IActionResult> Greet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "greet/{name}")] HttpRequest request,
        string name,
        TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        return ValueTask.FromResult<IActionResult>(new OkObjectResult(new GreetAnswer(greeter.Greet(name), clock.GetUtcNow())));
    }

    [Function("Throws")]
    public static IActionResult Throws([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "boom")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        throw new InvalidOperationException(SecretMessage);
    }

    [Function("ThrowsAsync")]
    public static async Task<IActionResult> ThrowsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "boom-async")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Task.Yield();
        throw new InvalidOperationException(SecretMessage);
    }

    /// <summary>Text that must never reach an HTTP client.</summary>
    public const string SecretMessage = "connection string: AccountKey=secret";
}

public sealed record ItemAnswer(int Id, string? Path, bool TokenIsRequestAborted);

public sealed record OrderLineAnswer(Guid OrderId, string Line, string Method, string Body);

public sealed record GreetAnswer(string Greeting, DateTimeOffset At);
