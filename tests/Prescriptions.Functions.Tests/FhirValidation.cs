using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Prescriptions.Functions.Fhir;
using Xunit.Abstractions;

namespace Prescriptions.Functions.Tests;

/// <summary>
/// One Firely validator per test run over the R4 base definitions (specification.zip from
/// Hl7.Fhir.Specification.Data.R4); loading them takes seconds, so it is built once and shared.
/// </summary>
/// <remarks>
/// Offline, on purpose: the terminology service is local over the same zip, so FHIR's own code systems
/// (statuses, intents, units of time, goal categories) are checked against their required bindings. External
/// systems (ICD-10-CM, SNOMED CT, CPT) only ever sit on example bindings, which the validator never checks
/// (CodedContentChecks.Default leaves NonRequiredBindings out); should a terminology call fail anyway,
/// HandleValidateCodeServiceFailure reports a warning, not an error. Our own exercise-dose extension has no
/// published StructureDefinition, so FollowExtensionUrl does not resolve our namespace (base Extension rules
/// such as ext-1 still apply); every other unknown extension is a warning.
/// </remarks>
internal static class FhirValidation
{
    private static readonly Lazy<Validator> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock Gate = new();

    /// <summary>Validates against the base definitions; calls are serialised because test classes run in parallel.</summary>
    public static OperationOutcome Validate(Resource resource)
    {
        var validator = Shared.Value;
        lock (Gate)
        {
            return validator.Validate(resource);
        }
    }

    public static IReadOnlyList<OperationOutcome.IssueComponent> Errors(this OperationOutcome outcome) =>
        [.. outcome.Issue.Where(issue => issue.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)];

    public static string Describe(this OperationOutcome.IssueComponent issue) =>
        $"{issue.Severity} {issue.Code} at {string.Join(", ", issue.Expression)}: {issue.Details?.Text}";

    /// <summary>Writes every issue to the test output and returns the errors.</summary>
    public static IReadOnlyList<OperationOutcome.IssueComponent> ValidateAndReport(Resource resource, ITestOutputHelper output)
    {
        var outcome = Validate(resource);
        foreach (var issue in outcome.Issue)
        {
            output.WriteLine(issue.Describe());
        }

        return outcome.Errors();
    }

    private static Validator Create()
    {
        var definitions = new CachedResolver(ZipSource.CreateValidationSource());
        var settings = new ValidationSettings
        {
            FollowExtensionUrl = (_, url) => url?.ToString().StartsWith(FhirUrls.Base + "/", StringComparison.Ordinal) == true
                ? ExtensionUrlHandling.DontResolve
                : ExtensionUrlHandling.WarnIfMissing,
            HandleValidateCodeServiceFailure = (_, _) => TerminologyServiceExceptionResult.Warning,
        };
        return new Validator(definitions, new LocalTerminologyService(definitions), null, settings);
    }
}
