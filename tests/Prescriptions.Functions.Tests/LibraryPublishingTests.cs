using System.Net;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Serialization;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Testing;

namespace Prescriptions.Functions.Tests;

/// <summary>Publishing new versions, through the API and through the command; each test has its own storage.</summary>
public sealed class LibraryPublishingTests
{
    [Fact]
    public async Task Publishing_through_the_api_moves_the_library_and_old_prescriptions_keep_their_version()
    {
        await using var azurite = await AzuriteEmulator.StartAsync();
        var first = await ApiHost.PublishRepositoryLibraryAsync(azurite.ConnectionString);
        await using var api = await ApiHost.StartAsync(azurite.ConnectionString);
        var therapist = api.Token(Roles.Therapist, "clinic-a");
        var before = await (await api.SendAsync(HttpMethod.Post, "/api/prescriptions", therapist, Requests.Create("p-versions"))).JsonAsync(HttpStatusCode.Created);

        var changed = await ChangedLibraryAsync();
        var published = await api.SendAsync(HttpMethod.Post, "/api/library/versions", api.Token(Roles.LibraryEditor, "clinic-a"), changed);

        var body = await published.JsonAsync(HttpStatusCode.Created);
        var version = body.GetProperty("version").GetString();
        Assert.NotEqual(first.Version, version);
        var library = await (await api.SendAsync(HttpMethod.Get, "/api/library", therapist)).JsonAsync();
        Assert.Equal(version, library.GetProperty("version").GetString());
        var exercise = await (await api.SendAsync(HttpMethod.Get, "/api/exercises/ankle-pumps", therapist)).JsonAsync();
        Assert.EndsWith("(revised)", exercise.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var old = await (await api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{before.GetProperty("id").GetString()}", therapist)).JsonAsync();
        Assert.Equal(first.Version, old.GetProperty("libraryVersion").GetString());
    }

    [Fact]
    public async Task Publishing_through_the_command_moves_the_library_within_the_refresh_interval()
    {
        await using var azurite = await AzuriteEmulator.StartAsync();
        var first = await ApiHost.PublishRepositoryLibraryAsync(azurite.ConnectionString);
        await using var api = await ApiHost.StartAsync(azurite.ConnectionString, null, "--Library:RefreshInterval=00:00:01");
        var therapist = api.Token(Roles.Therapist, "clinic-a");
        Assert.Equal(first.Version, (await (await api.SendAsync(HttpMethod.Get, "/api/library", therapist)).JsonAsync()).GetProperty("version").GetString());
        var folder = Directory.CreateTempSubdirectory("library-");
        try
        {
            await WriteFolderAsync(await ChangedLibraryAsync(), folder.FullName);

            var exitCode = await RunPublisherAsync(folder.FullName, azurite.ConnectionString);

            Assert.Equal(0, exitCode);
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            var library = await (await api.SendAsync(HttpMethod.Get, "/api/library", therapist)).JsonAsync();
            Assert.NotEqual(first.Version, library.GetProperty("version").GetString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_broken_library_is_422_with_every_reason_and_the_current_version_stays()
    {
        await using var azurite = await AzuriteEmulator.StartAsync();
        var first = await ApiHost.PublishRepositoryLibraryAsync(azurite.ConnectionString);
        await using var api = await ApiHost.StartAsync(azurite.ConnectionString);
        var content = await ChangedLibraryAsync();
        var broken = content with
        {
            Exercises = [content.Exercises[0] with { ProgressionId = "nowhere" }, content.Exercises[0], .. content.Exercises.Skip(1)],
        };

        var response = await api.SendAsync(HttpMethod.Post, "/api/library/versions", api.Token(Roles.LibraryEditor, "clinic-a"), broken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var id = content.Exercises[0].Id;
        Assert.NotEmpty(problem.ErrorsFor($"exercises[{id}]"));
        Assert.NotEmpty(problem.ErrorsFor($"exercises[{id}].progressionId"));
        var library = await (await api.SendAsync(HttpMethod.Get, "/api/library", api.Token(Roles.Therapist, "clinic-a"))).JsonAsync();
        Assert.Equal(first.Version, library.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Only_library_editors_publish()
    {
        await using var azurite = await AzuriteEmulator.StartAsync();
        await using var api = await ApiHost.StartAsync(azurite.ConnectionString);

        var response = await api.SendAsync(HttpMethod.Post, "/api/library/versions", api.Token(Roles.Therapist, "clinic-a"), await ChangedLibraryAsync());

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private static Task<LibraryContent> ChangedLibraryAsync()
    {
        var content = ShippedLibrary.Content;
        return Task.FromResult(content with
        {
            Exercises = [.. content.Exercises.Select(e => e.Id == "ankle-pumps" ? e with { Summary = e.Summary + " (revised)" } : e)],
        });
    }

    private static async Task WriteFolderAsync(LibraryContent content, string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "exercises"));
        Directory.CreateDirectory(Path.Combine(root, "conditions"));
        await File.WriteAllTextAsync(Path.Combine(root, "exercises", "all.json"), System.Text.Json.JsonSerializer.Serialize(content.Exercises, DomainJson.Options));
        foreach (var condition in content.Conditions)
        {
            await File.WriteAllTextAsync(Path.Combine(root, "conditions", $"{condition.Id}.json"), System.Text.Json.JsonSerializer.Serialize(condition, DomainJson.Options));
        }
    }

    /// <summary>Runs the real publish command, as ./run.sh and the deployment hook do.</summary>
    private static async Task<int> RunPublisherAsync(string library, string connectionString)
    {
        var dll = RepositoryPaths.Combine("src", "Prescriptions.LibraryPublisher", "bin", RepositoryPaths.Configuration, "net10.0", "Prescriptions.LibraryPublisher.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "--library", library, "--connection-string", connectionString })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await output + await error);
        return process.ExitCode;
    }
}
