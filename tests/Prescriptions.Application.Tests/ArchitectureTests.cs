using System.Reflection;
using System.Xml.Linq;
using Prescriptions.Application.Outcomes;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Testing;

namespace Prescriptions.Application.Tests;

/// <summary>
/// The layering rules, checked on both the compiled assemblies and the project files (a reference that is not yet
/// used is still a reference): Domain and Application stay free of ASP.NET Core, the Azure SDK and the Functions
/// worker, Domain never references Application, and Domain's namespaces are layered (no cycles).
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Forbidden = ["Microsoft.AspNetCore", "Azure", "Microsoft.Azure", "Microsoft.Extensions.Azure", "Microsoft.Identity", "Prescriptions.Storage", "Prescriptions.Functions", "Prescriptions.LocalHost"];

    public static TheoryData<string> InnerLayers => new() { "Prescriptions.Domain", "Prescriptions.Application" };

    [Theory]
    [MemberData(nameof(InnerLayers))]
    public void Inner_layers_reference_no_host_no_transport_and_no_cloud_sdk(string name)
    {
        var assembly = Layer(name);
        Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => IsForbidden(a.Name!));
        Assert.DoesNotContain(ProjectReferences(name), IsForbidden);
    }

    [Fact]
    public void Domain_does_not_reference_the_application()
    {
        Assert.DoesNotContain(Layer("Prescriptions.Domain").GetReferencedAssemblies(), a => a.Name == "Prescriptions.Application");
        Assert.DoesNotContain(ProjectReferences("Prescriptions.Domain"), r => r.StartsWith("Prescriptions.", StringComparison.Ordinal));
    }

    [Fact]
    public void Application_references_the_domain_only_among_our_projects()
    {
        Assert.Equal(["Prescriptions.Domain"], ProjectReferences("Prescriptions.Application").Where(r => r.StartsWith("Prescriptions.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Domain_namespaces_form_no_cycle()
    {
        var domain = RepositoryPaths.Combine("src", "Prescriptions.Domain");
        var graph = Directory.GetDirectories(domain)
            .Select(Path.GetFileName)
            .Where(folder => folder is not ("bin" or "obj"))
            .ToDictionary(folder => folder!, folder => Directory.GetFiles(Path.Combine(domain, folder!), "*.cs", SearchOption.AllDirectories)
                .SelectMany(File.ReadLines)
                .Where(line => line.StartsWith("using Prescriptions.Domain.", StringComparison.Ordinal))
                .Select(line => line["using Prescriptions.Domain.".Length..].TrimEnd(';'))
                .Where(used => used != folder)
                .ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        var cyclic = graph.Keys.Where(start => Reaches(graph, start, start)).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Prescriptions", graph.Keys);
        Assert.Empty(cyclic);
    }

    [Fact]
    public void The_rules_catch_a_forbidden_reference()
    {
        Assert.True(IsForbidden("Microsoft.AspNetCore.Http.Abstractions"));
        Assert.True(IsForbidden("Azure.Data.Tables"));
        Assert.True(IsForbidden("Microsoft.Azure.Functions.Worker"));
        Assert.False(IsForbidden("Microsoft.Extensions.Options"));
        Assert.False(IsForbidden("AzureLike"));
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> graph, string from, string target)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = new Stack<string>(graph.GetValueOrDefault(from) ?? []);
        while (next.TryPop(out var current))
        {
            if (current == target)
            {
                return true;
            }

            if (seen.Add(current))
            {
                foreach (var used in graph.GetValueOrDefault(current) ?? [])
                {
                    next.Push(used);
                }
            }
        }

        return false;
    }

    private static bool IsForbidden(string reference) =>
        Forbidden.Any(prefix => reference == prefix || reference.StartsWith(prefix + ".", StringComparison.Ordinal));

    private static Assembly Layer(string name) => name switch
    {
        "Prescriptions.Domain" => typeof(Prescription).Assembly,
        "Prescriptions.Application" => typeof(Failure).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>Package, framework and project references of a project file (project references by file name).</summary>
    private static IEnumerable<string> ProjectReferences(string name)
    {
        var project = XDocument.Load(RepositoryPaths.Combine("src", name, name + ".csproj"));
        foreach (var element in project.Descendants().Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference" or "ProjectReference"))
        {
            var include = (string?)element.Attribute("Include") ?? string.Empty;
            yield return element.Name.LocalName == "ProjectReference" ? Path.GetFileNameWithoutExtension(include.Replace('\\', '/')) : include;
        }
    }
}
