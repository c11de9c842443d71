using System.Globalization;

namespace Prescriptions.PortalBenchmark;

/// <summary>The command line: --portal (the published wwwroot, required), --runs, --chromium.</summary>
internal sealed record BenchmarkOptions(string PortalRoot, int Runs, string ChromiumPath)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? portal = null;
        var runs = 5;
        var chromium = Environment.GetEnvironmentVariable("PRESCRIPTIONS_CHROMIUM") ?? "/usr/bin/chromium";
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--portal": portal = Path.GetFullPath(value); break;
                case "--runs": runs = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--chromium": chromium = value; break;
                default: throw new ArgumentException($"Unknown option {args[i]} (known: --portal, --runs, --chromium).");
            }
        }

        if (portal is null || !File.Exists(Path.Combine(portal, "index.html")))
        {
            throw new ArgumentException("--portal must name the published portal's wwwroot (run.sh publishes it).");
        }

        return runs < 1 ? throw new ArgumentException("--runs must be at least 1.") : new BenchmarkOptions(portal, runs, chromium);
    }
}
