using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Prescriptions.Testing;

/// <summary>A private maildev (SMTP and its web API) on 127.0.0.1 and free ports for one test run; stopped on dispose.</summary>
public sealed class MaildevServer : IAsyncDisposable
{
    private readonly Process process;

    private MaildevServer(Process process, int smtpPort, int webPort)
    {
        this.process = process;
        SmtpPort = smtpPort;
        WebPort = webPort;
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    /// <summary>The REST API: GET api/email lists the messages received (maildev 3).</summary>
    public Uri ApiBase => new($"http://127.0.0.1:{WebPort}/");

    public static async Task<MaildevServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = RepositoryPaths.Combine("node_modules", ".bin", "maildev");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"maildev is not installed at {executable}: run ./test.sh (it runs npm ci).");
        }

        var (smtp, web) = (FreePorts.Next(), FreePorts.Next());
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--smtp", $"{smtp}", "--web", $"{web}" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("maildev did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MaildevServer(process, smtp, web);
        try
        {
            foreach (var port in new[] { smtp, web })
            {
                await WaitForPortAsync(process, port, TimeSpan.FromSeconds(60), cancellationToken);
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
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

    private static async Task WaitForPortAsync(Process process, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"maildev exited with code {process.ExitCode} before listening.");
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
