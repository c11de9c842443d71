namespace Prescriptions.Testing;

/// <summary>A private maildev (SMTP and its web API) on 127.0.0.1 and free ports for one test run; stopped on dispose.</summary>
public sealed class MaildevServer : IAsyncDisposable
{
    private readonly LocalServerProcess server;

    private MaildevServer(LocalServerProcess server, int smtpPort, int webPort)
    {
        this.server = server;
        SmtpPort = smtpPort;
        WebPort = webPort;
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    /// <summary>The REST API: GET api/email lists the messages received (maildev 3).</summary>
    public Uri ApiBase => new($"http://127.0.0.1:{WebPort}/");

    public static async Task<MaildevServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var (smtp, web) = (FreePorts.Next(), FreePorts.Next());
        var server = await LocalServerProcess.StartAsync(
            "maildev",
            ["--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--smtp", $"{smtp}", "--web", $"{web}"],
            [smtp, web],
            cancellationToken);
        return new MaildevServer(server, smtp, web);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
