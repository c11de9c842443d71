using System.Diagnostics;
using System.Text.Json.Nodes;
using Prescriptions.Testing;

namespace Prescriptions.Browser.Tests;

/// <summary>
/// What the web service's predeploy hook (scripts/write-portal-settings.sh) writes into the published portal for a
/// given API and Entra ID: run on a copy of the portal's index.html and staticwebapp.config.json.
/// </summary>
internal sealed record DeployedSettings(string AppSettings, string ContentSecurityPolicy)
{
    public static DeployedSettings Write(Uri apiHost, string authority, string clientId, string apiScope)
    {
        var wwwroot = Directory.CreateTempSubdirectory("deployed-portal-");
        try
        {
            var source = RepositoryPaths.Combine("src", "Prescriptions.Portal", "wwwroot");
            File.Copy(Path.Combine(source, "index.html"), Path.Combine(wwwroot.FullName, "index.html"));
            File.Copy(Path.Combine(source, "staticwebapp.config.json"), Path.Combine(wwwroot.FullName, "staticwebapp.config.json"));
            var start = new ProcessStartInfo("sh") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(RepositoryPaths.Combine("scripts", "write-portal-settings.sh"));
            start.ArgumentList.Add(wwwroot.FullName);
            start.Environment["PORTAL_API_BASE_URL"] = $"{apiHost}api/";
            start.Environment["PORTAL_AUTHORITY"] = authority;
            start.Environment["PORTAL_CLIENT_ID"] = clientId;
            start.Environment["PORTAL_API_SCOPE"] = apiScope;
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"write-portal-settings.sh exited {process.ExitCode}: {error.Result}");
            }

            var config = JsonNode.Parse(File.ReadAllText(Path.Combine(wwwroot.FullName, "staticwebapp.config.json")))!;
            return new DeployedSettings(
                File.ReadAllText(Path.Combine(wwwroot.FullName, "appsettings.json")),
                (string)config["globalHeaders"]!["Content-Security-Policy"]!);
        }
        finally
        {
            wwwroot.Delete(recursive: true);
        }
    }
}
