using Prescriptions.Application.Handouts;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Testing;

namespace Prescriptions.Functions.Tests.Handouts;

/// <summary>Handouts of programmes the engine assembles from the shipped library, with default constraints.</summary>
internal static class HandoutSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public static readonly Uri CheckInLink = new("https://rx.example/api/checkin/eyJjIjoiY2xpbmljLWEiLCJwIjoicngtMDEyMyJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg");

    /// <summary>Every condition of the library, for theories.</summary>
    public static TheoryData<string> Conditions() => [.. ShippedLibrary.Indexed.Conditions.Select(condition => condition.Id)];

    public static Prescription Prescription(string conditionId, int phase = 2, string? firstName = "Ana", string? notes = null)
    {
        var library = ShippedLibrary.Indexed;
        // Time-gated phases count from an operation or injury: ten weeks back opens phase 2 of every protocol.
        var request = new AssemblyRequest(conditionId, phase, Side.Left, new PatientConstraints())
        {
            AsOf = Now,
            SurgeryDate = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-70),
        };
        var assembled = ProgramAssembler.Assemble(library, request);
        var program = assembled.Program ?? throw new InvalidOperationException($"{conditionId} phase {phase}: {string.Join("; ", assembled.Problems.Select(problem => problem.ToString()))}");
        var items = notes is null ? program.Items : [program.Items[0] with { Notes = notes }, .. program.Items.Skip(1)];
        return new Prescription
        {
            Id = "rx-0123",
            ClinicId = "clinic-a",
            PatientId = "p-1",
            ConditionId = conditionId,
            Phase = phase,
            Side = Side.Left,
            Status = PrescriptionStatus.Active,
            Constraints = request.Constraints,
            Items = items,
            EstimatedMinutesPerSession = program.EstimatedMinutesPerSession,
            LibraryVersion = library.Version,
            StartDate = new DateOnly(2026, 11, 23),
            FollowUp = new FollowUp("ana@example.org", "Europe/Berlin", new TimeOnly(18, 0), 7) { FirstName = firstName },
            CreatedAt = Now,
            CreatedBy = "therapist-1",
            UpdatedAt = Now,
            UpdatedBy = "therapist-1",
            Version = 1,
        };
    }

    public static Handout Handout(string conditionId, int phase = 2, string? firstName = "Ana", string? notes = null, Uri? checkInLink = null) =>
        HandoutContent.Build(Prescription(conditionId, phase, firstName, notes), ShippedLibrary.Indexed, "Riverside Physio", DateOnly.FromDateTime(Now.UtcDateTime), checkInLink ?? CheckInLink, English);

    /// <summary>The shipped English patient texts, as the hosts' <c>AddLocalization()</c> reads them.</summary>
    public static Application.Language.PatientWords English { get; } = In("en");

    /// <summary>The shipped patient texts in <paramref name="language"/>, as the hosts' <c>AddLocalization()</c> reads them.</summary>
    public static Application.Language.PatientWords In(string language) => new Application.Language.PatientWording(new Microsoft.Extensions.Localization.StringLocalizer<Application.Language.PatientTexts>(
        new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance))).In(language);
}
