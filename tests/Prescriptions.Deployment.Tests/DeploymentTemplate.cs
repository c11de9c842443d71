using System.Text.Json.Nodes;
using Prescriptions.Testing;

namespace Prescriptions.Deployment.Tests;

/// <summary>
/// infra/main.bicep compiled to ARM JSON, and evaluated offline by <c>bicep snapshot</c> with two parameter sets:
/// only the required parameters, and every parameter filled. Built once for all the tests of the collection.
/// </summary>
public sealed class DeploymentTemplate : IDisposable
{
    private const string SubscriptionId = "00000000-0000-4000-8000-000000000001";
    private const string TenantId = "00000000-0000-4000-8000-000000000002";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("deployment-tests-");

    public DeploymentTemplate()
    {
        var template = RepositoryPaths.Combine("infra", "main.bicep");
        Compiled = BicepCli.Run(folder.FullName, "build", template, "--stdout");
        Minimal = Evaluate(template, "minimal", SnapshotParameters.Minimal);
        Full = Evaluate(template, "full", SnapshotParameters.Full);
    }

    /// <summary>The ARM JSON text of the template and its modules.</summary>
    public string Compiled { get; }

    /// <summary>What a deployment with only the required parameters creates.</summary>
    public TemplateSnapshot Minimal { get; }

    /// <summary>What a deployment with every parameter filled creates.</summary>
    public TemplateSnapshot Full { get; }

    public void Dispose() => folder.Delete(recursive: true);

    private TemplateSnapshot Evaluate(string template, string name, string parameters)
    {
        // A .bicepparam names its template by a relative path.
        var relative = Path.GetRelativePath(folder.FullName, template).Replace('\\', '/');
        var parametersFile = Path.Combine(folder.FullName, $"{name}.bicepparam");
        File.WriteAllText(parametersFile, $"using '{relative}'\n\n{parameters}");
        BicepCli.Run(folder.FullName, "snapshot", parametersFile, "--subscription-id", SubscriptionId, "--tenant-id", TenantId, "--location", "westeurope");
        var snapshot = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.FullName, $"{name}.snapshot.json")))!;
        return new TemplateSnapshot(snapshot);
    }
}

[CollectionDefinition(Name)]
public sealed class DeploymentTemplateCollection : ICollectionFixture<DeploymentTemplate>
{
    public const string Name = "Deployment template";
}
