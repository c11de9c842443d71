using Microsoft.AspNetCore.Http;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Functions.Http;

/// <summary>What a function body gets: the request, the authenticated caller, the correlation id and the cancellation token.</summary>
public sealed class ApiRequest(HttpRequest http, Caller? caller, string correlationId, CancellationToken cancellationToken)
{
    public HttpRequest Http { get; } = http;

    /// <summary>The caller; present for every route that needs a token.</summary>
    public Caller Caller => caller ?? throw new InvalidOperationException("This route is anonymous: there is no caller.");
    public string CorrelationId { get; } = correlationId;

    /// <summary>The caller as the audit trail names them.</summary>
    public Actor Actor => Actor.For(Caller, CorrelationId);
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<T> ReadJsonAsync<T>()
        where T : class => JsonBodyReader.ReadAsync<T>(Http, CancellationToken);

    public Task<T> ReadJsonAsync<T>(int maxBytes)
        where T : class => JsonBodyReader.ReadAsync<T>(Http, maxBytes, CancellationToken);

    public string? Query(string name) => Http.Query.TryGetValue(name, out var values) ? values.ToString() : null;
}
