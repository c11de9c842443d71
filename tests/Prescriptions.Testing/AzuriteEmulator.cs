namespace Prescriptions.Testing;

/// <summary>
/// A private Azurite (Blob, Queue, Table) for one test run: in memory, on 127.0.0.1, on free ports, with
/// the API version check off (new SDKs send versions Azurite does not know yet). Stopped on dispose.
/// </summary>
public sealed class AzuriteEmulator : IAsyncDisposable
{
    // The emulator's well-known development account (public, documented, not a secret).
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private LocalServerProcess server;

    private AzuriteEmulator(LocalServerProcess server, int blobPort, int queuePort, int tablePort)
    {
        this.server = server;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public static async Task<AzuriteEmulator> StartAsync(CancellationToken cancellationToken = default)
    {
        var (blob, queue, table) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        var server = await LaunchAsync(blob, queue, table, cancellationToken);
        return new AzuriteEmulator(server, blob, queue, table);
    }

    /// <summary>Freezes the emulator (SIGSTOP): connections are accepted, requests wait, nothing answers.</summary>
    public Task FreezeAsync() => server.SignalAsync("STOP");

    /// <summary>Thaws a frozen emulator (SIGCONT): it answers what it received while frozen.</summary>
    public Task ThawAsync() => server.SignalAsync("CONT");

    /// <summary>Kills the emulator: its ports refuse connections until <see cref="RestartEmptyAsync"/>.</summary>
    public ValueTask KillAsync() => server.DisposeAsync();

    /// <summary>Kills the emulator (if running) and starts a new, empty one on the same ports (a lost account: no tables, no containers).</summary>
    public async Task RestartEmptyAsync(CancellationToken cancellationToken = default)
    {
        await server.DisposeAsync();
        server = await LaunchAsync(BlobPort, QueuePort, TablePort, cancellationToken);
    }

    private static Task<LocalServerProcess> LaunchAsync(int blob, int queue, int table, CancellationToken cancellationToken) =>
        LocalServerProcess.StartAsync(
            "azurite",
            [
                "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
                "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
                "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
                "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
            ],
            [blob, queue, table],
            cancellationToken);

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
