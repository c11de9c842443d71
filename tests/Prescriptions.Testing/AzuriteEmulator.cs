using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

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

    private readonly Process process;

    private AzuriteEmulator(Process process, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
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
        var executable = RepositoryPaths.Combine("node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}: run ./test.sh (it runs npm ci).");
        }

        var (blob, queue, table) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[]
        {
            "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var emulator = new AzuriteEmulator(process, blob, queue, table);
        try
        {
            await WaitForPortsAsync(process, [blob, queue, table], TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }

        return emulator;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static async Task WaitForPortsAsync(Process process, int[] ports, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in ports)
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening.");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100, cancellationToken);
                }
            }
        }
    }
}
