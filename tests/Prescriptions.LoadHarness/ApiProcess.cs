using System.Diagnostics;
using System.Globalization;
using Prescriptions.Testing;

namespace Prescriptions.LoadHarness;

/// <summary>The API as a child process (the local host built Release), so its memory and its start are its own.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process process;

    private ApiProcess(Process process, Uri baseAddress, TimeSpan startToFirst200)
    {
        this.process = process;
        BaseAddress = baseAddress;
        StartToFirst200 = startToFirst200;
        Cpu = new ProcessCpu(process.Id);
    }

    public Uri BaseAddress { get; }

    public TimeSpan StartToFirst200 { get; }

    /// <summary>The CPU time it uses, and its JIT's share, from the first 200 on.</summary>
    public ProcessCpu Cpu { get; }

    public static async Task<ApiProcess> StartAsync(string assembly, IEnumerable<string> settings, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var argument in settings.Append($"--urls=http://127.0.0.1:{port}"))
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("The API did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"  api: {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {process.ExitCode} while starting.");
            }

            try
            {
                using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return new ApiProcess(process, baseAddress, watch.Elapsed);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The API did not answer 200 on /api/health within 60 s.");
    }

    /// <summary>The process's resident memory (VmRSS), in MiB.</summary>
    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kilobytes / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        Cpu.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
