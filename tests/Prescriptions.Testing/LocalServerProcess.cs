using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Prescriptions.Testing;

/// <summary>
/// A development server from node_modules (Azurite, maildev) run for a test: started with its output drained,
/// ready when its ports accept connections, killed with its children when disposed.
/// </summary>
public sealed class LocalServerProcess : IAsyncDisposable
{
    private readonly Process process;

    private LocalServerProcess(Process process) => this.process = process;

    public static async Task<LocalServerProcess> StartAsync(string tool, IEnumerable<string> arguments, IReadOnlyList<int> ports, CancellationToken cancellationToken)
    {
        var executable = RepositoryPaths.Combine("node_modules", ".bin", tool);
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{tool} is not installed at {executable}: run ./test.sh (it runs npm ci).");
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new LocalServerProcess(process);
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            foreach (var port in ports)
            {
                await WaitForPortAsync(tool, process, port, deadline, cancellationToken);
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Stops (SIGSTOP) or resumes (SIGCONT) the server: its sockets stay open and accept, nothing answers.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", $"{process.Id}"]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {process.Id} exited with {kill.ExitCode}.");
        }
    }

    private bool disposed;

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static async Task WaitForPortAsync(string tool, Process process, int port, DateTime deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{tool} exited with code {process.ExitCode} before listening on {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }
}
