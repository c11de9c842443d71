namespace Prescriptions.LoadHarness;

/// <summary>What one run does: how many clients, requests and seconds per phase (defaults are the figures).</summary>
internal sealed record HarnessOptions
{
    public required string ApiAssembly { get; init; }
    public int Clients { get; init; } = 8;
    public int Creates { get; init; } = 2000;
    public int Reads { get; init; } = 2000;

    /// <summary>Creates and reads per side in one warm-up round, run first and left out of the figures.</summary>
    public int Warmup { get; init; } = 500;

    /// <summary>The most warm-up rounds: they go on until every API process's JIT has settled, or this many have run.</summary>
    public int WarmupRounds { get; init; } = 12;

    /// <summary>A round in which each API's tiered-JIT worker used at most this share of one core ends the warm-up.</summary>
    public const double SettledJitShare = 0.05;
    public int PreviewSeconds { get; init; } = 10;
    public int MixedSeconds { get; init; } = 60;
    public int MixedClients { get; init; } = 16;

    /// <summary>
    /// Environment variables of a second API process (for example the runtime settings before a change), measured in the
    /// same create and read phases as the first: before and after, side by side in one run. Empty: no second API.
    /// </summary>
    public IReadOnlyDictionary<string, string> Baseline { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Another build of the local host (for example the commit before a change, built to another folder) run as the second
    /// API process, with <see cref="Baseline"/>'s variables if any. Null: the same build as <see cref="ApiAssembly"/>.
    /// </summary>
    public string? BaselineApiAssembly { get; init; }

    /// <summary>Whether a second API process runs side by side with the first.</summary>
    public bool HasBaseline => Baseline.Count > 0 || BaselineApiAssembly is not null;

    public static HarnessOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Number(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        return new HarnessOptions
        {
            ApiAssembly = values.TryGetValue("api", out var api) ? Path.GetFullPath(api, Prescriptions.Testing.RepositoryPaths.Root) : throw new ArgumentException("--api <path of Prescriptions.LocalHost.dll> is required."),
            Clients = Number("clients", 8),
            Creates = Number("creates", 2000),
            Reads = Number("reads", 2000),
            Warmup = Number("warmup", 500),
            WarmupRounds = Number("warmup-rounds", 12),
            PreviewSeconds = Number("preview-seconds", 10),
            MixedSeconds = Number("mixed-seconds", 60),
            MixedClients = Number("mixed-clients", 16),
            BaselineApiAssembly = values.TryGetValue("baseline-api", out var baselineApi) ? Path.GetFullPath(baselineApi, Prescriptions.Testing.RepositoryPaths.Root) : null,
            Baseline = values.TryGetValue("baseline", out var baseline)
                ? baseline.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(pair => pair.Split('=', 2))
                    .ToDictionary(pair => pair[0], pair => pair.Length == 2 ? pair[1] : throw new ArgumentException($"--baseline takes NAME=VALUE pairs separated by commas; '{pair[0]}' has no value."), StringComparer.Ordinal)
                : new Dictionary<string, string>(),
        };
    }
}
