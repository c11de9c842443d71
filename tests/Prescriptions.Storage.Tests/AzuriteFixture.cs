using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Prescriptions.Testing;

namespace Prescriptions.Storage.Tests;

/// <summary>One Azurite for all storage tests of this assembly; tests use their own containers and tables.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteEmulator? emulator;

    public AzuriteEmulator Emulator => emulator ?? throw new InvalidOperationException("Azurite is not started.");

    public BlobServiceClient Blobs => new(Emulator.ConnectionString);

    public TableServiceClient Tables => new(Emulator.ConnectionString);

    public async Task InitializeAsync() => emulator = await AzuriteEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
