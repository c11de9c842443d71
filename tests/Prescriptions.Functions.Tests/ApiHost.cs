using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.Tokens;
using Prescriptions.Application.Library;
using Prescriptions.LocalHost;
using Prescriptions.LocalHost.DevTokens;
using Prescriptions.Testing;

namespace Prescriptions.Functions.Tests;

/// <summary>
/// The function app as a client sees it: the local host in Development on a free port, backed by a private
/// Azurite with the repository's library published. Extra configuration and service replacements can be given.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ApiHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public DevTokenIssuer Tokens => app.Services.GetRequiredService<DevTokenIssuer>();

    public static async Task<ApiHost> StartAsync(string storageConnectionString, Action<WebApplicationBuilder>? configure = null, params string[] settings)
    {
        string[] args =
        [
            "--environment=Development",
            "--urls=http://127.0.0.1:0",
            $"--PrescriptionsStorage:connectionString={storageConnectionString}",
            "--LocalHost:DisableTimers=true",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        var app = LocalFunctionsHost.Build(args, configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApiHost(app, new Uri(address));
    }

    /// <summary>Publishes library/ of this repository to the given storage, as ./run.sh does.</summary>
    public static async Task<LibraryPointer> PublishRepositoryLibraryAsync(string storageConnectionString)
    {
        var content = ShippedLibrary.Content;
        var store = new Prescriptions.Storage.Library.BlobLibraryStore(
            new Azure.Storage.Blobs.BlobServiceClient(storageConnectionString),
            Microsoft.Extensions.Options.Options.Create(new Prescriptions.Storage.Library.LibraryStorageOptions()));
        var publication = await new LibraryPublisher(store, TimeProvider.System).PublishAsync(content, CancellationToken.None);
        return publication.Current ?? throw new InvalidOperationException(string.Join(Environment.NewLine, publication.Problems));
    }

    public string Token(string role, string clinicId, string subject = "tester", Action<SecurityTokenDescriptor>? adjust = null) =>
        Tokens.Issue(new DevTokenRequest(role, clinicId, subject), adjust);

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token = null, object? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = JsonContent.Create(json, options: Prescriptions.Domain.Serialization.DomainJson.Options);
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token = null, object? json = null)
    {
        using var request = Request(method, path, token, json);
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
