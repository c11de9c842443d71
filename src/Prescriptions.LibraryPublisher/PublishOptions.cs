namespace Prescriptions.PublishCommand;

/// <summary>The publish command's arguments.</summary>
internal sealed record PublishOptions(string LibraryPath, string? ConnectionString, Uri? BlobServiceUri, string Container, bool ValidateOnly)
{
    public const string Usage =
        "usage: Prescriptions.LibraryPublisher [--library DIR] [--connection-string CS | --blob-service-uri URI] [--container NAME] [--validate-only]";

    public static PublishOptions? Parse(string[] args)
    {
        var options = new PublishOptions("library", Environment.GetEnvironmentVariable("PrescriptionsStorage__connectionString"), null, "library", false);
        for (var i = 0; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--library" when Next() is { } path:
                    options = options with { LibraryPath = path };
                    break;
                case "--connection-string" when Next() is { } connection:
                    options = options with { ConnectionString = connection, BlobServiceUri = null };
                    break;
                case "--blob-service-uri" when Next() is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri):
                    options = options with { BlobServiceUri = uri, ConnectionString = null };
                    break;
                case "--container" when Next() is { } container:
                    options = options with { Container = container };
                    break;
                case "--validate-only":
                    options = options with { ValidateOnly = true };
                    break;
                default:
                    return null;
            }
        }

        return options;
    }
}
