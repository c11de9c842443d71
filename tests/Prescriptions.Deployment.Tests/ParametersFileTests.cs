using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Prescriptions.Testing;

namespace Prescriptions.Deployment.Tests;

/// <summary>infra/main.parameters.json, through which azd fills the template's parameters from its environment.</summary>
[Collection(DeploymentTemplateCollection.Name)]
public sealed class ParametersFileTests(DeploymentTemplate template)
{
    private static readonly JsonObject ParametersFile =
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("infra", "main.parameters.json")))!["parameters"]!.AsObject();

    private JsonObject TemplateParameters => JsonNode.Parse(template.Compiled)!["parameters"]!.AsObject();

    [Fact]
    public void Every_parameter_comes_from_an_azd_environment_value()
    {
        // A parameter left out could only take its default: no environment value could change it.
        Assert.Equal(TemplateParameters.Select(parameter => parameter.Key).Order(), ParametersFile.Select(parameter => parameter.Key).Order());
        Assert.All(ParametersFile, parameter =>
            Assert.Matches(new Regex(@"^\$\{[A-Z][A-Z0-9_]*\}$"), (string?)parameter.Value?["value"]));
    }
}
