using Prescriptions.Testing;

namespace Prescriptions.Domain.Tests;

public sealed class ClinicalRulesDocumentTests
{
    [Fact]
    public void The_clinical_rules_document_shows_the_library_the_engine_runs_on()
    {
        var path = RepositoryPaths.Combine("docs", "clinical-rules.md");
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var at = text.IndexOf(ClinicalRulesDocument.Marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{path} lacks the generated-section marker");
        var written = text[..(at + ClinicalRulesDocument.Marker.Length)];
        var expected = written + "\n\n" + ClinicalRulesDocument.Render(ShippedLibrary.Content);
        if (Environment.GetEnvironmentVariable("UPDATE_CLINICAL_RULES") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(expected == text, "docs/clinical-rules.md is out of date with library/: run UPDATE_CLINICAL_RULES=1 dotnet test tests/Prescriptions.Domain.Tests --filter ClinicalRulesDocument");
    }
}
