using Prescriptions.Testing;
using YamlDotNet.RepresentationModel;

namespace Prescriptions.Deployment.Tests;

/// <summary>azure.yaml: the portal is azd's "web" service on a Static Web App, deployed from what its predeploy hook publishes.</summary>
public sealed class AzureYamlTests
{
    private static readonly YamlMappingNode Services = (YamlMappingNode)LoadAzureYaml()["services"];

    private static YamlMappingNode Web => (YamlMappingNode)Services["web"];

    [Fact]
    public void The_web_service_is_the_portal_on_a_Static_Web_App()
    {
        Assert.Equal("staticwebapp", Scalar(Web, "host"));
        Assert.Equal("./src/Prescriptions.Portal", Scalar(Web, "project"));
        Assert.True(File.Exists(RepositoryPaths.Combine("src", "Prescriptions.Portal", "Prescriptions.Portal.csproj")));
        // The API stays its own service: the Static Web App links no backend, partners call the function app directly.
        Assert.Equal("function", Scalar((YamlMappingNode)Services["api"], "host"));
    }

    [Fact]
    public void The_predeploy_hook_publishes_to_the_folder_the_service_deploys()
    {
        var dist = Scalar(Web, "dist");
        var hooks = (YamlMappingNode)((YamlMappingNode)Web["hooks"])["predeploy"];
        var posix = (YamlMappingNode)hooks["posix"];
        var windows = (YamlMappingNode)hooks["windows"];
        var project = RepositoryPaths.Combine("src", "Prescriptions.Portal");

        Assert.Equal("bin/azd-publish/wwwroot", dist);
        Assert.Equal("sh", Scalar(posix, "shell"));
        Assert.Equal("pwsh", Scalar(windows, "shell"));
        // Service hooks run in the service's folder.
        var shScript = Path.GetFullPath(Path.Combine(project, Scalar(posix, "run")));
        var pwshScript = Path.GetFullPath(Path.Combine(project, Scalar(windows, "run")));
        Assert.Equal(RepositoryPaths.Combine("scripts", "predeploy-web.sh"), shScript);
        Assert.Equal(RepositoryPaths.Combine("scripts", "predeploy-web.ps1"), pwshScript);
        var publishedWwwroot = "src/Prescriptions.Portal/" + dist[..^"/wwwroot".Length];
        Assert.Contains($"out={publishedWwwroot}", File.ReadAllText(shScript), StringComparison.Ordinal);
        Assert.Contains($"$out = '{publishedWwwroot}'", File.ReadAllText(pwshScript), StringComparison.Ordinal);
        Assert.Contains("write-portal-settings.sh \"$out/wwwroot\"", File.ReadAllText(shScript), StringComparison.Ordinal);
        Assert.Contains("write-portal-settings.ps1') -WwwRoot (Join-Path $out 'wwwroot')", File.ReadAllText(pwshScript), StringComparison.Ordinal);
    }

    private static YamlMappingNode LoadAzureYaml()
    {
        using var reader = new StreamReader(RepositoryPaths.Combine("azure.yaml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;
}
