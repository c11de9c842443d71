using System.Diagnostics;
using System.Reflection;

namespace Prescriptions.Deployment.Tests;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64, which this project downloads on restore
/// (version in Directory.Packages.props): the same binary ./test.sh builds and lints infra/ with.
/// </summary>
internal static class BicepCli
{
    public static string Path { get; } = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "BicepCliPath").Value!;

    /// <summary>Runs the CLI and returns its standard output; a failure or any diagnostic on standard error fails the test.</summary>
    public static string Run(string workingDirectory, params string[] arguments)
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"No Bicep CLI at {Path}: restore tests/Prescriptions.Deployment.Tests (it downloads the package).");
        }

        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The CLI would otherwise check for updates and send telemetry; the tests run offline.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }

        var diagnostics = error.Result.Trim();
        if (process.ExitCode != 0 || diagnostics.Length > 0)
        {
            throw new InvalidOperationException($"bicep {string.Join(' ', arguments)} exited {process.ExitCode}:\n{diagnostics}\n{output}");
        }

        return output;
    }
}
