using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Prescriptions.Deployment.Tests;

/// <summary>What the issue's "done when" asks of the compiled template: FC1, keyless storage, the identity and its roles.</summary>
[Collection(DeploymentTemplateCollection.Name)]
public sealed class TemplateFactsTests(DeploymentTemplate template)
{
    // Built-in role definition ids.
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private JsonObject Site => template.Minimal.One("Microsoft.Web/sites");

    private string IdentityId => (string)template.Minimal.One("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;

    [Fact]
    public void The_plan_is_Flex_Consumption_FC1()
    {
        var plan = template.Minimal.One("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]?["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]?["tier"]);
        Assert.Equal((string)plan["id"]!, (string?)Site["properties"]?["serverFarmId"]);
    }

    [Fact]
    public void The_app_runs_dotnet_isolated_10_as_the_user_assigned_identity()
    {
        var properties = Site["properties"]!;
        var config = properties["functionAppConfig"]!;

        Assert.Equal("UserAssigned", (string?)Site["identity"]?["type"]);
        Assert.Equal([IdentityId], Site["identity"]!["userAssignedIdentities"]!.AsObject().Select(identity => identity.Key));
        Assert.Equal(IdentityId, (string?)properties["keyVaultReferenceIdentity"]);
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]?["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]?["version"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]?["storage"]?["authentication"]?["type"]);
        Assert.Equal(IdentityId, (string?)config["deployment"]?["storage"]?["authentication"]?["userAssignedIdentityResourceId"]);
        Assert.True((bool?)properties["httpsOnly"]);
    }

    [Fact]
    public void No_storage_account_takes_shared_keys_or_anonymous_reads()
    {
        var accounts = template.Full.OfType("Microsoft.Storage/storageAccounts");

        Assert.NotEmpty(accounts);
        Assert.All(accounts, account =>
        {
            Assert.False((bool?)account["properties"]?["allowSharedKeyAccess"] ?? true);
            Assert.False((bool?)account["properties"]?["allowBlobPublicAccess"] ?? true);
            Assert.Equal("TLS1_2", (string?)account["properties"]?["minimumTlsVersion"]);
        });
    }

    [Fact]
    public void The_template_reads_no_keys()
    {
        Assert.DoesNotMatch(new Regex(@"list(Keys|AccountSas|ServiceSas|Secrets)\s*\(", RegexOptions.IgnoreCase), template.Compiled);
    }

    [Fact]
    public void The_app_identity_has_the_data_roles_it_needs_on_each_resource()
    {
        var roles = AppRoleAssignments(template.Minimal);

        Assert.Equal(
            new[]
            {
                ("Microsoft.Storage/storageAccounts", BlobDataOwner),
                ("Microsoft.Storage/storageAccounts", TableDataContributor),
                ("Microsoft.Storage/storageAccounts", QueueDataContributor),
                ("Microsoft.KeyVault/vaults", KeyVaultSecretsUser),
                ("Microsoft.Insights/components", MonitoringMetricsPublisher),
            }.Order(),
            roles.Order());
    }

    [Fact]
    public void The_deployer_may_write_blobs_only_when_named()
    {
        var deployer = template.Full.OfType("Microsoft.Authorization/roleAssignments")
            .Where(assignment => (string?)assignment["properties"]?["principalId"] == "7d3c2a10-0000-4000-8000-0000000000d1")
            .ToList();

        var assignment = Assert.Single(deployer);
        Assert.EndsWith(BlobDataContributor, (string?)assignment["properties"]?["roleDefinitionId"], StringComparison.Ordinal);
        Assert.Equal("User", (string?)assignment["properties"]?["principalType"]);
        Assert.Equal(5, template.Minimal.OfType("Microsoft.Authorization/roleAssignments").Count);
    }

    [Fact]
    public void Role_assignments_are_named_by_guid()
    {
        var names = Descendants(JsonNode.Parse(template.Compiled)!)
            .Where(node => (string?)node["type"] == "Microsoft.Authorization/roleAssignments")
            .Select(node => (string?)node["name"])
            .ToList();

        Assert.Equal(4, names.Count);
        Assert.All(names, name => Assert.StartsWith("[guid(", name, StringComparison.Ordinal));
    }

    [Fact]
    public void Secrets_live_in_an_RBAC_vault_and_telemetry_needs_Entra_ID()
    {
        var vault = template.Minimal.One("Microsoft.KeyVault/vaults");
        var insights = template.Minimal.One("Microsoft.Insights/components");

        Assert.True((bool?)vault["properties"]?["enableRbacAuthorization"]);
        Assert.True((bool?)vault["properties"]?["enablePurgeProtection"]);
        Assert.True((bool?)insights["properties"]?["DisableLocalAuth"]);
        Assert.True((bool?)template.Minimal.One("Microsoft.OperationalInsights/workspaces")["properties"]?["features"]?["disableLocalAuth"]);
    }

    [Fact]
    public void The_tables_and_containers_the_code_uses_are_created()
    {
        var tables = template.Minimal.OfType("Microsoft.Storage/storageAccounts/tableServices/tables").Select(table => ((string)table["name"]!).Split('/')[^1]);
        var containers = template.Minimal.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(container => ((string)container["name"]!).Split('/')[^1]);

        Assert.NotEmpty(CodeSettings.DefaultTables);
        Assert.Subset(tables.ToHashSet(), CodeSettings.DefaultTables.ToHashSet());
        Assert.Subset(containers.ToHashSet(), CodeSettings.DefaultContainers.ToHashSet());
    }

    private List<(string ScopeType, string Role)> AppRoleAssignments(TemplateSnapshot snapshot) =>
        snapshot.OfType("Microsoft.Authorization/roleAssignments")
            .Where(assignment => ((string?)assignment["properties"]?["principalId"])?.Contains(IdentityId, StringComparison.OrdinalIgnoreCase) == true)
            .Select(assignment => (ScopeTypeOf((string)assignment["id"]!), ((string)assignment["properties"]!["roleDefinitionId"]!).Split('/')[^1]))
            .ToList();

    // ".../providers/Microsoft.Storage/storageAccounts/st1/providers/Microsoft.Authorization/roleAssignments/<guid>" -> the scope's type.
    private static string ScopeTypeOf(string assignmentId)
    {
        var scope = assignmentId[..assignmentId.LastIndexOf("/providers/Microsoft.Authorization/", StringComparison.OrdinalIgnoreCase)];
        var segments = scope[(scope.LastIndexOf("/providers/", StringComparison.OrdinalIgnoreCase) + "/providers/".Length)..].Split('/');
        return $"{segments[0]}/{segments[1]}";
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject obj => obj.SelectMany(property => property.Value is null ? [] : Descendants(property.Value)).Prepend(obj),
        JsonArray array => array.SelectMany(item => item is null ? [] : Descendants(item)),
        _ => [],
    };
}
