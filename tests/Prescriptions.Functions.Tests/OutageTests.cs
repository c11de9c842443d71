using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Testing;

namespace Prescriptions.Functions.Tests;

/// <summary>Failures that need their own host: storage that does not answer, and a bug that throws.</summary>
public sealed class OutageTests
{
    [Fact]
    public async Task Unreachable_storage_is_503_with_retry_after_and_health_says_so()
    {
        var closed = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{FreePorts.Next()}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{FreePorts.Next()}/devstoreaccount1;";
        await using var api = await ApiHost.StartAsync(closed);

        var library = await api.SendAsync(HttpMethod.Get, "/api/library", api.Token(Roles.Therapist, "clinic-a"));
        var health = await api.SendAsync(HttpMethod.Get, "/api/health");

        await library.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(5), library.Headers.RetryAfter?.Delta);
        var body = await health.JsonAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.NotNull(health.Headers.RetryAfter);
    }

    [Fact]
    public async Task An_unexpected_error_is_500_without_internals_and_logged_with_the_correlation_id()
    {
        var logs = new ListLoggerProvider();
        await using var api = await ApiHost.StartAsync("UseDevelopmentStorage=true", builder =>
        {
            builder.Services.RemoveAll<ILibraryProvider>();
            builder.Services.AddSingleton<ILibraryProvider, ExplodingLibraryProvider>();
            builder.Logging.AddProvider(logs);
        });

        var response = await api.SendAsync(HttpMethod.Get, "/api/library", api.Token(Roles.Therapist, "clinic-a"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        var text = problem.ToString();
        Assert.DoesNotContain("secret-internal-detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ExplodingLibraryProvider", text, StringComparison.Ordinal);
        var correlationId = response.Headers.GetValues("x-correlation-id").Single();
        Assert.Equal(correlationId, problem.GetProperty("correlationId").GetString());
        Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Error && entry.Message.Contains(correlationId, StringComparison.Ordinal)
            && entry.Exception?.Message == "secret-internal-detail");
    }

    private sealed class ExplodingLibraryProvider : ILibraryProvider
    {
        public ValueTask<ExerciseLibrary> GetCurrentAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret-internal-detail");

        public ValueTask<ExerciseLibrary> GetVersionAsync(string version, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret-internal-detail");

        public void Invalidate()
        {
        }
    }
}
