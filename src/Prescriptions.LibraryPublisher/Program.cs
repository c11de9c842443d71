using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Prescriptions.Domain.Library;
using Prescriptions.Application.Library;
using Prescriptions.PublishCommand;
using Prescriptions.Storage.Library;

// Usage: publish [--library DIR] [--connection-string CS | --blob-service-uri URI] [--container NAME] [--validate-only]
// Without a connection string or URI it publishes to the local emulator (UseDevelopmentStorage=true).
// With --blob-service-uri it signs in as the deployer (Azure CLI / azd / environment) with no keys.
var options = PublishOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(PublishOptions.Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var (content, loadProblems) = await LibraryFolder.LoadAsync(options.LibraryPath, cancellation.Token);
var problems = content is null ? loadProblems : LibraryValidator.Validate(content);
if (problems.Count > 0)
{
    await Console.Error.WriteLineAsync($"The library in {options.LibraryPath} is refused ({problems.Count} problem(s)); the current version stays:");
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync($"  {problem}");
    }

    return 1;
}

Console.WriteLine($"Library is valid: {content!.Exercises.Count} exercises, {content.Conditions.Count} conditions.");
if (options.ValidateOnly)
{
    return 0;
}

var blobs = options.BlobServiceUri is { } uri
    ? new BlobServiceClient(uri, new DefaultAzureCredential())
    : new BlobServiceClient(options.ConnectionString ?? "UseDevelopmentStorage=true");
var store = new BlobLibraryStore(blobs, Options.Create(new LibraryStorageOptions { ContainerName = options.Container }));
var publication = await new LibraryPublisher(store, TimeProvider.System).PublishAsync(content, cancellation.Token);
Console.WriteLine($"Published library version {publication.Current!.Version} (first published {publication.Current.PublishedAt:O}); it is now current.");
return 0;
