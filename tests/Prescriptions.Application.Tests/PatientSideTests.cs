using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Tests.Fakes;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Testing;

using static Prescriptions.Application.Tests.Fakes.Given;

namespace Prescriptions.Application.Tests;

/// <summary>
/// Issue 18 on the patient's side of the use cases: the welcome states the real cadence and its button opens the
/// programme, a check-in request's button opens the check-in, everything in the patient's language, and the clinic's
/// alert email names the patient and links to the portal.
/// </summary>
public sealed class PatientSideTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly UseCases useCases = new();

    private async Task<Prescription> ActiveAsync(FollowUp followUp, string? patientId = null)
    {
        var draft = AnkleDraft(followUp) with { Weeks = 2 };
        var stored = (await useCases.Prescriptions.CreateAsync(patientId is null ? draft : draft with { PatientId = patientId }, null, ShippedLibrary.Indexed, null, Therapist, None)).Value!.Stored;
        return (await useCases.Prescriptions.TransitionAsync(ClinicA, stored.Value.Id, stored.ETag, LifecycleAction.Activate, Therapist, None)).Value!.Value;
    }

    private async Task<EmailMessage> WelcomeAsync(FollowUp followUp)
    {
        await ActiveAsync(followUp);
        await useCases.Sweeper.SweepAsync(None);
        return Assert.Single(useCases.Email.Sent);
    }

    [Theory]
    [InlineData(1, "Every day we will ask how the exercises are going.")]
    [InlineData(7, "Once a week we will ask how the exercises are going.")]
    [InlineData(3, "Every 3 days we will ask how the exercises are going.")]
    public async Task The_welcome_states_the_real_cadence(int everyDays, string expected)
    {
        var welcome = await WelcomeAsync(Contact with { CheckInEveryDays = everyDays });

        Assert.Contains(expected, welcome.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Every few days", welcome.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_buttons_words_say_where_it_lands()
    {
        var emails = new FollowUpEmails(useCases.Links, Wording.Shipped);
        var prescription = await ActiveAsync(Contact);
        var now = useCases.Clock.GetUtcNow();

        var welcome = emails.Compose(prescription, new(prescription.Id + "|w", Domain.FollowUps.FollowUpKind.Welcome, now, DateOnly.FromDateTime(now.UtcDateTime)), now);
        var request = emails.Compose(prescription, new(prescription.Id + "|c", Domain.FollowUps.FollowUpKind.CheckInRequest, now, DateOnly.FromDateTime(now.UtcDateTime)), now);

        Assert.Matches(@"See your exercises: https://rx\.example/api/checkin/[^#\s]+\r?\n", welcome.TextBody);
        Assert.Matches(@"Tell us how it is going: https://rx\.example/api/checkin/[^#\s]+#checkin\r?\n", request.TextBody);
    }

    [Theory]
    [InlineData("es", "Su programa de ejercicios en casa está listo", "Hola, Kari:", "Una vez por semana")]
    [InlineData("de", "Ihr Übungsprogramm für zu Hause ist bereit", "Hallo Kari,", "Einmal pro Woche")]
    [InlineData("fr", "Votre programme d'exercices à la maison est prêt", "Bonjour Kari,", "Une fois par semaine")]
    [InlineData("es-MX", "Su programa de ejercicios en casa está listo", "Hola, Kari:", "Una vez por semana")]
    public async Task The_welcome_is_written_in_the_patients_language(string language, string subject, string greeting, string cadence)
    {
        var welcome = await WelcomeAsync(Contact with { PreferredLanguage = language });

        Assert.Equal(subject, welcome.Subject);
        Assert.StartsWith(greeting, welcome.TextBody, StringComparison.Ordinal);
        Assert.Contains(cadence, welcome.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{language}\">", welcome.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(language, welcome.Language);
    }

    [Theory]
    [InlineData("nb-NO")]
    [InlineData("xx")]
    [InlineData(null)]
    public async Task A_language_we_do_not_ship_reads_English(string? language)
    {
        var welcome = await WelcomeAsync(Contact with { PreferredLanguage = language });

        Assert.Equal("Your home exercise programme is ready", welcome.Subject);
        Assert.Equal("en", welcome.Language);
    }

    [Theory]
    [InlineData("es", "Sus ejercicios en casa", "Para Kari", "Pare y llámenos si:", "una vez al día", "Su clínica de fisioterapia", "Esguince lateral de tobillo", "Fase 2 de 4: Movimiento controlado y primeros ejercicios de fuerza")]
    [InlineData("de", "Ihre Übungen für zu Hause", "Für Kari", "Hören Sie auf und rufen Sie uns an, wenn:", "einmal am Tag", "Ihre Physiotherapiepraxis", "Lateral ankle sprain", "Phase 2 von 4: Controlled motion and early strengthening")]
    [InlineData("fr", "Vos exercices à la maison", "Pour Kari", "Arrêtez et appelez-nous si\u00a0:", "une fois par jour", "Votre cabinet de kinésithérapie", "Lateral ankle sprain", "Phase 2 sur 4\u00a0: Controlled motion and early strengthening")]
    public async Task The_handout_is_written_in_the_patients_language(string language, string title, string forLine, string stopAndCall, string oncePerDay, string unnamedClinic, string conditionName, string phaseText)
    {
        var stored = await ActiveAsync(Contact with { PreferredLanguage = language });
        useCases.Clinics.Names.Clear();

        var handout = (await useCases.Handouts.BuildAsync(ClinicA, stored.Id, None)).Value!;

        // A clinic without a display name is "your physiotherapy clinic" in the patient's words.
        Assert.Equal((language, title, forLine, stopAndCall, unnamedClinic), (handout.Labels.Language, handout.Labels.Title, handout.ForLine, handout.Labels.StopAndCall, handout.ClinicName));
        // The condition's and phase's names in the patient's language where the library has them (German and French
        // read the English names until it does).
        Assert.Equal((conditionName, phaseText), (handout.ConditionName, handout.PhaseText));
        Assert.All(handout.Exercises, exercise => Assert.Contains(oncePerDay, exercise.Dose, StringComparison.Ordinal));
        Assert.DoesNotContain(handout.StopAndCall, line => line.Contains("call", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_clinics_alert_email_names_the_patient_says_the_alert_and_links_to_the_patients_page()
    {
        var stored = await ActiveAsync(Contact);
        var alert = Alert.Raise(stored.Id, AlertKind.HighPain, "2027-03-01", useCases.Clock.GetUtcNow(), "Pain 8/10 now and 6/10 during exercise reported for 2027-03-01.");
        var mailer = new ClinicAlertMailer(useCases.Email, Microsoft.Extensions.Options.Options.Create(new FollowUpOptions { ClinicAlertEmails = { ["clinic-a"] = "desk@clinic-a.example" } }),
            Microsoft.Extensions.Options.Options.Create(useCases.Portal));

        await mailer.SendAsync(PrescriptionEvents.AlertRaised(stored, alert), None);

        var email = Assert.Single(useCases.Email.Sent);
        var patient = stored.ExternalId ?? stored.PatientId;
        Assert.Equal($"High pain reported: patient {patient}", email.Subject);
        Assert.Contains($"High pain reported for patient {patient} (prescription {stored.Id}).", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("8/10", email.TextBody + email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"https://portal.example.org/patients/{stored.PatientId}", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://portal.example.org/patients/{stored.PatientId}\"", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_patient_is_written_to_in_their_own_language_and_named_in_the_clinics_alert_email()
    {
        var patient = (await useCases.PatientService.RegisterAsync("clinic-a", new Domain.Patients.PatientDetails("Kari", "Nordmann") { ExternalId = "MRN-42", Email = "kari@example.com", PreferredLanguage = "de-CH" }, Therapist, None)).Value!.Value;
        var stored = await ActiveAsync(Contact with { Email = string.Empty, FirstName = null }, patient.Id);

        await useCases.Sweeper.SweepAsync(None);
        var welcome = Assert.Single(useCases.Email.Sent);
        Assert.Equal(("de-CH", "Ihr Übungsprogramm für zu Hause ist bereit"), (welcome.Language, welcome.Subject));
        Assert.StartsWith("Hallo Kari,", welcome.TextBody, StringComparison.Ordinal);

        var alert = Alert.Raise(stored.Id, AlertKind.NoCheckIn, "2027-03-08", useCases.Clock.GetUtcNow(), "No check-in for 7 days.");
        var mailer = new ClinicAlertMailer(useCases.Email, Microsoft.Extensions.Options.Options.Create(new FollowUpOptions { ClinicAlertEmails = { ["clinic-a"] = "desk@clinic-a.example" } }),
            Microsoft.Extensions.Options.Options.Create(useCases.Portal), useCases.Patients);
        await mailer.SendAsync(PrescriptionEvents.AlertRaised(stored, alert), None);

        Assert.Equal("No recent check-in: patient Kari Nordmann (MRN-42)", useCases.Email.Sent[^1].Subject);
    }
}
