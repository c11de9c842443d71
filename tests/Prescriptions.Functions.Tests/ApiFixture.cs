using Prescriptions.Application.Library;
using Prescriptions.Testing;

namespace Prescriptions.Functions.Tests;

/// <summary>One Azurite, the repository's library published to it, and one API host over it, shared by the HTTP tests.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private AzuriteEmulator? azurite;
    private ApiHost? host;

    public ApiHost Host => host ?? throw new InvalidOperationException("Not started.");

    public AzuriteEmulator Azurite => azurite ?? throw new InvalidOperationException("Not started.");

    public LibraryPointer Library { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteEmulator.StartAsync();
        Library = await ApiHost.PublishRepositoryLibraryAsync(azurite.ConnectionString);
        host = await ApiHost.StartAsync(azurite.ConnectionString, configure: null,
        [
            // clinic-b has a partner (never reached: the timers are off), so its changes write partner events; clinic-a has none.
            "--Webhooks:Partners:ehr-b:AppId=9b9b0000-0000-4000-8000-0000000b9b0b",
            "--Webhooks:Partners:ehr-b:Url=http://127.0.0.1:9/hooks",
            $"--Webhooks:Partners:ehr-b:Secret=whsec_{Convert.ToBase64String(new byte[32])}",
        ]);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "Api";
}
