using Prescriptions.Application.Handouts;
using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Tests.Fakes;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Testing;

using static Prescriptions.Application.Tests.Fakes.Given;

namespace Prescriptions.Application.Tests;

/// <summary>The handout's words: found within the caller's clinics, each home exercise with its steps and dose, the clinic's name, the signed check-in link.</summary>
public sealed class HandoutServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly UseCases useCases = new();

    private async Task<Prescription> CreateAsync(FollowUp? followUp, string clinicId = "clinic-a")
    {
        var draft = AnkleDraft(followUp) with { ClinicId = clinicId };
        return (await useCases.Prescriptions.CreateAsync(draft, null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored.Value;
    }

    [Fact]
    public async Task A_handout_names_the_clinic_greets_the_patient_and_lists_each_home_exercise_with_its_steps_and_dose()
    {
        var stored = await CreateAsync(Contact);

        var handout = (await useCases.Handouts.BuildAsync(ClinicA, stored.Id, None)).Value!;

        Assert.Equal("Riverside Physio", handout.ClinicName);
        Assert.Equal("Kari", handout.FirstName);
        Assert.Equal("Lateral ankle sprain", handout.ConditionName);
        Assert.StartsWith("Phase 2 of 4: ", handout.PhaseText, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 3, 1), handout.PrintedOn);
        var home = stored.Items.Where(item => item.Delivery == Domain.Library.Delivery.Home).ToList();
        Assert.NotEmpty(home);
        Assert.Equal(home.Select(item => item.Name), handout.Exercises.Select(exercise => exercise.Name));
        Assert.Equal(home.Select(item => Language.PatientDose.Text(item.Dose, Wording.Shipped.In("en"))), handout.Exercises.Select(exercise => exercise.Dose));
        Assert.Equal(home.Select(item => ShippedLibrary.Indexed.FindExercise(item.ExerciseId)!.Instructions), handout.Exercises.Select(exercise => exercise.Steps));
        Assert.Equal(StopAndCallAdvice.CallTheClinic(Wording.Shipped.In("en")), handout.StopAndCall);
        Assert.Equal($"exercise-handout-{stored.Id}.pdf", handout.FileName);
    }

    [Fact]
    public async Task The_check_in_link_is_the_signed_link_of_this_prescription_and_only_with_follow_ups()
    {
        var followed = await CreateAsync(Contact);
        var unfollowed = await CreateAsync(followUp: null);

        var link = (await useCases.Handouts.BuildAsync(ClinicA, followed.Id, None)).Value!.CheckInLink!;
        var none = (await useCases.Handouts.BuildAsync(ClinicA, unfollowed.Id, None)).Value!;

        Assert.StartsWith("https://rx.example/api/checkin/", link.AbsoluteUri, StringComparison.Ordinal);
        var (status, claims) = useCases.Links.Read(Uri.UnescapeDataString(link.Segments[^1]), useCases.Clock.GetUtcNow());
        Assert.Equal(Domain.FollowUps.CheckInTokenStatus.Valid, status);
        Assert.Equal(("clinic-a", followed.Id), (claims!.ClinicId, claims.PrescriptionId));
        Assert.Null(none.CheckInLink);
        Assert.Null(none.FirstName);
    }

    [Fact]
    public async Task A_printed_link_lasts_the_whole_programme_not_only_an_emails_lifetime()
    {
        var draft = AnkleDraft(Contact) with { StartDate = new DateOnly(2027, 3, 1), Weeks = 8 };
        var stored = (await useCases.Prescriptions.CreateAsync(draft, null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored.Value;
        var shortOne = await CreateAsync(Contact);

        var link = (await useCases.Handouts.BuildAsync(ClinicA, stored.Id, None)).Value!.CheckInLink!;
        var shortLink = (await useCases.Handouts.BuildAsync(ClinicA, shortOne.Id, None)).Value!.CheckInLink!;

        var token = Uri.UnescapeDataString(link.Segments[^1]);
        var now = useCases.Clock.GetUtcNow();
        Assert.Equal(Domain.FollowUps.CheckInTokenStatus.Valid, useCases.Links.Read(token, now.AddDays(55)).Status);
        Assert.Equal(Domain.FollowUps.CheckInTokenStatus.Expired, useCases.Links.Read(token, now.AddDays(58)).Status);
        // Without weeks, the email's lifetime (21 days here) still holds.
        Assert.Equal(Domain.FollowUps.CheckInTokenStatus.Valid, useCases.Links.Read(Uri.UnescapeDataString(shortLink.Segments[^1]), now.AddDays(20)).Status);
    }

    [Fact]
    public async Task Another_clinics_prescription_is_not_found_and_an_unnamed_clinic_reads_neutrally()
    {
        var other = await CreateAsync(Contact, clinicId: "clinic-b");

        var refused = await useCases.Handouts.BuildAsync(ClinicA, other.Id, None);
        var own = (await useCases.Handouts.BuildAsync(["clinic-b"], other.Id, None)).Value!;

        Assert.Equal(FailureKind.NotFound, refused.Failure!.Kind);
        Assert.Equal("Your physiotherapy clinic", own.ClinicName);
    }

    [Fact]
    public void The_phase_stop_rules_are_printed_without_their_literature_references()
    {
        Assert.Equal(
            "A brief rise in symptoms of no more than 2 points (0-10) that settles within an hour is acceptable; stop if they rise more or new symptoms appear, and rest.",
            HandoutContent.ForPatients("A brief rise in symptoms of no more than 2 points (0-10) that settles within an hour is acceptable; stop if they rise more or new symptoms appear, and rest (Silverberg et al. 2020)."));
        Assert.Equal(
            "Stop if blood pressure during exercise goes above 250 systolic or 115 diastolic.",
            HandoutContent.ForPatients("Stop if blood pressure during exercise goes above 250 systolic or 115 diastolic (ACSM)"));
        Assert.Equal(
            "Stand still for a minute before you walk (low blood pressure on standing is common with Parkinson's).",
            HandoutContent.ForPatients("Stand still for a minute before you walk (low blood pressure on standing is common with Parkinson's)."));
    }

    [Fact]
    public async Task A_knee_osteoarthritis_handout_carries_the_phases_pain_rules_once()
    {
        var draft = AnkleDraft(Contact) with { Request = new Domain.Assembly.AssemblyRequest("knee-osteoarthritis", 2, Domain.Library.Side.Left, new Domain.Assembly.PatientConstraints()) };
        var stored = (await useCases.Prescriptions.CreateAsync(draft, null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored.Value;

        var handout = (await useCases.Handouts.BuildAsync(ClinicA, stored.Id, None)).Value!;

        Assert.Contains(handout.ProgrammeStopRules, rule => rule.StartsWith("Pain up to 5 out of 10", StringComparison.Ordinal));
        Assert.Equal(handout.ProgrammeStopRules.Count, handout.ProgrammeStopRules.Distinct().Count());
        Assert.All(handout.ProgrammeStopRules, rule => Assert.DoesNotContain("GLA:D", rule, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("es")]
    [InlineData("es-MX")]
    public async Task A_Spanish_handout_prints_the_phases_stop_rules_in_Spanish(string language)
    {
        var draft = AnkleDraft(Contact with { PreferredLanguage = language }) with { Request = new Domain.Assembly.AssemblyRequest("knee-osteoarthritis", 2, Domain.Library.Side.Left, new Domain.Assembly.PatientConstraints()) };
        var stored = (await useCases.Prescriptions.CreateAsync(draft, null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored.Value;
        var phase = ShippedLibrary.Indexed.FindCondition("knee-osteoarthritis")!.FindPhase(2)!;
        var spanish = stored.Items.Where(item => item.Delivery == Domain.Library.Delivery.Home)
            .Select(item => phase.DoseProfile.For(item.Category))
            .Where(dose => dose is { StopRules.Count: > 0 })
            .SelectMany(dose => dose!.Translations["es"].StopRules)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var handout = (await useCases.Handouts.BuildAsync(ClinicA, stored.Id, None)).Value!;

        Assert.NotEmpty(spanish);
        Assert.Equal(spanish, handout.ProgrammeStopRules);
        Assert.Contains(handout.ProgrammeStopRules, rule => rule.StartsWith("Un dolor de hasta 5 sobre 10", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("es")]
    [InlineData("ES-mx")]
    public async Task A_Spanish_handout_names_the_condition_and_the_phase_in_Spanish(string language)
    {
        var draft = AnkleDraft(Contact with { PreferredLanguage = language }) with { Request = new Domain.Assembly.AssemblyRequest("knee-osteoarthritis", 2, Domain.Library.Side.Left, new Domain.Assembly.PatientConstraints()) };
        var stored = (await useCases.Prescriptions.CreateAsync(draft, null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored.Value;

        var handout = (await useCases.Handouts.BuildAsync(ClinicA, stored.Id, None)).Value!;

        Assert.Equal("Artrosis de rodilla", handout.ConditionName);
        Assert.Equal("Fase 2 de 4: Fortalecimiento progresivo y forma física", handout.PhaseText);
    }

    [Fact]
    public async Task A_handout_in_a_language_the_library_lacks_names_the_condition_and_the_phase_in_English()
    {
        var draft = AnkleDraft(Contact with { PreferredLanguage = "de" }) with { Request = new Domain.Assembly.AssemblyRequest("knee-osteoarthritis", 2, Domain.Library.Side.Left, new Domain.Assembly.PatientConstraints()) };
        var stored = (await useCases.Prescriptions.CreateAsync(draft, null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored.Value;

        var handout = (await useCases.Handouts.BuildAsync(ClinicA, stored.Id, None)).Value!;

        Assert.Equal("Knee osteoarthritis", handout.ConditionName);
        Assert.Equal("Phase 2 von 4: Progressive strengthening and fitness", handout.PhaseText);
    }

    [Fact]
    public async Task A_handout_in_a_language_the_stop_rules_lack_prints_them_in_English()
    {
        var draft = AnkleDraft(Contact with { PreferredLanguage = "de" }) with { Request = new Domain.Assembly.AssemblyRequest("knee-osteoarthritis", 2, Domain.Library.Side.Left, new Domain.Assembly.PatientConstraints()) };
        var stored = (await useCases.Prescriptions.CreateAsync(draft, null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored.Value;

        var handout = (await useCases.Handouts.BuildAsync(ClinicA, stored.Id, None)).Value!;

        Assert.Equal("de", handout.Labels.Language);
        Assert.Contains(handout.ProgrammeStopRules, rule => rule.StartsWith("Pain up to 5 out of 10", StringComparison.Ordinal));
    }
}
