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
        host = await ApiHost.StartAsync(azurite.ConnectionString);
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
